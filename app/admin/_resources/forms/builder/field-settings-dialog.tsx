import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import {
  Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, Divider, FormControl, FormControlLabel, IconButton,
  InputLabel, MenuItem, Select, Stack, TextField, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import { checkFieldKey } from '@/forms/builder/edit-builder-model';
import {
  canBeConditionSource, isChoiceKind, isNumberKind, isStringKind, type BuilderField, type BuilderSection, type ChoiceOption,
} from '@/forms/builder/form-builder-model';
import { PREFILL_SOURCES, type PrefillSource } from '@/forms/prefill/prefill-sources';
import { FIELD_KIND_UI } from './field-kinds';

const OPTION_VALUE = /^[A-Za-z0-9_-]{1,40}$/;

const numberOrUndefined = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text));

function problemsOf(field: BuilderField, section: BuilderSection, originalKey: string): string[] {
  const problems: string[] = [];
  const keyProblem = checkFieldKey(section, field.key, originalKey);
  if (keyProblem) problems.push(keyProblem);
  if (!field.title?.trim()) problems.push('请填写标题');
  if (isChoiceKind(field.kind)) {
    const options = field.options ?? [];
    if (options.length === 0) problems.push('请至少添加一个选项');
    if (options.some((o) => !OPTION_VALUE.test(o.value))) problems.push('选项值须为 1–40 位英文字母、数字、下划线或短横线');
    if (new Set(options.map((o) => o.value)).size !== options.length) problems.push('选项值不能重复');
    if (options.some((o) => !o.label.trim())) problems.push('每个选项都须有中文名称');
  }
  const [low, high] = isNumberKind(field.kind) ? [field.minimum, field.maximum] : [field.minLength, field.maxLength];
  if (low !== undefined && high !== undefined && low > high) problems.push('最小值不能大于最大值');
  if (isStringKind(field.kind) && ((field.minLength ?? 0) < 0 || (field.maxLength ?? 0) < 0)) problems.push('长度不能为负数');
  if (field.showWhen && field.showWhen.equals === '') problems.push('请选择显示条件的取值');
  return problems;
}

