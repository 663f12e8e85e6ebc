import { Alert, Box, Typography } from '@mui/material';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { parseJsonObject, validateFormSchema } from '@/forms/validate-form-schema';
import { FormPreview } from './form-preview';

const toText = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value, null, 2));
const monospace = { '& textarea': { fontFamily: 'monospace', fontSize: 13 } };

/** Schema and uiSchema side by side, checked as they are typed, with the live form below. */
export function FormEditor() {
  const schemaText = toText(useWatch({ name: 'schema' }));
  const uiText = toText(useWatch({ name: 'ui_schema' }));
  const validation = validateFormSchema(schemaText);
  const uiSchema = uiText.trim() === '' ? {} : parseJsonObject(uiText);
  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: '1 1 420px', minWidth: 0 }}>
          <TextInput source="schema" label="表单结构（JSON Schema）" multiline minRows={16} maxRows={32} fullWidth format={toText} parse={(t: string) => t} sx={monospace} />
        </Box>
        <Box sx={{ flex: '1 1 320px', minWidth: 0 }}>
          <TextInput source="ui_schema" label="界面配置（uiSchema）" multiline minRows={16} maxRows={32} fullWidth format={toText} parse={(t: string) => t} sx={monospace} />
        </Box>
      </Box>
      {validation.ok && uiSchema ? (
        <Alert severity="success" data-testid="form-validation">表单结构有效</Alert>
      ) : (
        <Alert severity="error" data-testid="form-validation">
          {validation.ok ? '界面配置（uiSchema）必须是 JSON 对象' : validation.errors.join('；')}
        </Alert>
      )}
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        预览（投标人看到的表单）
      </Typography>
      {validation.ok && uiSchema && <FormPreview schema={JSON.parse(schemaText) as RJSFSchema} uiSchema={uiSchema as UiSchema} />}
    </Box>
  );
}
