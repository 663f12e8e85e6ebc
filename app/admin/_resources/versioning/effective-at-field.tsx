import { TextField } from '@mui/material';

/** 生效时间 as the server takes it: a Beijing wall-clock moment, or none (at once). */
export const effectiveAtOf = (value: string): string | null => (value ? `${value}:00+08:00` : null);

/** The optional 生效时间 of a publish or an approval (北京时间); empty publishes at once. */
export function EffectiveAtField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <TextField
      label="生效时间（北京时间，可选；留空则立即生效）"
      type="datetime-local"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      fullWidth
      sx={{ mt: 2 }}
      slotProps={{ inputLabel: { shrink: true } }}
      helperText="选择将来的时间则定时发布：到时才生效，生效前可撤回"
    />
  );
}
