import { Alert, Box, Typography } from '@mui/material';
import { TextInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { formatRuleDocument } from '@/rules/diff-rule-documents';
import { validateRuleDocument } from '@/rules/validate-rule-document';
import { ReadableRules } from './readable-rules';

const toText = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : formatRuleDocument(value));

/**
 * The JSON of a draft with the same validation the server applies, run on every keystroke, and the
 * rules in plain Chinese beside it: an operator sees what the rules mean before saving.
 */
export function RuleDocumentEditor({ ruleSetKey }: { ruleSetKey: RuleSetKey }) {
  const value = useWatch({ name: 'document' }) as unknown;
  const validation = validateRuleDocument({ ruleSetKey, text: toText(value) });
  return (
    <Box sx={{ display: 'flex', gap: 3, width: '100%', flexWrap: 'wrap' }}>
      <Box sx={{ flex: '1 1 480px', minWidth: 0 }}>
        <TextInput
          source="document"
          label="规则文档（JSON，json-rules-engine 格式）"
          multiline
          minRows={18}
          maxRows={40}
          fullWidth
          format={toText}
          parse={(text: string) => text}
          sx={{ '& textarea': { fontFamily: 'monospace', fontSize: 13 } }}
        />
        {validation.ok ? (
          <Alert severity="success" data-testid="rule-validation">文档有效：共 {validation.rules.length} 条规则</Alert>
        ) : (
          <Alert severity="error" data-testid="rule-validation">
            发现 {validation.errors.length} 处错误：
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {validation.errors.slice(0, 10).map((e, i) => (
                <li key={i}>
                  <code>{e.path}</code>：{e.message}
                </li>
              ))}
            </Box>
          </Alert>
        )}
      </Box>
      <Box sx={{ flex: '1 1 360px', minWidth: 0 }}>
        <Typography variant="subtitle1" gutterBottom>
          规则说明（可读视图）
        </Typography>
        {validation.ok ? <ReadableRules ruleSetKey={ruleSetKey} document={validation.rules} /> : <Typography color="text.secondary">文档有效后显示</Typography>}
      </Box>
    </Box>
  );
}
