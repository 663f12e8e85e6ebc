import { Alert, Box, Paper, Tab, Tabs, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useNotify } from 'react-admin';
import { useController } from 'react-hook-form';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import type { BuilderDocument } from '@/rules/builder/builder-model';
import { documentStructure } from '@/rules/builder/document-structure';
import { guardBuilderChange } from '@/rules/builder/guard-builder-change';
import { toBuilderModel } from '@/rules/builder/to-builder-model';
import { findUnsupportedConstructs } from '@/rules/builder/unsupported-constructs';
import { getRuleSetCatalog } from '@/rules/catalog/rule-set-catalogs';
import { formatRuleDocument } from '@/rules/diff-rule-documents';
import { ruleDocumentJsonSchema } from '@/rules/rule-document-json-schema';
import { validateRuleDocument } from '@/rules/validate-rule-document';
import { LazyJsonCodeEditor } from '../../../_components/lazy-json-code-editor';
import { ReadableRules } from '../readable-rules';
import { StaticCheckPanel } from '../static-check-panel';
import { VersionDiff } from '../version-diff';
import { ConditionTreeView } from './condition-tree-view';
import { DecisionTableView } from './decision-table-view';
import { TestCaseTable } from './test-case-table';

type View = 'tree' | 'table' | 'json';

export interface RuleDraftEditorProps {
  version: RuleVersionRecord;
  /** Value-only editing: values in conditions and outcome parameters, nothing structural. */
  valuesOnly: boolean;
  canEditTestCases: boolean;
}

const toText = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : formatRuleDocument(value));

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The draft editor: one document (the form's `document` value, as JSON text) shown three ways — the
 * condition tree, the decision table and the JSON — so a change in one is in the others at once; beside
 * them the live validation, the rules in plain Chinese, the static check, the diff and the test cases.
 */
export default function RuleDraftEditor({ version, valuesOnly, canEditTestCases }: RuleDraftEditorProps) {
  const catalog = getRuleSetCatalog(version.rule_set_key);
  const { field } = useController({ name: 'document' });
  const text = toText(field.value);
  const parsed = useMemo(() => parse(text), [text]);
  const model = useMemo(() => (parsed.ok ? toBuilderModel(parsed.value) : null), [parsed]);
  const unsupported = useMemo(() => (model?.ok ? findUnsupportedConstructs(model.model, catalog) : null), [model, catalog]);
  const visualPossible = model?.ok === true && unsupported?.length === 0;
  const [view, setView] = useState<View>(visualPossible ? 'tree' : 'json');
  const validation = useMemo(() => validateRuleDocument({ ruleSetKey: version.rule_set_key, text }), [version.rule_set_key, text]);
  const jsonSchema = useMemo(() => ruleDocumentJsonSchema(catalog), [catalog]);

  const setText = (next: string) => {
    if (next !== text) field.onChange(next);
  };
  const notify = useNotify();
  const setModel = (next: BuilderDocument) => {
    const guarded = guardBuilderChange(version.rule_set_key, parsed.ok ? parsed.value : undefined, next);
    if (!guarded.ok) return notify(guarded.message, { type: 'warning' });
    // The server refuses a value-only editor's change of structure on save; refusing it here says so at once.
    if (valuesOnly && parsed.ok && documentStructure(guarded.document) !== documentStructure(parsed.value)) {
      return notify('您只有修改规则取值的权限，此修改涉及规则结构，未应用', { type: 'warning' });
    }
    setText(formatRuleDocument(guarded.document));
  };
  const shownView = view !== 'json' && !visualPossible ? 'json' : view;

  return (
    <Box sx={{ width: '100%' }} data-testid="rule-draft-editor">
      {valuesOnly && (
        <Alert severity="info" sx={{ mb: 2 }}>
          您有「修改规则取值」的权限：可以修改条件中的取值和结果参数，不能增删规则或条件、更换事实、运算符或结果类型。
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 3, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Box sx={{ flex: '3 1 560px', minWidth: 0 }}>
          <Tabs value={shownView} onChange={(_e, v: View) => setView(v)} sx={{ mb: 2 }} aria-label="编辑方式">
            <Tab value="tree" label="可视化" disabled={!visualPossible} />
            <Tab value="table" label="决策表" disabled={!visualPossible} />
            <Tab value="json" label="JSON" />
          </Tabs>
          {!visualPossible && (
            <Alert severity="warning" sx={{ mb: 2 }} data-testid="builder-unavailable">
              {parsed.ok ? '此文档含有可视化编辑无法表示的内容，请在 JSON 中编辑（内容会原样保留）：' : 'JSON 格式有误，修正后可切换到可视化编辑。'}
              {unsupported && unsupported.length > 0 && (
                <Box component="ul" sx={{ m: 0, pl: 2 }}>
                  {(model?.ok ? unsupported : [model?.reason]).slice(0, 8).map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </Box>
              )}
              {model && !model.ok && <div>{model.reason}</div>}
            </Alert>
          )}
          {shownView === 'tree' && model?.ok && <ConditionTreeView catalog={catalog} model={model.model} onChange={setModel} valuesOnly={valuesOnly} />}
          {shownView === 'table' && model?.ok && (
            <DecisionTableView catalog={catalog} model={model.model} onChange={setModel} onOpenTree={() => setView('tree')} valuesOnly={valuesOnly} />
          )}
          {shownView === 'json' && (
            <LazyJsonCodeEditor value={text} onChange={setText} jsonSchema={jsonSchema} ariaLabel="规则文档 JSON" readOnly={valuesOnly} testId="rule-json-editor" minHeight="420px" />
          )}
        </Box>
        <Box sx={{ flex: '2 1 320px', minWidth: 0, position: 'sticky', top: 16 }}>
          {validation.ok ? (
            <Alert severity="success" data-testid="rule-validation">
              文档有效：共 {validation.rules.length} 条规则
            </Alert>
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
          <Paper variant="outlined" sx={{ p: 2, mt: 2 }} data-testid="readable-rules">
            <Typography variant="subtitle1" gutterBottom>
              规则说明
            </Typography>
            {validation.ok ? <ReadableRules ruleSetKey={version.rule_set_key} document={validation.rules} /> : <Typography color="text.secondary">文档有效后显示</Typography>}
          </Paper>
          <Paper variant="outlined" sx={{ p: 2, mt: 2 }}>
            <Typography variant="subtitle1" gutterBottom>
              静态检查
            </Typography>
            <StaticCheckPanel ruleSetKey={version.rule_set_key} document={validation.ok ? validation.rules : parsed.ok ? parsed.value : undefined} />
          </Paper>
        </Box>
      </Box>
      <Paper variant="outlined" sx={{ p: 2, mt: 3 }}>
        <Typography variant="subtitle1" gutterBottom>
          测试用例
        </Typography>
        <TestCaseTable version={version} documentText={text} documentValid={validation.ok} canEdit={canEditTestCases} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, mt: 3 }} data-testid="editor-diff">
        <Typography variant="subtitle1" gutterBottom>
          对比（编辑中的规则）
        </Typography>
        <Box sx={{ maxHeight: 520, overflow: 'auto' }}>
          {validation.ok ? <VersionDiff document={validation.rules} /> : <Typography color="text.secondary">文档有效后显示对比</Typography>}
        </Box>
      </Paper>
    </Box>
  );
}