/** One field's settings, edited on a copy and applied with 确定. */
export function FieldSettingsDialog({ field: initial, section, onClose, onApply }: {
  field: BuilderField;
  section: BuilderSection;
  onClose: () => void;
  onApply: (field: BuilderField) => void;
}) {
  const [field, setField] = useState<BuilderField>(initial);
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<BuilderField>) => setField((f) => ({ ...f, ...patch }));
  const problems = problemsOf(field, section, initial.key);
  const sources = section.fields.filter((f) => f.key !== initial.key && canBeConditionSource(f));
  const source = sources.find((f) => f.key === field.showWhen?.field);
  const hasDependents = section.fields.some((f) => f.showWhen?.field === initial.key);
  const stringKind = isStringKind(field.kind);
  const numberKind = isNumberKind(field.kind);
  const choiceKind = isChoiceKind(field.kind);
  const setOption = (index: number, patch: Partial<ChoiceOption>) =>
    set({ options: (field.options ?? []).map((o, i) => (i === index ? { ...o, ...patch } : o)) });

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="field-settings-title">
      <DialogTitle id="field-settings-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {FIELD_KIND_UI[field.kind].icon}
        字段设置 · {FIELD_KIND_UI[field.kind].label}
      </DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Box sx={{ display: 'flex', gap: 2 }}>
            <TextField label="标题" value={field.title ?? ''} onChange={(e) => set({ title: e.target.value })} fullWidth required autoFocus />
            <TextField
              label="键名"
              value={field.key}
              onChange={(e) => set({ key: e.target.value.trim() })}
              sx={{ width: 220 }}
              helperText="数据中的字段名，英文字母开头"
              error={tried && !!checkFieldKey(section, field.key, initial.key)}
              disabled={hasDependents}
            />
          </Box>
          <TextField label="帮助文字" value={field.help ?? ''} onChange={(e) => set({ help: e.target.value || undefined })} fullWidth helperText="显示在输入框下方" />
          {!choiceKind && field.kind !== 'boolean' && (
            <TextField label="占位提示" value={field.placeholder ?? ''} onChange={(e) => set({ placeholder: e.target.value || undefined })} fullWidth />
          )}
          <Box sx={{ display: 'flex', gap: 3 }}>
            <FormControlLabel control={<Checkbox checked={field.required} onChange={(e) => set({ required: e.target.checked })} />} label="必填" />
            <FormControlLabel control={<Checkbox checked={field.readOnly} onChange={(e) => set({ readOnly: e.target.checked })} />} label="只读" />
          </Box>
          {(stringKind || numberKind) && field.kind !== 'date' && (
            <Box sx={{ display: 'flex', gap: 2 }}>
              <TextField
                label={numberKind ? '最小值' : '最小长度'}
                type="number"
                value={(numberKind ? field.minimum : field.minLength) ?? ''}
                onChange={(e) => set(numberKind ? { minimum: numberOrUndefined(e.target.value) } : { minLength: numberOrUndefined(e.target.value) })}
                fullWidth
              />
              <TextField
                label={numberKind ? '最大值' : '最大长度'}
                type="number"
                value={(numberKind ? field.maximum : field.maxLength) ?? ''}
                onChange={(e) => set(numberKind ? { maximum: numberOrUndefined(e.target.value) } : { maxLength: numberOrUndefined(e.target.value) })}
                fullWidth
              />
            </Box>
          )}
          {choiceKind && (
            <Box>
              <Typography variant="subtitle2" gutterBottom>选项（值 + 中文名称）</Typography>
              <Stack spacing={1}>
                {(field.options ?? []).map((option, index) => (
                  <Box key={index} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                    <TextField size="small" label={`选项 ${index + 1} 中文名称`} value={option.label} onChange={(e) => setOption(index, { label: e.target.value })} sx={{ flex: 2 }} />
                    <TextField size="small" label={`选项 ${index + 1} 值`} value={option.value} onChange={(e) => setOption(index, { value: e.target.value.trim() })} sx={{ flex: 1 }} />
                    <Tooltip title="删除选项">
                      <IconButton aria-label={`删除选项 ${index + 1}`} onClick={() => set({ options: field.options!.filter((_, i) => i !== index) })}>
                        <DeleteOutlineIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </Box>
                ))}
              </Stack>
              <Button
                size="small"
                startIcon={<AddIcon />}
                sx={{ mt: 1 }}
                onClick={() => {
                  const taken = new Set((field.options ?? []).map((o) => o.value));
                  let n = (field.options?.length ?? 0) + 1;
                  while (taken.has(`option${n}`)) n++;
                  set({ options: [...(field.options ?? []), { value: `option${n}`, label: '' }] });
                }}
              >
                添加选项
              </Button>
            </Box>
          )}
          {!choiceKind && field.kind !== 'boolean' && (
            <FormControl fullWidth>
              <InputLabel id="field-prefill">从企业信息预填</InputLabel>
              <Select
                labelId="field-prefill"
                label="从企业信息预填"
                value={field.prefill ?? ''}
                onChange={(e) => set({ prefill: (e.target.value || undefined) as PrefillSource | undefined })}
              >
                <MenuItem value="">不预填</MenuItem>
                {Object.entries(PREFILL_SOURCES).map(([key, { label }]) => (
                  <MenuItem key={key} value={key}>{label}</MenuItem>
                ))}
              </Select>
            </FormControl>
          )}
          <Divider />
          <Typography variant="subtitle2">显示条件</Typography>
          {hasDependents ? (
            <Alert severity="info">其他字段依赖此字段显示，此字段本身不能再设显示条件，键名也不能修改。</Alert>
          ) : (
            <Box sx={{ display: 'flex', gap: 2 }}>
              <FormControl fullWidth>
                <InputLabel id="field-condition-source">仅当此字段有值时显示</InputLabel>
                <Select
                  labelId="field-condition-source"
                  label="仅当此字段有值时显示"
                  value={field.showWhen?.field ?? ''}
                  onChange={(e) => {
                    const next = sources.find((f) => f.key === e.target.value);
                    set({ showWhen: next ? { field: next.key, equals: next.kind === 'boolean' ? true : (next.options?.[0]?.value ?? '') } : undefined });
                  }}
                >
                  <MenuItem value="">始终显示</MenuItem>
                  {sources.map((f) => (
                    <MenuItem key={f.key} value={f.key}>{f.title ?? f.key}</MenuItem>
                  ))}
                </Select>
              </FormControl>
              {source && field.showWhen && (
                <FormControl fullWidth>
                  <InputLabel id="field-condition-value">等于</InputLabel>
                  <Select
                    labelId="field-condition-value"
                    label="等于"
                    value={String(field.showWhen.equals)}
                    onChange={(e) => set({ showWhen: { field: source.key, equals: source.kind === 'boolean' ? e.target.value === 'true' : e.target.value } })}
                  >
                    {source.kind === 'boolean'
                      ? [<MenuItem key="true" value="true">是</MenuItem>, <MenuItem key="false" value="false">否</MenuItem>]
                      : (source.options ?? []).map((o) => <MenuItem key={o.value} value={o.value}>{o.label || o.value}</MenuItem>)}
                  </Select>
                </FormControl>
              )}
            </Box>
          )}
          {sources.length === 0 && !hasDependents && (
            <Typography variant="body2" color="text.secondary">本分组中没有可作为条件的下拉选择、单选或是/否字段。</Typography>
          )}
          {tried && problems.length > 0 && <Alert severity="error">{problems.join('；')}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button
          variant="contained"
          onClick={() => {
            setTried(true);
            if (problems.length === 0) onApply({ ...field, title: field.title?.trim() });
          }}
        >
          确定
        </Button>
      </DialogActions>
    </Dialog>
  );
}
