import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import AddIcon from '@mui/icons-material/Add';
import {
  Box, Button, Card, CardContent, CardHeader, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControl,
  IconButton, InputLabel, MenuItem, Select, Stack, Tooltip, Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import type { RuleSetCatalog } from '@/rules/catalog/catalog-types';
import { findOutcome } from '@/rules/catalog/rule-set-catalogs';
import type { BuilderDocument, BuilderEvent, BuilderGroup, BuilderRule } from '@/rules/builder/builder-model';
import { RuleNameField, RulePriorityField } from './rule-meta-fields';
import { RuleQueryBuilder } from './rule-query-builder';

export interface ConditionTreeViewProps {
  catalog: RuleSetCatalog;
  model: BuilderDocument;
  onChange: (model: BuilderDocument) => void;
  valuesOnly: boolean;
}

/** 可视化: each rule a card (name, priority, outcome) over its condition tree. */
export function ConditionTreeView({ catalog, model, onChange, valuesOnly }: ConditionTreeViewProps) {
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const setRules = (rules: BuilderRule[]) => onChange({ rules });
  const updateRule = (index: number, rule: BuilderRule) => setRules(model.rules.map((r, i) => (i === index ? rule : r)));
  const move = (index: number, by: -1 | 1) => {
    const rules = [...model.rules];
    const [rule] = rules.splice(index, 1);
    rules.splice(index + by, 0, rule!);
    setRules(rules);
  };
  const duplicate = (index: number) => {
    const source = model.rules[index]!;
    const copy = JSON.parse(JSON.stringify(source)) as BuilderRule;
    copy.name = uniqueName(model, `${typeof source.name === 'string' ? source.name : `规则 ${index + 1}`}（副本）`);
    setRules([...model.rules.slice(0, index + 1), copy, ...model.rules.slice(index + 1)]);
  };

  return (
    <Stack spacing={2} data-testid="condition-tree">
      {model.rules.map((rule, index) => {
        const title = typeof rule.name === 'string' ? rule.name : `规则 ${index + 1}`;
        return (
          <Card key={index} variant="outlined" data-testid="rule-card" aria-label={`规则：${title}`}>
            <CardHeader
              sx={{ pb: 0 }}
              title={
                <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
                  <Typography variant="body2" color="text.secondary">
                    第 {index + 1} 条
                  </Typography>
                  <RuleNameField
                    value={typeof rule.name === 'string' ? rule.name : ''}
                    otherNames={model.rules.filter((_, i) => i !== index).map((r) => r.name).filter((n): n is string => typeof n === 'string')}
                    onChange={(name) => updateRule(index, { ...rule, name })}
                    disabled={valuesOnly}
                  />
                  <RulePriorityField
                    value={typeof rule.priority === 'number' ? rule.priority : undefined}
                    onChange={(priority) => updateRule(index, { ...rule, priority })}
                    disabled={valuesOnly}
                  />
                </Stack>
              }
              action={
                !valuesOnly && (
                  <Stack direction="row">
                    <Tooltip title="上移">
                      <span>
                        <IconButton aria-label="上移规则" disabled={index === 0} onClick={() => move(index, -1)}>
                          <ArrowUpwardIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title="下移">
                      <span>
                        <IconButton aria-label="下移规则" disabled={index === model.rules.length - 1} onClick={() => move(index, 1)}>
                          <ArrowDownwardIcon fontSize="small" />
                        </IconButton>
                      </span>
                    </Tooltip>
                    <Tooltip title="复制此规则">
                      <IconButton aria-label="复制规则" onClick={() => duplicate(index)}>
                        <ContentCopyIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title="删除此规则">
                      <IconButton aria-label="删除规则" onClick={() => setConfirmDelete(index)}>
                        <DeleteOutlineIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </Stack>
                )
              }
            />
            <CardContent>
              <Typography variant="subtitle2" gutterBottom>
                当以下条件成立时
              </Typography>
              {rule.conditions && 'combinator' in rule.conditions && (
                <RuleQueryBuilder
                  catalog={catalog}
                  conditions={rule.conditions}
                  valuesOnly={valuesOnly}
                  onChange={(conditions: BuilderGroup) => updateRule(index, { ...rule, conditions })}
                />
              )}
              <OutcomeEditor catalog={catalog} event={rule.event} valuesOnly={valuesOnly} onChange={(event) => updateRule(index, { ...rule, event })} />
            </CardContent>
          </Card>
        );
      })}
      {!valuesOnly && (
        <Box>
          <Button startIcon={<AddIcon />} variant="outlined" onClick={() => setRules([...model.rules, newRule(catalog, model)])}>
            添加规则
          </Button>
        </Box>
      )}
      <Dialog open={confirmDelete !== null} onClose={() => setConfirmDelete(null)}>
        <DialogTitle>删除规则</DialogTitle>
        <DialogContent>
          <DialogContentText>
            确定删除「{confirmDelete !== null ? String(model.rules[confirmDelete]?.name ?? `规则 ${confirmDelete + 1}`) : ''}」？删除后可在保存草稿前撤销（切换到 JSON 视图或刷新页面不保存）。
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmDelete(null)}>取消</Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => {
              setRules(model.rules.filter((_, i) => i !== confirmDelete));
              setConfirmDelete(null);
            }}
          >
            确认删除
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

/** The rule's outcome: an outcome of the catalog, and its parameters from their allowed values. */
function OutcomeEditor({ catalog, event, onChange, valuesOnly }: { catalog: RuleSetCatalog; event: BuilderEvent | undefined; onChange: (e: BuilderEvent) => void; valuesOnly: boolean }) {
  const outcome = typeof event?.type === 'string' ? findOutcome(catalog, event.type) : undefined;
  const params = (event?.params && typeof event.params === 'object' ? event.params : {}) as Record<string, unknown>;
  const id = useId();
  return (
    <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 2 }} flexWrap="wrap" useFlexGap>
      <Typography variant="subtitle2">则结果为</Typography>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id={`${id}-outcome`}>结果</InputLabel>
        <Select
          labelId={`${id}-outcome`}
          label="结果"
          value={outcome?.type ?? ''}
          disabled={valuesOnly}
          onChange={(e) => {
            const next = findOutcome(catalog, e.target.value)!;
            const defaults = Object.fromEntries(next.params.filter((p) => p.required).map((p) => [p.name, p.values[0]!.value]));
            onChange(Object.keys(defaults).length ? { ...event, type: next.type, params: defaults } : { extra: event?.extra, type: next.type });
          }}
        >
          {catalog.outcomes.map((o) => (
            <MenuItem key={o.type} value={o.type}>
              {o.label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      {outcome?.params.map((param) => (
        <FormControl key={param.name} size="small" sx={{ minWidth: 320 }}>
          <InputLabel id={`${id}-${param.name}`}>{param.label}</InputLabel>
          <Select
            labelId={`${id}-${param.name}`}
            label={param.label}
            value={param.values.findIndex((v) => v.value === params[param.name])}
            onChange={(e) => onChange({ ...event!, params: { ...params, [param.name]: param.values[Number(e.target.value)]!.value } })}
          >
            {param.values.map((v, i) => (
              <MenuItem key={String(v.value)} value={i}>
                {v.label}
                {v.description ? `：${v.description}` : ''}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      ))}
    </Stack>
  );
}

function uniqueName(model: BuilderDocument, wanted: string): string {
  const names = new Set(model.rules.map((r) => r.name));
  let name = wanted;
  for (let n = 2; names.has(name); n++) name = `${wanted} ${n}`;
  return name;
}

/** A new rule that already validates: the first fact's first value, the first outcome. */
function newRule(catalog: RuleSetCatalog, model: BuilderDocument): BuilderRule {
  const fact = catalog.facts[0]!;
  const outcome = catalog.outcomes[0]!;
  const params = Object.fromEntries(outcome.params.filter((p) => p.required).map((p) => [p.name, p.values[0]!.value]));
  return {
    name: uniqueName(model, '新规则'),
    priority: 1,
    conditions: { combinator: 'and', rules: [{ field: fact.name, operator: 'equal', value: fact.type === 'boolean' ? true : fact.values[0]!.value }] },
    event: Object.keys(params).length ? { type: outcome.type, params } : { type: outcome.type },
  };
}
