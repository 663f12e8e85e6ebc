import type { Role } from '@/db/database';

/** The back office's people; bidders' accounts belong to their enterprises (投保企业) instead. */
export const STAFF_ROLES = ['operator', 'compliance', 'platform_admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * What an operator may do to its region's rules, beyond reading them: the two permission columns as one
 * choice, since they are alternatives (values only is the narrower of the two).
 */
export const RULE_PERMISSION_LABELS = {
  none: '无',
  rules: '规则编辑',
  values: '仅改规则取值',
} as const;
export type RulePermission = keyof typeof RULE_PERMISSION_LABELS;
export const RULE_PERMISSIONS = Object.keys(RULE_PERMISSION_LABELS) as RulePermission[];

export function rulePermissionColumns(permission: RulePermission) {
  return { can_edit_rules: permission === 'rules', can_edit_rule_values: permission === 'values' };
}

export const ACTIVE_LABELS = { true: '启用', false: '停用' } as const;
