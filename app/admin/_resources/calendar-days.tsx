import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import {
  Alert, Box, Button as MuiButton, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Table,
  TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  BooleanField, BooleanInput, Button, Create, CreateButton, Datagrid, DateInput, DeleteButton, Edit, FunctionField, Labeled, List, SaveButton,
  SelectInput, SimpleForm, TextField, TextInput, Toolbar, TopToolbar, required,
} from 'react-admin';
import type { CalendarDayKind, CalendarDayRecord } from '@/lib/calendar/calendar-day-resource';
import type { OfficialHolidayImport } from '@/lib/calendar/import-official-holidays';
import { OFFICIAL_HOLIDAYS, OFFICIAL_HOLIDAY_YEARS } from '@/lib/calendar/official-holidays';
import { useBackOfficeAction } from '../_components/use-back-office-action';
import { callApi } from '../_components/call-api';
import { MissingCalendarBanner } from '../_components/missing-calendar-banner';
import { useCanWrite } from '../_components/use-can-write';

const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

const KINDS: Record<CalendarDayKind, { label: string; color: 'error' | 'warning' | 'default' }> = {
  holiday: { label: '节假日休息', color: 'error' },
  makeup_workday: { label: '调休上班', color: 'warning' },
  weekend: { label: '周末休息', color: 'default' },
  workday: { label: '工作日', color: 'default' },
};

const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const yearChoices = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ id: String(y), name: `${y} 年` }));
const monthChoices = Array.from({ length: 12 }, (_, i) => ({ id: String(i + 1), name: `${i + 1} 月` }));

const filters = [
  <SelectInput key="year" source="year" label="年份" choices={yearChoices} emptyText="全部年份" alwaysOn />,
  <SelectInput key="month" source="month" label="月份" choices={monthChoices} emptyText="全部月份" alwaysOn />,
];

const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** 导入法定节假日: shows the year's schedule first; days already set stay as the operators set them. */
function ImportHolidaysButton() {
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(OFFICIAL_HOLIDAY_YEARS.includes(thisYear) ? thisYear : OFFICIAL_HOLIDAY_YEARS.at(-1)!);
  const { run, busy, error } = useBackOfficeAction(() => setOpen(false));
  const schedule = OFFICIAL_HOLIDAYS[year];

  const submit = () =>
    run(async () => {
        const result = await callApi<OfficialHolidayImport>('/api/admin/official-holidays', { method: 'POST', body: { year } });
      return result.added.length
          ? `已导入 ${year} 年法定节假日 ${result.added.length} 天${result.kept.length ? `，已有设置的 ${result.kept.length} 天保持不变` : ''}`
          : `${year} 年的法定节假日已全部在日历中，未做更改`;
    });

  return (
    <>
      <Button label="导入法定节假日" onClick={() => setOpen(true)} data-testid="calendar-import-holidays">
        <EventAvailableIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth data-testid="calendar-import-dialog">
        <DialogTitle>导入法定节假日</DialogTitle>
        <DialogContent>
          <MuiTextField select size="small" label="年份" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ mt: 1, mb: 2, minWidth: 140 }}>
            {OFFICIAL_HOLIDAY_YEARS.map((y) => (
              <MenuItem key={y} value={y}>{y} 年</MenuItem>
            ))}
          </MuiTextField>
          {schedule && (
            <>
              <DialogContentText sx={{ mb: 1 }}>依据《{schedule.notice}》：</DialogContentText>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>节日</TableCell>
                    <TableCell>放假</TableCell>
                    <TableCell>调休上班</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {schedule.holidays.map((h) => (
                    <TableRow key={h.name}>
                      <TableCell>{h.name}</TableCell>
                      <TableCell>{md(h.off[0])}至{md(h.off[1])}</TableCell>
                      <TableCell>{h.workdays.map(md).join('、') || '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Alert severity="info" sx={{ mt: 2 }}>只添加日历中还没有的日期；已有设置的日期（包括手工修改过的）保持不变。请与国务院办公厅发布的通知原文核对。</Alert>
            </>
          )}
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>取消</MuiButton>
          <MuiButton variant="contained" onClick={submit} disabled={busy || !schedule} data-testid="calendar-import-confirm">
            {busy ? '导入中…' : '导入'}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

function CalendarActions() {
  const canWrite = useCanWrite();
  return (
    <TopToolbar>
      {canWrite && <ImportHolidaysButton />}
      {canWrite && <CreateButton label="新增日期" />}
    </TopToolbar>
  );
}

function NoDays() {
  return (
    <Box sx={{ m: 3 }} data-testid="calendar-empty">
      <Typography>所选期间没有特殊安排：周一至周五为工作日，周六、周日休息。</Typography>
    </Box>
  );
}

/** 工作日历: only the days that differ from the usual week are listed; refunds fall due by it. */
export function CalendarDayList() {
  const canWrite = useCanWrite();
  return (
    <>
      <MissingCalendarBanner />
      <Alert severity="info" sx={{ mt: 2 }}>
        全国统一的工作日历。未列出的日期按常规：周一至周五上班，周六、周日休息。退款应退日期按此日历顺延 5 个工作日计算（已生成的退款不受之后修改的影响）。
      </Alert>
      <List
        filters={filters}
        filterDefaultValues={{ year: String(thisYear) }}
        sort={{ field: 'day', order: 'ASC' }}
        perPage={50}
        actions={<CalendarActions />}
        empty={false}
      >
        <Datagrid bulkActionButtons={false} rowClick={canWrite ? 'edit' : false} empty={<NoDays />}>
          <TextField source="day" />
          <FunctionField source="weekday" sortable={false} render={(r: CalendarDayRecord) => WEEKDAYS[r.weekday]} />
          <FunctionField
            source="kind"
            sortable={false}
            render={(r: CalendarDayRecord) => <Chip size="small" color={KINDS[r.kind].color} label={KINDS[r.kind].label} />}
          />
          <BooleanField source="is_working_day" sortable={false} />
          <TextField source="note" sortable={false} />
        </Datagrid>
      </List>
    </>
  );
}

export function CalendarDayCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ is_working_day: false, note: '' }}>
        <DateInput source="day" validate={required()} />
        <BooleanInput source="is_working_day" helperText="关闭表示当天休息（节假日）；周六、周日打开表示调休上班" />
        <TextInput source="note" fullWidth helperText="如：春节放假、国庆节调休上班" />
      </SimpleForm>
    </Create>
  );
}

function EditToolbar() {
  return (
    <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <SaveButton />
      <DeleteButton
        mutationMode="pessimistic"
        confirmTitle="删除该日期的设置？"
        confirmContent="删除后该日期按常规计算（周一至周五上班，周六、周日休息）。"
      />
    </Toolbar>
  );
}

export function CalendarDayEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<EditToolbar />}>
        <Labeled>
          <TextField source="day" />
        </Labeled>
        <BooleanInput source="is_working_day" helperText="关闭表示当天休息（节假日）；周六、周日打开表示调休上班" />
        <TextInput source="note" fullWidth />
      </SimpleForm>
    </Edit>
  );
}
