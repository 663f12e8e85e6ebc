import { Box, Typography } from '@mui/material';
import { getRuleSetCatalog, type RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { describeRule } from '@/rules/describe-conditions';
import type { DocumentRule } from '@/rules/rule-document-types';

/** The rules in plain Chinese, in the order the engine weighs them (priority, then document order). */
export function ReadableRules({ ruleSetKey, document }: { ruleSetKey: RuleSetKey; document: unknown }) {
  if (!Array.isArray(document)) return null;
  const catalog = getRuleSetCatalog(ruleSetKey);
  return (
    <Box component="ol" sx={{ m: 0, pl: 3 }}>
      {(document as DocumentRule[]).map((rule, index) => (
        <li key={index} style={{ marginBottom: 8 }}>
          <Typography variant="subtitle2">
            {rule.name ?? `规则 ${index + 1}`}
            {rule.priority !== undefined && <Typography component="span" variant="caption" color="text.secondary">（优先级 {rule.priority}）</Typography>}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {describeRule(catalog, rule)}
          </Typography>
        </li>
      ))}
    </Box>
  );
}
