import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';
import type { CalendarCoverage } from '@/lib/calendar/calendar-coverage';
import { callApi } from './call-api';

/**
 * Asks for the holidays of a year the calendar does not hold yet (the coming one from 1 November): until they
 * are entered every weekday counts as a working day, and refunds due then are only provisional.
 */
export function MissingCalendarBanner() {
  const [coverage, setCoverage] = useState<CalendarCoverage | null>(null);
  useEffect(() => {
    let live = true;
    callApi<CalendarCoverage>('/api/admin/calendar-coverage')
      .then((found) => live && setCoverage(found))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!coverage?.missingYears.length) return null;
  const years = coverage.missingYears.map((y) => `${y} 年`).join('、');
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="missing-calendar-banner">
      工作日历尚无 {years}的节假日安排：国务院办公厅公布当年节假日安排后，请在“工作日历”中导入或逐日录入。录入前该年度按常规工作日计算，届时到期的退款日期为暂定。
    </Alert>
  );
}
