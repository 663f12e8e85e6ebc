import {
  Create, Edit, ReferenceField, ReferenceInput, SelectInput, SimpleForm, TextInput, required, type RaRecord,
} from 'react-admin';
import { MoneyInput } from '../_components/fields';

// Sections are reached from their project's page; after saving, the user is taken back there.
const backToProject = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  data?.project_id ? `projects/${String(data.project_id)}/show` : 'projects';

function SectionFields() {
  return (
    <>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} fullWidth />
      <MoneyInput source="deposit_fen" validate={required()} />
    </>
  );
}

export function SectionCreate() {
  return (
    <Create redirect={backToProject}>
      <SimpleForm>
        <ReferenceInput source="project_id" reference="projects">
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <SectionFields />
      </SimpleForm>
    </Create>
  );
}

export function SectionEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect={backToProject}>
      <SimpleForm>
        <ReferenceField source="project_id" reference="projects" link={false} />
        <SectionFields />
      </SimpleForm>
    </Edit>
  );
}
