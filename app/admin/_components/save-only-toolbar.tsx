import { SaveButton, Toolbar } from 'react-admin';

/** The edit form's toolbar for records that are deactivated, never deleted (regions, users): no 删除. */
export function SaveOnlyToolbar() {
  return (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  );
}
