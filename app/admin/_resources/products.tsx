import {
  BooleanField, BooleanInput, CheckboxGroupInput, Create, Datagrid, Edit, FunctionField, List, NumberInput,
  ReferenceField, ReferenceInput, SearchInput, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput,
  required,
} from 'react-admin';
import { projectTypeChoices } from '../_components/choices';
import { InstantField, MoneyField, MoneyInput } from '../_components/fields';
import { useCanWrite } from '../_components/use-can-write';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="搜索产品名称" />,
  <ReferenceInput key="insurer" source="insurer_id" reference="insurers">
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

const rateText = (record: { rate_bp?: number }) =>
  record.rate_bp == null ? '' : `${(record.rate_bp / 100).toFixed(2)}%（${record.rate_bp} 基点）`;

function ProjectTypesField() {
  return (
    <FunctionField
      source="project_types"
      sortable={false}
      render={(record: { project_types?: string[] }) =>
        (record.project_types ?? []).map((t) => projectTypeChoices.find((c) => c.id === t)?.name ?? t).join('、')
      }
    />
  );
}

export function ProductList() {
  const canWrite = useCanWrite();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <Datagrid rowClick={canWrite ? 'edit' : 'show'} bulkActionButtons={false}>
        <TextField source="name" />
        <ReferenceField source="insurer_id" reference="insurers" link={false} />
        <FunctionField source="rate_bp" render={rateText} />
        <MoneyField source="min_premium_fen" />
        <ProjectTypesField />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

function ProductFields() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <NumberInput source="rate_bp" validate={required()} step={1} min={1} max={10000} helperText="1 基点 = 0.01%，例如 15 表示保证金的 0.15%" />
      <MoneyInput source="min_premium_fen" validate={required()} />
      <CheckboxGroupInput source="project_types" choices={projectTypeChoices} validate={required()} />
      <TextInput source="notice" validate={required()} multiline minRows={6} fullWidth />
      <TextInput source="form_key" helperText="投保人填写的表单标识（见【表单】），默认 application" />
      <BooleanInput source="active" />
    </>
  );
}

export function ProductCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ active: true, project_types: ['construction'], form_key: 'application' }}>
        <ReferenceInput source="insurer_id" reference="insurers" filter={{ active: true }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <ProductFields />
      </SimpleForm>
    </Create>
  );
}

export function ProductEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <ReferenceField source="insurer_id" reference="insurers" link={false} />
        <ProductFields />
      </SimpleForm>
    </Edit>
  );
}

export function ProductShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <ReferenceField source="insurer_id" reference="insurers" link={false} />
        <FunctionField source="rate_bp" render={rateText} />
        <MoneyField source="min_premium_fen" />
        <ProjectTypesField />
        <TextField source="notice" sx={{ whiteSpace: 'pre-wrap' }} />
        <BooleanField source="active" />
        <InstantField source="updated_at" />
      </SimpleShowLayout>
    </Show>
  );
}

