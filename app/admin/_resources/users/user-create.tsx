import { useState } from 'react';
import { Create, SelectInput, SimpleForm, TextInput, required, useRedirect } from 'react-admin';
import type { StaffUserWithPassword } from '@/lib/users/staff-user-resource';
import { OperatorFields } from './operator-fields';
import { TemporaryPasswordDialog } from './temporary-password-dialog';
import { staffRoleChoices } from './user-choices';

/**
 * 新建用户: the server generates the temporary password and answers it once; it is shown in a dialog to
 * copy, and only after it is closed does the page go on to the new account.
 */
export function UserCreate() {
  const [created, setCreated] = useState<StaffUserWithPassword | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create<StaffUserWithPassword> redirect={false} mutationOptions={{ onSuccess: (data) => setCreated(data) }}>
        <SimpleForm defaultValues={{ role: 'operator', rule_permission: 'none' }}>
          <TextInput source="display_name" validate={required()} />
          <TextInput source="phone" validate={required()} helperText="11 位手机号，作为登录账号，创建后不能修改" inputProps={{ maxLength: 11, inputMode: 'numeric' }} />
          <SelectInput source="role" choices={staffRoleChoices} validate={required()} />
          <OperatorFields />
        </SimpleForm>
      </Create>
      <TemporaryPasswordDialog
        notice={created}
        title="用户已创建"
        onClose={() => {
          const id = created?.id;
          setCreated(null);
          if (id) redirect('show', 'users', id);
        }}
      />
    </>
  );
}
