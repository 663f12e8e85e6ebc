import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import {
  Box, Button, Card, CardContent, CardHeader, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControl,
  FormControlLabel, IconButton, InputLabel, MenuItem, Paper, Select, Stack, Switch, TextField, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  addField, addSection, moveField, moveSection, removeField, removeSection, updateField, updateSection,
} from '@/forms/builder/edit-builder-model';
import { FIELD_KINDS, type BuilderField, type BuilderModel, type BuilderSection, type FieldKind } from '@/forms/builder/form-builder-model';
import { PREFILL_SOURCES } from '@/forms/prefill/prefill-sources';
import { FIELD_KIND_UI } from './field-kinds';
import { FieldSettingsDialog } from './field-settings-dialog';

type Editing = { section: string; field: string } | null;
type Deleting = { section: string; field?: string; title: string } | null;

function conditionText(field: BuilderField, section: BuilderSection): string | null {
  if (!field.showWhen) return null;
  const source = section.fields.find((f) => f.key === field.showWhen!.field);
  const value = typeof field.showWhen.equals === 'boolean'
    ? (field.showWhen.equals ? '是' : '否')
    : (source?.options?.find((o) => o.value === field.showWhen!.equals)?.label ?? String(field.showWhen.equals));
  return `仅当「${source?.title ?? field.showWhen.field}」为「${value}」时显示`;
}

function FieldRow({ field, section, first, last, onMove, onEdit, onDelete }: {
  field: BuilderField; section: BuilderSection; first: boolean; last: boolean;
  onMove: (by: -1 | 1) => void; onEdit: () => void; onDelete: () => void;
}) {
  const condition = conditionText(field, section);
  const label = field.title || field.key;
  return (
    <Box
      data-testid={`builder-field-${section.key}-${field.key}`}
      sx={{
        display: 'flex', alignItems: 'center', gap: 1.5, px: 1.5, py: 1, borderRadius: 1, border: 1, borderColor: 'divider',
        bgcolor: field.showWhen ? 'action.hover' : 'background.paper', ml: field.showWhen ? 3 : 0,
      }}
    >
      <Box sx={{ color: 'primary.main', display: 'flex' }}>{FIELD_KIND_UI[field.kind].icon}</Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>{label}</Typography>
          {field.required && <Chip size="small" color="error" variant="outlined" label="必填" />}
          {field.readOnly && <Chip size="small" variant="outlined" label="只读" />}
          {field.prefill && <Chip size="small" color="info" variant="outlined" label={`预填：${PREFILL_SOURCES[field.prefill].label}`} />}
        </Box>
        <Typography variant="caption" color="text.secondary" component="div">
          {FIELD_KIND_UI[field.kind].label} · <Box component="span" sx={{ fontFamily: 'monospace' }}>{field.key}</Box>
          {field.options && field.options.length > 0 && ` · ${field.options.map((o) => o.label).join(' / ')}`}
        </Typography>
        {condition && <Typography variant="caption" color="secondary.main" component="div">{condition}</Typography>}
      </Box>
      <Tooltip title="上移"><span><IconButton size="small" aria-label={`上移 ${label}`} disabled={first} onClick={() => onMove(-1)}><ArrowUpwardIcon fontSize="small" /></IconButton></span></Tooltip>
      <Tooltip title="下移"><span><IconButton size="small" aria-label={`下移 ${label}`} disabled={last} onClick={() => onMove(1)}><ArrowDownwardIcon fontSize="small" /></IconButton></span></Tooltip>
      <Tooltip title={field.kind === 'custom' ? '高级字段请在 JSON 中编辑' : '设置'}>
        <span><IconButton size="small" aria-label={`设置 ${label}`} disabled={field.kind === 'custom'} onClick={onEdit}><SettingsOutlinedIcon fontSize="small" /></IconButton></span>
      </Tooltip>
      <Tooltip title="删除"><IconButton size="small" aria-label={`删除 ${label}`} onClick={onDelete}><DeleteOutlineIcon fontSize="small" /></IconButton></Tooltip>
    </Box>
  );
}

