import { Create, Datagrid, DeleteButton, FunctionField, List, ReferenceField, SelectField, SelectInput, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { ruleSetChoices } from './rule-choices';

const filters = [<SelectInput key="rule_set_key" source="rule_set_key" choices={ruleSetChoices} alwaysOn />];
const json = (value: unknown) => JSON.stringify(value);

export function RuleTestCaseList({ canEdit }: { canEdit: boolean }) {
  return (
    <List filters={filters} sort={{ field: 'rule_set_key', order: 'ASC' }} perPage={25}>
      <Datagrid bulkActionButtons={false}>
        <SelectField source="rule_set_key" choices={ruleSetChoices} />
        <TextField source="name" />
        {/* A region's own case takes the platform case of the same name's place for that region (kept in the rule editor). */}
        <FunctionField
          label="适用范围"
          render={(r: { region_id: string | null }) => (r.region_id === null ? '平台' : <ReferenceField record={r} source="region_id" reference="regions" link={false} />)}
        />
        <FunctionField source="facts" sortable={false} render={(r: { facts: unknown }) => <code>{json(r.facts)}</code>} />
        <FunctionField source="expected" sortable={false} render={(r: { expected: unknown }) => <code>{json(r.expected)}</code>} />
        {canEdit && <DeleteButton mutationMode="pessimistic" />}
      </Datagrid>
    </List>
  );
}

export function RuleTestCaseCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <SelectInput source="rule_set_key" choices={ruleSetChoices} validate={required()} />
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="facts" validate={required()} multiline fullWidth helperText='例如 {"bidOpened": true, "medium": "paper", "invoiceType": "special"}' />
        <TextInput source="expected" validate={required()} multiline fullWidth helperText='例如 {"allowed": true}' />
      </SimpleForm>
    </Create>
  );
}
