import { Chip } from '@mui/material';

/** 状态 of a record that is taken out of use rather than deleted (regions, users). */
export function ActiveChip({ active }: { active: boolean }) {
  return <Chip size="small" color={active ? 'success' : 'default'} label={active ? '启用' : '停用'} />;
}

export const activeChoices = [
  { id: true, name: '启用' },
  { id: false, name: '停用' },
];
