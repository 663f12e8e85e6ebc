import { z } from 'zod';
import { regionCode } from '@/lib/regions/region-input';
import { changeReason, requiredText } from '@/lib/validation/fields';
import { RULE_PERMISSIONS, STAFF_ROLES } from './staff-user-labels';

/** The sign-in name of every account: a mainland mobile number. */
export const mobilePhone = z
  .string({ error: '请填写手机号' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '手机号应为 11 位手机号码（以 1 开头）' });

/** No region: absent, null, or the empty choice a cleared picker sends. */
const regionId = z.preprocess((v) => (v === '' ? null : v), regionCode('区域').nullable());

const displayName = requiredText('姓名', 50);
const rulePermission = z.enum(RULE_PERMISSIONS, { error: '规则权限应为：无、规则编辑或仅改规则取值' });

export const REGION_REQUIRED = '区域管理员必须选择所属区域';

/**
 * A new staff account. Only an operator belongs to a region and may hold a rule permission: for
 * compliance and platform administrators (every region, and rules by their role) the form does not ask,
 * and whatever came with them is dropped.
 */
export const staffUserCreateSchema = z
  .object({
    display_name: displayName,
    phone: mobilePhone,
    role: z.enum(STAFF_ROLES, { error: '请选择角色：区域管理员、合规审计或平台管理员' }),
    region_id: regionId.optional(),
    rule_permission: rulePermission.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'operator' && !input.region_id) ctx.addIssue({ code: 'custom', path: ['region_id'], message: REGION_REQUIRED });
  })
  .transform((input) =>
    input.role === 'operator'
      ? { ...input, region_id: input.region_id ?? null, rule_permission: input.rule_permission ?? 'none' }
      : { ...input, region_id: null, rule_permission: 'none' as const },
  );

/** Name, region and permissions; the phone (the sign-in name) and the role stay as created. */
export const staffUserUpdateSchema = z
  .object({ display_name: displayName, region_id: regionId, rule_permission: rulePermission, reason: changeReason })
  .partial();

/** A command's body: an optional reason for the audit chain. */
export const staffUserCommandSchema = z.object({ reason: changeReason });

export type StaffUserCreate = z.output<typeof staffUserCreateSchema>;
export type StaffUserUpdate = z.output<typeof staffUserUpdateSchema>;
