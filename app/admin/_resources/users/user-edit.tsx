import { Edit, Labeled, SelectField, SimpleForm, TextField, TextInput, required, useRecordContext } from 'react-admin';
import type { StaffUserRecord } from '@/lib/users/staff-user-resource';
import { SaveOnlyToolbar } from '../../_components/save-only-toolbar';
import { OperatorFields } from './operator-fields';
import { staffRoleChoices } from './user-choices';

function RoleDependentFields() {
  const record = useRecordContext<StaffUserRecord>();
  return record ? <OperatorFields role={record.role} /> : null;
}

/** 编辑用户: name, and an operator's region and rule permission; the phone (sign-in name) and role stay. */
export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Labeled>
          <TextField source="phone" />
        </Labeled>
        <Labeled>
          <SelectField source="role" choices={staffRoleChoices} />
        </Labeled>
        <TextInput source="display_name" validate={required()} />
        <RoleDependentFields />
      </SimpleForm>
    </Edit>
  );
}
