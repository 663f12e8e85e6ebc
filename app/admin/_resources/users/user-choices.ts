import { ROLE_LABELS } from '@/lib/auth/actor';
import { RULE_PERMISSION_LABELS, STAFF_ROLES, type RulePermission, type StaffRole } from '@/lib/users/staff-user-labels';

export const staffRoleChoices = STAFF_ROLES.map((id) => ({ id, name: ROLE_LABELS[id] }));
export const rulePermissionChoices = Object.entries(RULE_PERMISSION_LABELS).map(([id, name]) => ({ id, name }));

/** 权限 as the list shows it: an operator's rule permission; the other roles' rights follow from the role. */
export function permissionLabel(record: { role: StaffRole; rule_permission: RulePermission }): string {
  if (record.role === 'platform_admin') return '全部（平台管理员）';
  if (record.role === 'compliance') return '只读';
  return record.rule_permission === 'none' ? '—' : RULE_PERMISSION_LABELS[record.rule_permission];
}
