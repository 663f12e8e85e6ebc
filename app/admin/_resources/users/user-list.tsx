import { Box, Chip } from '@mui/material';
import {
  Datagrid, DateField, FunctionField, List, ReferenceInput, SearchInput, SelectField, SelectInput, TextField, usePermissions,
} from 'react-admin';
import type { StaffUserRecord } from '@/lib/users/staff-user-resource';
import { DISPLAY_TIME_ZONE } from '@/lib/time/format';
import type { AdminPermissions } from '../../_components/auth-provider';
import { ActiveChip, ActiveFilter } from '../active-chip';
import { permissionLabel, staffRoleChoices } from './user-choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="搜索姓名、手机号" />,
  <SelectInput key="role" source="role" choices={staffRoleChoices} alwaysOn />,
  <ReferenceInput key="region" source="region_id" reference="regions" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ActiveFilter key="active" source="active" alwaysOn />,
];

export function StaffStatus({ record }: { record: StaffUserRecord }) {
  return (
    <Box sx={{ display: 'flex', gap: 0.5 }}>
      <ActiveChip active={record.active} />
      {record.must_change_password && record.active && <Chip size="small" color="warning" variant="outlined" label="待修改密码" />}
    </Box>
  );
}

/**
 * 用户: the back office's staff. An operator sees its own region's operators and changes nothing here;
 * compliance sees everyone; a platform administrator manages them.
 */
export function UserList() {
  const { permissions } = usePermissions<AdminPermissions>();
  return (
    <List filters={filters} sort={{ field: 'created_at', order: 'DESC' }} exporter={false}>
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        empty={<Box sx={{ p: 2 }}>{permissions?.role === 'operator' ? '本区域暂无其他区域管理员' : '暂无符合条件的用户'}</Box>}
      >
        <TextField source="display_name" />
        <TextField source="phone" sortable={false} />
        <SelectField source="role" choices={staffRoleChoices} />
        <TextField source="region_name" sortBy="region_id" emptyText="全部区域" />
        <FunctionField source="rule_permission" sortable={false} render={(r: StaffUserRecord) => permissionLabel(r)} />
        <FunctionField source="active" render={(r: StaffUserRecord) => <StaffStatus record={r} />} />
        <DateField
          source="last_signed_in_at"
          showTime
          locales="zh-CN"
          emptyText="从未登录"
          options={{ timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }}
        />
      </Datagrid>
    </List>
  );
}
