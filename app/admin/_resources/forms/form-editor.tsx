import { Alert, Box, Paper, Tab, Tabs, Typography } from '@mui/material';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { useMemo, useState } from 'react';
import { useController } from 'react-hook-form';
import type { BuilderModel } from '@/forms/builder/form-builder-model';
import { fromBuilderModel } from '@/forms/builder/from-builder-model';
import { toBuilderModel } from '@/forms/builder/to-builder-model';
import { UI_SCHEMA_JSON_SCHEMA } from '@/forms/ui-schema-json-schema';
import { parseJsonObject, validateFormSchema, validateUiSchema } from '@/forms/validate-form-schema';
import JsonCodeEditor from '../../_components/json-code-editor';
import { FormBuilder } from './builder/form-builder';
import { FormPreview } from './form-preview';

const toText = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value, null, 2));

// ajv already knows draft-07 by its $id; the editor compiles its own copy, which must not claim that id.
const { $id: _id, $schema: _schema, ...SCHEMA_META_SCHEMA } = draft07 as Record<string, unknown>;

/**
 * The draft's two documents (form values `schema` and `ui_schema`, saved by 保存草稿) in two views —
 * 可视化编辑 (the builder) and JSON (the expert view) — with the live form beside them. Both views edit
 * the same text; the builder reads it through the adapter and writes it back losslessly.
 */
export function FormEditor() {
  const { field: schemaField } = useController({ name: 'schema' });
  const { field: uiField } = useController({ name: 'ui_schema' });
  const schemaText = toText(schemaField.value);
  const uiText = toText(uiField.value);
  const validation = validateFormSchema(schemaText);
  const uiValidation = validateUiSchema(uiText.trim() === '' ? undefined : uiText);
  const schema = validation.ok ? parseJsonObject(schemaText) : null;
  const uiSchema = uiValidation.ok ? (uiText.trim() === '' ? {} : parseJsonObject(uiText)) : null;
  const read = useMemo(() => (schema && uiSchema ? toBuilderModel(schema, uiSchema) : null), [schemaText, uiText]); // eslint-disable-line react-hooks/exhaustive-deps
  const [view, setView] = useState<'builder' | 'json'>(() => (read?.ok === false ? 'json' : 'builder'));

  const writeModel = (model: BuilderModel) => {
    const document = fromBuilderModel(model);
    schemaField.onChange(JSON.stringify(document.schema, null, 2));
    uiField.onChange(JSON.stringify(document.uiSchema, null, 2));
  };

  return (
    <Box sx={{ width: '100%', display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: { xs: 'wrap', lg: 'nowrap' } }}>
      <Box sx={{ flex: '1 1 560px', minWidth: 0 }}>
        <Tabs value={view} onChange={(_e, next) => setView(next)} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
          <Tab value="builder" label="可视化编辑" />
          <Tab value="json" label="JSON" />
        </Tabs>
        {validation.ok && uiValidation.ok ? (
          <Alert severity="success" data-testid="form-validation" sx={{ mb: 2 }}>表单结构有效</Alert>
        ) : (
          <Alert severity="error" data-testid="form-validation" sx={{ mb: 2 }}>
            {[...(validation.ok ? [] : validation.errors), ...(uiValidation.ok ? [] : uiValidation.errors)].join('；')}
          </Alert>
        )}
        {view === 'builder' &&
          (read?.ok ? (
            <FormBuilder model={read.model} onChange={writeModel} />
          ) : (
            <Alert severity="warning" data-testid="builder-unavailable">
              {read ? read.reason : '表单结构有误，可视化编辑暂不可用；请在 JSON 中修正。'}
            </Alert>
          ))}
        {view === 'json' && (
          <Box sx={{ display: 'grid', gap: 2 }}>
            <Box>
              <Typography variant="subtitle2" gutterBottom>表单结构（JSON Schema）</Typography>
              <JsonCodeEditor value={schemaText} onChange={(text) => schemaField.onChange(text)} jsonSchema={SCHEMA_META_SCHEMA} ariaLabel="表单结构（JSON Schema）" testId="form-schema-json" maxHeight="560px" />
            </Box>
            <Box>
              <Typography variant="subtitle2" gutterBottom>界面配置（uiSchema）</Typography>
              <JsonCodeEditor value={uiText} onChange={(text) => uiField.onChange(text)} jsonSchema={UI_SCHEMA_JSON_SCHEMA} ariaLabel="界面配置（uiSchema）" testId="form-ui-json" minHeight="200px" maxHeight="420px" />
            </Box>
          </Box>
        )}
      </Box>
      <Paper variant="outlined" sx={{ flex: '1 1 420px', minWidth: 0, p: 2, position: { lg: 'sticky' }, top: { lg: 64 }, maxHeight: { lg: 'calc(100vh - 80px)' }, overflow: 'auto' }}>
        <Typography variant="subtitle1" gutterBottom>预览（投标人看到的表单）</Typography>
        {schema && uiSchema ? (
          <FormPreview schema={schema as RJSFSchema} uiSchema={uiSchema as UiSchema} />
        ) : (
          <Alert severity="info">修正表单结构后显示预览</Alert>
        )}
      </Paper>
    </Box>
  );
}
