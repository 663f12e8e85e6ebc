import {
  Create, CreateButton, Datagrid, DeleteButton, Edit, EditButton, List, ReferenceField, ReferenceInput,
  ReferenceManyField, SearchInput, SelectField, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput,
  required, useRecordContext,
} from 'react-admin';
import { projectStatusChoices, projectTypeChoices } from '../_components/choices';
import { InstantField, InstantInput, MoneyField } from '../_components/fields';
import { useCanWrite, useDefaultRegion } from '../_components/use-can-write';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="搜索项目名称、编号、招标人" />,
  <SelectInput key="type" source="type" choices={projectTypeChoices} />,
  <SelectInput key="status" source="status" choices={projectStatusChoices} />,
  <ReferenceInput key="region" source="region_id" reference="regions">
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

export function ProjectList() {
  return (
    <List filters={filters} sort={{ field: 'deposit_deadline', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceField source="region_id" reference="regions" link={false} />
        <SelectField source="type" choices={projectTypeChoices} />
        <SelectField source="status" choices={projectStatusChoices} />
        <InstantField source="deposit_deadline" />
        <InstantField source="bid_opening_at" />
      </Datagrid>
    </List>
  );
}

function ProjectFields() {
  return (
    <>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="type" choices={projectTypeChoices} validate={required()} />
      <TextInput source="tenderer" validate={required()} fullWidth />
      <InstantInput source="deposit_deadline" validate={required()} />
      <InstantInput source="bid_opening_at" validate={required()} />
    </>
  );
}

export function ProjectCreate() {
  const region = useDefaultRegion();
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ region_id: region, status: 'normal', type: 'construction' }}>
        <ReferenceInput source="region_id" reference="regions">
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <ProjectFields />
      </SimpleForm>
    </Create>
  );
}

export function ProjectEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <ReferenceField source="region_id" reference="regions" link={false} />
        <ProjectFields />
        <SelectInput source="status" choices={projectStatusChoices} validate={required()} />
        <TextInput source="reason" multiline fullWidth helperText="修改项目状态或开标时间时必须填写，将记入审计日志" />
      </SimpleForm>
    </Edit>
  );
}

function AddSectionButton() {
  const record = useRecordContext();
  if (!record) return null;
  return <CreateButton resource="sections" label="添加标段" state={{ record: { project_id: record.id } }} />;
}

export function ProjectShow() {
  const canWrite = useCanWrite();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceField source="region_id" reference="regions" link={false} />
        <SelectField source="type" choices={projectTypeChoices} />
        <TextField source="tenderer" />
        <SelectField source="status" choices={projectStatusChoices} />
        <InstantField source="deposit_deadline" />
        <InstantField source="bid_opening_at" />
        <ReferenceManyField reference="sections" target="project_id" label="标段" sort={{ field: 'code', order: 'ASC' }}>
          <Datagrid bulkActionButtons={false} empty={<p>该项目尚无标段</p>}>
            <TextField source="code" />
            <TextField source="name" />
            <MoneyField source="deposit_fen" />
            {canWrite && <EditButton />}
            {canWrite && <DeleteButton mutationMode="pessimistic" redirect={false} />}
          </Datagrid>
        </ReferenceManyField>
        {canWrite && <AddSectionButton />}
      </SimpleShowLayout>
    </Show>
  );
}
