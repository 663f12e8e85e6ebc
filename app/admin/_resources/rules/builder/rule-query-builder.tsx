import { MaterialValueEditor, QueryBuilderMaterial, type MaterialValueEditorProps } from '@react-querybuilder/material';
import { Box, FormControlLabel, Switch } from '@mui/material';
import { useMemo } from 'react';
import { QueryBuilder, type Field, type RuleGroupType } from 'react-querybuilder';
import 'react-querybuilder/dist/query-builder.css';
import { OPERATORS_BY_FACT_TYPE, type RuleSetCatalog } from '@/rules/catalog/catalog-types';
import { describeOperator } from '@/rules/describe-conditions';
import type { BuilderGroup } from '@/rules/builder/builder-model';
import type { AllowedOperator } from '@/rules/catalog/catalog-types';
import { normalizeConditionValues } from '@/rules/builder/normalize-condition-values';

const TRANSLATIONS = {
  addRule: { label: '＋ 条件', title: '添加条件' },
  addGroup: { label: '＋ 条件组', title: '添加条件组' },
  removeRule: { title: '删除此条件' },
  removeGroup: { title: '删除此条件组' },
  cloneRule: { title: '复制此条件' },
  cloneRuleGroup: { title: '复制此条件组' },
  shiftActionUp: { title: '上移' },
  shiftActionDown: { title: '下移' },
  notToggle: { label: '不满足', title: '对此组条件取反（不满足）' },
  fields: { title: '事实' },
  operators: { title: '运算符' },
  value: { title: '取值' },
  combinators: { title: '组合方式' },
};

const COMBINATORS = [
  { name: 'and', label: '全部满足' },
  { name: 'or', label: '任一满足' },
];

/** The catalog as the builder's fields: picked by their Chinese labels, with only their type's operators. */
function catalogFields(catalog: RuleSetCatalog): Field[] {
  return catalog.facts.map((fact) => {
    const operators = OPERATORS_BY_FACT_TYPE[fact.type].map((name) => ({ name, value: name, label: describeOperator(name as AllowedOperator) }));
    if (fact.type === 'boolean') {
      return { name: fact.name, value: fact.name, label: fact.label, operators, valueEditorType: 'switch', defaultValue: true };
    }
    const values = fact.values.map((v) => ({ name: v.value, value: v.value, label: v.label }));
    return {
      name: fact.name,
      value: fact.name,
      label: fact.label,
      operators,
      valueEditorType: (operator: string) => (operator === 'in' || operator === 'notIn' ? 'multiselect' : 'select'),
      values,
      defaultValue: values[0]?.value,
    };
  });
}

export interface RuleQueryBuilderProps {
  catalog: RuleSetCatalog;
  conditions: BuilderGroup;
  onChange: (conditions: BuilderGroup) => void;
  /** Value-only editing: values stay editable, nothing that changes the structure is offered. */
  valuesOnly: boolean;
}

/**
 * One rule's conditions as a tree of groups (全部满足 / 任一满足, 不满足) and conditions, each condition
 * picked from the catalog. react-querybuilder keeps the model's own keys (names, priorities, extras) on
 * the nodes it does not touch, so what the builder does not show is written back as it was.
 */
export function RuleQueryBuilder({ catalog, conditions, onChange, valuesOnly }: RuleQueryBuilderProps) {
  const fields = useMemo(() => catalogFields(catalog), [catalog]);
  const query = useMemo(() => toQuery(conditions), [conditions]);
  const controls = valuesOnly
    ? {
        valueEditor: ValueEditor,
        addRuleAction: null,
        addGroupAction: null,
        removeRuleAction: null,
        removeGroupAction: null,
        cloneRuleAction: null,
        cloneGroupAction: null,
        shiftActions: null,
      }
    : { valueEditor: ValueEditor };
  return (
    <Box
      sx={{
        '& .MuiButton-root, & .MuiFormControlLabel-label': { whiteSpace: 'nowrap' },
        // Narrow screens: a condition wraps onto a second line rather than running out of its card.
        '& .rule, & .ruleGroup-header': { flexWrap: 'wrap', rowGap: 1 },
        // The library's selects are full-width form controls; in a wrapping row they must size to their content.
        '& .rule .MuiFormControl-root, & .ruleGroup-header .MuiFormControl-root': { width: 'auto', flex: '0 1 auto' },
        '& .rule-value, & .rule-operators': { minWidth: 120 },
        '& .rule-fields': { minWidth: 170 },
        '& .ruleGroup-combinators': { minWidth: 130 },
        '& .MuiButton-root': { minWidth: 36, px: 1 },
        // Field, operator, combinator and negation are structure: a value-only editor sees them but cannot
        // change them (the draft editor also refuses any change of structure, and so does the server).
        ...(valuesOnly && {
          '& .rule-fields, & .rule-operators, & .ruleGroup-combinators, & .ruleGroup-notToggle': { pointerEvents: 'none', opacity: 0.7 },
        }),
      }}
    >
    <QueryBuilderMaterial>
      <QueryBuilder
        // The library's generic option types do not infer through fields, combinators and control elements together.
        fields={fields as never}
        combinators={COMBINATORS}
        query={query}
        onQueryChange={(query) => onChange(normalizeConditionValues(fromQuery(query), catalog))}
        translations={TRANSLATIONS}
        showNotToggle
        showShiftActions={!valuesOnly}
        showCloneButtons={!valuesOnly}
        listsAsArrays
        resetOnFieldChange
        // A new group comes with one condition: an empty group is refused by the validator.
        addRuleToNewGroups
        controlElements={controls as never}
        controlClassnames={{ queryBuilder: valuesOnly ? 'rule-builder rule-builder--values-only' : 'rule-builder' }}
      />
    </QueryBuilderMaterial>
    </Box>
  );
}

/** Yes/no facts get a switch that says what it is set to: a bare switch does not read as 是 or 否. */
function ValueEditor(props: MaterialValueEditorProps) {
  if (props.type !== 'switch') return <MaterialValueEditor {...props} />;
  const checked = props.value === true || props.value === 'true';
  return (
    <FormControlLabel
      className={props.className}
      control={<Switch checked={checked} onChange={(e) => props.handleOnChange(e.target.checked)} disabled={props.disabled} inputProps={{ 'aria-label': `${props.fieldData.label}的取值` }} />}
      label={checked ? '是' : '否'}
    />
  );
}

function toQuery(group: BuilderGroup): RuleGroupType {
  return group as unknown as RuleGroupType;
}

function fromQuery(query: RuleGroupType): BuilderGroup {
  return query as unknown as BuilderGroup;
}
