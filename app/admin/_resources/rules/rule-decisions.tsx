import { Datagrid, FunctionField, List, ReferenceField, SelectField, SelectInput, Show, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { InstantField } from '../../_components/fields';
import { ruleSetChoices } from './rule-choices';

const filters = [
  <SelectInput key="rule_set_key" source="rule_set_key" choices={ruleSetChoices} alwaysOn />,
  <TextInput key="subject_id" source="subject_id" />,
];

export function RuleDecisionList() {
  return (
    <List filters={filters} sort={{ field: 'decided_at', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <InstantField source="decided_at" />
        <SelectField source="rule_set_key" choices={ruleSetChoices} sortable={false} />
        <ReferenceField source="region_id" reference="regions" link={false} sortable={false} emptyText="—" />
        <FunctionField source="version" sortable={false} render={(r: { version: number }) => `v${r.version}`} />
        <FunctionField source="subject_id" sortable={false} render={(r: { subject_type: string; subject_id: string }) => `${r.subject_type} ${r.subject_id}`} />
        <TextField source="summary" sortable={false} />
      </Datagrid>
    </List>
  );
}

export function RuleDecisionShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <InstantField source="decided_at" />
        <SelectField source="rule_set_key" choices={ruleSetChoices} />
        <ReferenceField source="version_id" reference="rule-versions" link="show">
          <FunctionField render={(r: { version: number }) => `v${r.version}`} />
        </ReferenceField>
        <FunctionField source="subject_id" render={(r: { subject_type: string; subject_id: string }) => `${r.subject_type} ${r.subject_id}`} />
        <FunctionField source="facts" render={(r: { facts: unknown }) => <code>{JSON.stringify(r.facts)}</code>} />
        <TextField source="summary" />
        <FunctionField
          source="explanation"
          render={(r: { explanation?: string }) => <pre style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>{r.explanation}</pre>}
        />
      </SimpleShowLayout>
    </Show>
  );
}
