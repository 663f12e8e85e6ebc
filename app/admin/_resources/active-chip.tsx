import { Chip } from '@mui/material';
import { NullableBooleanInput } from 'react-admin';

/** 状态 of a record that is taken out of use rather than deleted (regions, users). */
export function ActiveChip({ active }: { active: boolean }) {
  return <Chip size="small" color={active ? 'success' : 'default'} label={active ? '启用' : '停用'} />;
}

/** The 状态 filter of such a list: 全部, 启用 or 停用 (sent as a boolean). */
export function ActiveFilter(props: { source: string; alwaysOn?: boolean }) {
  return <NullableBooleanInput {...props} trueLabel="启用" falseLabel="停用" nullLabel="全部" />;
}
