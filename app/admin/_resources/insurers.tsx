import {
  BooleanField, BooleanInput, Create, Datagrid, Edit, List, ReferenceField, ReferenceInput, SearchInput, SelectInput,
  Show, SimpleForm, SimpleShowLayout, TextField, TextInput, required,
} from 'react-admin';
import { InstantField } from '../_components/fields';
import { useCanWrite, useDefaultRegion } from '../_components/use-can-write';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="搜索名称" />,
  <ReferenceInput key="region" source="region_id" reference="regions">
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

export function InsurerList() {
  const canWrite = useCanWrite();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick={canWrite ? 'edit' : 'show'} bulkActionButtons={false}>
        <TextField source="name" />
        <ReferenceField source="region_id" reference="regions" link={false} />
        <TextField source="receiving_account_bank" sortable={false} />
        <TextField source="receiving_account_number" sortable={false} />
        <TextField source="contact_phone" sortable={false} />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

function InsurerFields() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="receiving_account_name" validate={required()} fullWidth />
      <TextInput source="receiving_account_bank" validate={required()} fullWidth />
      <TextInput source="receiving_account_number" validate={required()} />
      <TextInput source="contact_phone" validate={required()} />
      <BooleanInput source="active" />
    </>
  );
}

export function InsurerCreate() {
  const region = useDefaultRegion();
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ region_id: region, active: true }}>
        <ReferenceInput source="region_id" reference="regions">
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <InsurerFields />
      </SimpleForm>
    </Create>
  );
}

export function InsurerEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <ReferenceField source="region_id" reference="regions" link={false} />
        <InsurerFields />
      </SimpleForm>
    </Edit>
  );
}

export function InsurerShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <ReferenceField source="region_id" reference="regions" link={false} />
        <TextField source="receiving_account_name" />
        <TextField source="receiving_account_bank" />
        <TextField source="receiving_account_number" />
        <TextField source="contact_phone" />
        <BooleanField source="active" />
        <InstantField source="created_at" />
        <InstantField source="updated_at" />
      </SimpleShowLayout>
    </Show>
  );
}
