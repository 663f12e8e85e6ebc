import { requireActor } from '@/lib/auth/current-actor';
import { calendarCoverage } from '@/lib/calendar/calendar-coverage';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';

/** GET: the years the working-day calendar is needed for and does not hold yet (the banner on 工作日历). */
export function GET() {
  return handleApi(async () => Response.json(await calendarCoverage(await getDb(), await requireActor())));
}
