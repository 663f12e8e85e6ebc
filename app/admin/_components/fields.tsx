import { DateField, DateTimeInput, FunctionField, NumberInput, type DateTimeInputProps, type NumberInputProps } from 'react-admin';
import { formatFen } from '@/lib/money/format-fen';
import { fromBeijingWallClock, toBeijingWallClock } from '@/lib/time/beijing-wall-clock';
import { DISPLAY_TIME_ZONE } from '@/lib/time/format';

/** Amounts are stored in fen; people type and read yuan. */
export function MoneyInput(props: NumberInputProps) {
  return (
    <NumberInput
      step={0.01}
      min={0}
      format={(fen?: number | null) => (fen == null ? '' : fen / 100)}
      parse={(yuan: string | number | null) => (yuan === '' || yuan == null ? null : Math.round(Number(yuan) * 100))}
      helperText="单位：元"
      {...props}
    />
  );
}

export function MoneyField({ source, label }: { source: string; label?: string }) {
  return (
    <FunctionField
      source={source}
      label={label}
      textAlign="right"
      render={(record: Record<string, unknown>) => (typeof record[source] === 'number' ? formatFen(record[source]) : '')}
    />
  );
}

/** Beijing time on screen, whatever the browser's zone; an instant with its offset on the wire. */
export function InstantInput(props: DateTimeInputProps) {
  return <DateTimeInput format={toBeijingWallClock} parse={fromBeijingWallClock} helperText="北京时间" {...props} />;
}

export function InstantField({ source, label }: { source: string; label?: string }) {
  return (
    <DateField
      source={source}
      label={label}
      showTime
      locales="zh-CN"
      options={{ timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }}
    />
  );
}
