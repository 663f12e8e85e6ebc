import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMemo } from 'react';
import { getRuleSetCatalog, type RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { checkRuleCoverage, summarizeCoverage, type CoverageFinding } from '@/rules/static-check/check-rule-coverage';
import { validateRuleDocument } from '@/rules/validate-rule-document';

/**
 * 静态检查 of a rule document: every combination of the catalog's facts, the cases no decision covers and
 * the cases where contradicting decisions fire together. Computed here, from the document alone, so a
 * draft can be checked while it is typed; the editor shows validation errors itself.
 */
export function StaticCheckPanel({ ruleSetKey, document }: { ruleSetKey: RuleSetKey; document: unknown }) {
  const report = useMemo(() => {
    const validation = validateRuleDocument({ ruleSetKey, value: document });
    return validation.ok ? checkRuleCoverage(getRuleSetCatalog(ruleSetKey), validation.rules) : null;
  }, [ruleSetKey, document]);

  if (!report) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="static-check">
        文档有效后进行静态检查
      </Typography>
    );
  }
  const clean = report.gaps.length === 0 && report.overlaps.length === 0 && !report.truncated;
  return (
    <Box data-testid="static-check">
      <Alert severity={clean ? 'success' : 'warning'} sx={{ mb: 1 }}>
        静态检查：检查了 {report.combinations} 种事实组合，{summarizeCoverage(report)}
      </Alert>
      {report.gaps.length > 0 && (
        <Box sx={{ mb: 1 }}>
          <Typography variant="subtitle2">遗漏（没有任何结果命中）</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {report.gaps.map((gap) => (
              <li key={gap.description}>
                <Typography variant="body2">{gap.description}</Typography>
              </li>
            ))}
          </Box>
          <Typography variant="caption" color="text.secondary">
            这些情形下：{report.fallback}
          </Typography>
        </Box>
      )}
      {report.overlaps.length > 0 && <OverlapTable overlaps={report.overlaps} />}
    </Box>
  );
}

function OverlapTable({ overlaps }: { overlaps: CoverageFinding[] }) {
  return (
    <Box>
      <Typography variant="subtitle2">冲突（互相矛盾的结果同时命中）</Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>情形</TableCell>
            <TableCell>同时命中的结果</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {overlaps.map((overlap) => (
            <TableRow key={overlap.description}>
              <TableCell>{overlap.description}</TableCell>
              <TableCell>
                {overlap.outcomes?.map((o) => (
                  <Typography key={o.type} variant="body2">
                    {o.label}：{o.rules.map((r) => `「${r}」`).join('、')}
                  </Typography>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
