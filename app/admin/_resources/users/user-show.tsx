import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button, DateField, EditButton, FunctionField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, usePermissions,
  useRecordContext,
} from 'react-admin';
import type { StaffUserRecord, StaffUserWithPassword } from '@/lib/users/staff-user-resource';
import { DISPLAY_TIME_ZONE } from '@/lib/time/format';
import { ActionDialogButton } from '../../_components/action-dialog-button';
import { allowed } from '../../_components/allowed';
import type { AdminPermissions } from '../../_components/auth-provider';
import { callCommand } from '../../_components/call-api';
import { useBackOfficeAction } from '../../_components/use-back-office-action';
import { InstantField } from '../../_components/fields';
import { TemporaryPasswordDialog } from './temporary-password-dialog';
import { StaffStatus } from './user-list';
import { permissionLabel, staffRoleChoices } from './user-choices';

type UserRow = StaffUserRecord & { allowed_actions?: string[] };

/** 重置密码: confirmed first (the account's sessions end and its password stops working), then shown once. */
function ResetPasswordButton({ record }: { record: UserRow }) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<StaffUserWithPassword | null>(null);
  const { run, busy, error } = useBackOfficeAction(() => setOpen(false));
  const submit = () =>
    run(async () => {
      setResult(await callCommand<StaffUserWithPassword>('users', record.id, 'resetPassword'));
      return '密码已重置';
    });
  return (
    <>
      <Button label="重置密码" onClick={() => setOpen(true)} variant="outlined" sx={{ mr: 1 }} />
      <Dialog open={open} onClose={() => !busy && setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>重置「{record.display_name}」的密码</DialogTitle>
        <DialogContent>
          <DialogContentText>
            重置后原密码立即失效，该用户所有已登录的会话都将退出；系统生成新的临时密码（只显示一次），用户登录后须先修改密码。
          </DialogContentText>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            取消
          </MuiButton>
          <MuiButton variant="contained" color="warning" onClick={submit} disabled={busy}>
            {busy ? '处理中…' : '确认重置'}
          </MuiButton>
        </DialogActions>
      </Dialog>
      <TemporaryPasswordDialog notice={result} title="密码已重置" onClose={() => setResult(null)} />
    </>
  );
}

/** The commands the server says the reader may take on this account now, each confirmed first. */
function UserActions() {
  const record = useRecordContext<UserRow>();
  const { permissions } = usePermissions<AdminPermissions>();
  if (!record) return null;
  return (
    <TopToolbar>
      {permissions?.role === 'platform_admin' && <EditButton />}
      {allowed(record, 'resetPassword') && <ResetPasswordButton record={record} />}
      {allowed(record, 'deactivate') && (
        <ActionDialogButton
          label="停用"
          title={`停用用户「${record.display_name}」`}
          description="停用后该用户不能再登录，其所有已登录的会话立即失效。账号和操作记录保留，可随时重新启用。"
          fields={[]}
          confirmLabel="确认停用"
          command={{ resource: 'users', id: record.id, name: 'deactivate' }}
          done="用户已停用"
          danger
        />
      )}
      {allowed(record, 'reactivate') && (
        <ActionDialogButton
          label="启用"
          title={`启用用户「${record.display_name}」`}
          description="启用后该用户可以用原密码重新登录。"
          fields={[]}
          confirmLabel="确认启用"
          command={{ resource: 'users', id: record.id, name: 'reactivate' }}
          done="用户已启用"
        />
      )}
    </TopToolbar>
  );
}

export function UserShow() {
  return (
    <Show actions={<UserActions />}>
      <SimpleShowLayout>
        <TextField source="display_name" />
        <TextField source="phone" />
        <SelectField source="role" choices={staffRoleChoices} />
        <TextField source="region_name" emptyText="全部区域" />
        <FunctionField source="rule_permission" render={(r: StaffUserRecord) => permissionLabel(r)} />
        <FunctionField source="active" render={(r: StaffUserRecord) => <StaffStatus record={r} />} />
        <DateField
          source="last_signed_in_at"
          showTime
          locales="zh-CN"
          emptyText="从未登录"
          options={{ timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }}
        />
        <InstantField source="created_at" />
      </SimpleShowLayout>
    </Show>
  );
}