/** 可视化编辑: the form as sections of fields, a palette to add fields, settings per field. */
export function FormBuilder({ model, onChange }: { model: BuilderModel; onChange: (model: BuilderModel) => void }) {
  const [target, setTarget] = useState(model.sections[0]?.key ?? '');
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const targetKey = model.sections.some((s) => s.key === target) ? target : (model.sections[0]?.key ?? '');
  const editingSection = editing && model.sections.find((s) => s.key === editing.section);
  const editingField = editingSection?.fields.find((f) => f.key === editing!.field);

  const add = (kind: Exclude<FieldKind, 'custom'>) => {
    const added = addField(model, targetKey, kind, FIELD_KIND_UI[kind].label);
    onChange(added.model);
    setEditing({ section: targetKey, field: added.key });
  };

  return (
    <Box data-testid="form-builder">
      <Paper variant="outlined" sx={{ p: 1.5, mb: 2, position: 'sticky', top: 56, zIndex: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
          <Typography variant="subtitle2" sx={{ whiteSpace: 'nowrap' }}>添加字段</Typography>
          <FormControl size="small" sx={{ minWidth: 200 }}>
            <InputLabel id="builder-target">添加到分组</InputLabel>
            <Select labelId="builder-target" label="添加到分组" value={targetKey} onChange={(e) => setTarget(e.target.value)}>
              {model.sections.map((s) => <MenuItem key={s.key} value={s.key}>{s.title || s.key}</MenuItem>)}
            </Select>
          </FormControl>
        </Box>
        <Box role="toolbar" aria-label="字段类型" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {FIELD_KINDS.map((kind) => (
            <Button key={kind} size="small" variant="outlined" startIcon={FIELD_KIND_UI[kind].icon} disabled={!targetKey} onClick={() => add(kind)}>
              {FIELD_KIND_UI[kind].label}
            </Button>
          ))}
        </Box>
      </Paper>

      <Stack spacing={2}>
        {model.sections.map((section, index) => (
          <Card key={section.key} variant="outlined" data-testid={`builder-section-${section.key}`} sx={{ borderColor: section.key === targetKey ? 'primary.light' : undefined }} onClick={() => setTarget(section.key)}>
            <CardHeader
              sx={{ pb: 0 }}
              title={
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <TextField
                    variant="standard"
                    value={section.title ?? ''}
                    placeholder="分组标题"
                    onChange={(e) => onChange(updateSection(model, section.key, { title: e.target.value }))}
                    slotProps={{ htmlInput: { 'aria-label': `分组标题 ${section.key}`, style: { fontWeight: 600, fontSize: 16 } } }}
                    sx={{ flex: 1 }}
                  />
                  <Chip size="small" label={section.key} sx={{ fontFamily: 'monospace' }} />
                </Box>
              }
              action={
                <Box sx={{ display: 'flex', alignItems: 'center' }}>
                  <FormControlLabel
                    control={<Switch size="small" checked={section.required} onChange={(e) => onChange(updateSection(model, section.key, { required: e.target.checked }))} />}
                    label={<Typography variant="body2">必填分组</Typography>}
                  />
                  <IconButton size="small" aria-label={`上移分组 ${section.title ?? section.key}`} disabled={index === 0} onClick={() => onChange(moveSection(model, section.key, -1))}><ArrowUpwardIcon fontSize="small" /></IconButton>
                  <IconButton size="small" aria-label={`下移分组 ${section.title ?? section.key}`} disabled={index === model.sections.length - 1} onClick={() => onChange(moveSection(model, section.key, 1))}><ArrowDownwardIcon fontSize="small" /></IconButton>
                  <IconButton size="small" aria-label={`删除分组 ${section.title ?? section.key}`} onClick={() => setDeleting({ section: section.key, title: section.title || section.key })}><DeleteOutlineIcon fontSize="small" /></IconButton>
                </Box>
              }
            />
            <CardContent>
              <Stack spacing={1}>
                {section.fields.map((field, i) => (
                  <FieldRow
                    key={field.key}
                    field={field}
                    section={section}
                    first={i === 0}
                    last={i === section.fields.length - 1}
                    onMove={(by) => onChange(moveField(model, section.key, field.key, by))}
                    onEdit={() => setEditing({ section: section.key, field: field.key })}
                    onDelete={() => setDeleting({ section: section.key, field: field.key, title: field.title || field.key })}
                  />
                ))}
                {section.fields.length === 0 && <Typography variant="body2" color="text.secondary">此分组还没有字段：选中它，再从上方添加。</Typography>}
              </Stack>
            </CardContent>
          </Card>
        ))}
      </Stack>
      <Button startIcon={<AddIcon />} sx={{ mt: 2 }} onClick={() => onChange(addSection(model, '新分组'))}>添加分组</Button>

      {editingSection && editingField && (
        <FieldSettingsDialog
          key={`${editing!.section}.${editing!.field}`}
          field={editingField}
          section={editingSection}
          onClose={() => setEditing(null)}
          onApply={(next) => {
            onChange(updateField(model, editingSection.key, editingField.key, next));
            setEditing(null);
          }}
        />
      )}
      <Dialog open={!!deleting} onClose={() => setDeleting(null)}>
        <DialogTitle>删除{deleting?.field ? '字段' : '分组'}「{deleting?.title}」？</DialogTitle>
        <DialogContent>
          <DialogContentText>
            删除后新的投保申请不再填写它；已提交的订单仍按其提交时的表单版本保留这项数据。发布前会提示受影响的订单。
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(null)}>取消</Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => {
              if (deleting) onChange(deleting.field ? removeField(model, deleting.section, deleting.field) : removeSection(model, deleting.section));
              setDeleting(null);
            }}
          >
            删除
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
