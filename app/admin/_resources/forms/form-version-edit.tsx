import { Edit, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';
import { FormEditor } from './form-editor';

/** 编辑草稿: the builder, the JSON editor and the preview; loaded only when a form draft is opened. */
export default function FormVersionEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      {/* noValidate: the preview's fields (a bidder's required fields) are inside this form and must not block saving the draft. */}
      <SimpleForm toolbar={<Toolbar><SaveButton label="保存草稿" /></Toolbar>} sx={{ maxWidth: 'none' }} noValidate>
        <TextInput source="note" fullWidth />
        <FormEditor />
      </SimpleForm>
    </Edit>
  );
}
