import { TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { RULE_DOCUMENT_LIMITS } from '@/rules/rule-document-limits';

/**
 * A rule's name as typed: written to the document only while it is one the validator accepts (not
 * empty, not another rule's), so typing never leaves the draft invalid; otherwise the field says why.
 */
export function RuleNameField({ value, otherNames, onChange, disabled }: { value: string; otherNames: string[]; onChange: (name: string) => void; disabled: boolean }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const trimmed = text.trim();
  const problem =
    trimmed === '' ? '请填写规则名称' : text.length > RULE_DOCUMENT_LIMITS.maxNameLength ? `不能超过 ${RULE_DOCUMENT_LIMITS.maxNameLength} 个字符` : otherNames.includes(text) ? '与另一条规则同名' : null;
  return (
    <TextField
      size="small"
      label="规则名称"
      value={text}
      disabled={disabled}
      error={problem !== null}
      helperText={problem ?? ' '}
      onChange={(e) => {
        setText(e.target.value);
        const next = e.target.value;
        if (next.trim() !== '' && next.length <= RULE_DOCUMENT_LIMITS.maxNameLength && !otherNames.includes(next)) onChange(next);
      }}
      sx={{ minWidth: 320, flex: 1 }}
    />
  );
}

/** The priority as typed: a positive whole number or nothing (json-rules-engine's default, 1). */
export function RulePriorityField({ value, onChange, disabled }: { value: number | undefined; onChange: (priority: number | undefined) => void; disabled: boolean }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const valid = (t: string) => t === '' || /^[1-9]\d{0,8}$/.test(t);
  return (
    <TextField
      size="small"
      label="优先级"
      value={text}
      disabled={disabled}
      error={!valid(text)}
      helperText={valid(text) ? '数字大的先判定' : '须为正整数'}
      inputProps={{ inputMode: 'numeric' }}
      onChange={(e) => {
        setText(e.target.value);
        if (valid(e.target.value)) onChange(e.target.value === '' ? undefined : Number(e.target.value));
      }}
      sx={{ width: 130 }}
    />
  );
}
