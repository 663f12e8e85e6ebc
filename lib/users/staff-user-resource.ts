import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import type { Actor } from '@/lib/auth/actor';
import type { RegionScope } from '@/lib/auth/authorize';
import { hashPassword } from '@/lib/auth/password';
import { requirePlatformAdmin } from '@/lib/auth/require-platform-admin';
import { DomainError } from '@/lib/errors/domain-error';
import { uuid } from '@/lib/validation/fields';
import { assertAssignableRegion } from './assignable-region';
import { resetStaffPassword } from './reset-staff-password';
import { setStaffUserActive } from './set-staff-user-active';
import { REGION_REQUIRED, staffUserCreateSchema, staffUserUpdateSchema, type StaffUserCreate, type StaffUserUpdate } from './staff-user-input';
import { rulePermissionColumns, STAFF_ROLES, type RulePermission, type StaffRole } from './staff-user-labels';
import { generateTemporaryPassword } from './temporary-password';

/** A staff account as the back office reads it: never its password hash or session version. */
export interface StaffUserRecord {
  id: string;
  display_name: string;
  phone: string;
  role: StaffRole;
  /** An operator's region; compliance and platform administrators have none (they see every region). */
  region_id: string | null;
  region_name: string | null;
  rule_permission: RulePermission;
  active: boolean;
  must_change_password: boolean;
  last_signed_in_at: Date | null;
  created_at: Date;
}

/** The answer to creating an account or resetting its password: the record and, this once, the password. */
export type StaffUserWithPassword = StaffUserRecord & { temporary_password: string };

export type StaffUserAction = 'deactivate' | 'reactivate' | 'resetPassword';

function selectStaff(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('regions', 'regions.id', 'users.region_id')
    .where('users.role', 'in', STAFF_ROLES)
    .select([
      'users.id', 'users.display_name', 'users.phone', 'users.role', 'users.region_id', 'regions.name as region_name',
      sql<RulePermission>`case when users.can_edit_rules then 'rules' when users.can_edit_rule_values then 'values' else 'none' end`.as('rule_permission'),
      'users.active', 'users.must_change_password', 'users.last_signed_in_at', 'users.created_at',
    ])
    .$narrowType<{ role: StaffRole }>();
}

/**
 * One staff account, as `scope` may read it: an operator reads only its own region's operators, and the
 * accounts of no region (compliance, platform administrators) are not its to see, so for it they do not exist.
 */
export function findStaffUser(db: Kysely<Database> | Transaction<Database>, id: string, scope: RegionScope): Promise<StaffUserRecord | undefined> {
  let query = selectStaff(db).where('users.id', '=', id);
  if (scope !== null) query = query.where('users.region_id', '=', scope);
  return query.executeTakeFirst();
}

/** Only a platform administrator acts on accounts, and never deactivates or resets its own (修改密码 is for that). */
export function allowedStaffUserActions(record: Pick<StaffUserRecord, 'id' | 'active'>, actor: Actor): StaffUserAction[] {
  if (actor.role !== 'platform_admin' || record.id === actor.userId) return [];
  return [record.active ? 'deactivate' : 'reactivate', 'resetPassword'];
}

const fieldRefusal = (field: string, message: string) => new DomainError('VALIDATION_FAILED', message, { [field]: message });

async function assertPhoneFree(trx: Transaction<Database>, phone: string): Promise<void> {
  // Any account, a bidder's too: the phone is the sign-in name.
  if (await trx.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst()) {
    const message = `手机号 ${phone} 已被其他账号使用`;
    throw new DomainError('CONFLICT', message, { phone: message });
  }
}

/**
 * 用户: the back office's staff — regional operators (区域管理员), compliance officers (合规审计) and platform
 * administrators. A platform administrator creates them with a temporary password shown once, edits their
 * name, region and rule permission, deactivates and reactivates them and resets their passwords (commands);
 * an operator reads its own region's operators, compliance reads everyone. Bidders' accounts are listed under
 * their enterprises, not here.
 */
export const staffUserResource: ResourceDefinition<StaffUserRecord, StaffUserCreate, StaffUserUpdate> = {
  name: 'users',
  entityType: 'user',
  label: '用户',
  idSchema: uuid('用户编号'),
  defaultSort: 'created_at',

  list: declaredList({
    from: selectStaff,
    id: 'users.id',
    region: { column: 'users.region_id' },
    filters: {
      role: { column: 'users.role', values: STAFF_ROLES },
      region_id: { column: 'users.region_id' },
      active: { column: 'users.active', type: 'boolean' },
    },
    search: ['users.display_name', 'users.phone'],
    sortable: {
      id: 'users.id',
      display_name: 'users.display_name',
      phone: 'users.phone',
      role: 'users.role',
      region_id: 'users.region_id',
      active: 'users.active',
      last_signed_in_at: 'users.last_signed_in_at',
      created_at: 'users.created_at',
    },
  }),

  findById: (db, id, scope) => findStaffUser(db, String(id), scope),

  authorizeWrite: (actor) => requirePlatformAdmin(actor, '管理用户'),

  create: {
    schema: staffUserCreateSchema,
    regionOf: async (_trx, input) => input.region_id,
    async insert(trx, input): Promise<StaffUserWithPassword> {
      await assertPhoneFree(trx, input.phone);
      if (input.region_id) await assertAssignableRegion(trx, input.region_id);
      const temporaryPassword = generateTemporaryPassword();
      const { id } = await trx
        .insertInto('users')
        .values({
          phone: input.phone,
          display_name: input.display_name,
          password_hash: await hashPassword(temporaryPassword),
          role: input.role,
          region_id: input.region_id,
          ...rulePermissionColumns(input.rule_permission),
          must_change_password: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...(await findStaffUser(trx, id, null))!, temporary_password: temporaryPassword };
    },
    // The temporary password is in the answer, shown once; the audit chain keeps the account without it.
    auditAfter: (row) => {
      const { temporary_password: _password, ...record } = row as StaffUserWithPassword;
      return record;
    },
  },

  update: {
    schema: staffUserUpdateSchema,
    async apply(trx, existing, { display_name, region_id, rule_permission }) {
      const operator = existing.role === 'operator';
      if (!operator && region_id) throw fieldRefusal('region_id', '合规审计和平台管理员不属于某个区域');
      if (!operator && rule_permission && rule_permission !== 'none') throw fieldRefusal('rule_permission', '只有区域管理员可以设置规则权限');
      if (operator && region_id === null) throw fieldRefusal('region_id', REGION_REQUIRED);
      // Keeping the region it has is no assignment, even of a region that has since been deactivated.
      if (operator && region_id && region_id !== existing.region_id) await assertAssignableRegion(trx, region_id);
      const changes = {
        ...(display_name !== undefined ? { display_name } : {}),
        ...(operator && region_id ? { region_id } : {}),
        ...(operator && rule_permission ? rulePermissionColumns(rule_permission) : {}),
      };
      if (!Object.keys(changes).length) throw new DomainError('VALIDATION_FAILED', '没有需要修改的内容');
      await trx.updateTable('users').set(changes).where('id', '=', existing.id).execute();
      return (await findStaffUser(trx, existing.id, null))!;
    },
  },

  allowedActions: allowedStaffUserActions,

  commands: {
    deactivate: { run: (db, actor, id, { body }) => setStaffUserActive(db, actor, id, false, body) },
    reactivate: { run: (db, actor, id, { body }) => setStaffUserActive(db, actor, id, true, body) },
    resetPassword: { run: (db, actor, id, { body }) => resetStaffPassword(db, actor, id, body) },
  },
};
