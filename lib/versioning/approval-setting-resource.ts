import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import type { RegionScope } from '@/lib/auth/authorize';
import { requirePlatformAdmin } from '@/lib/auth/require-platform-admin';
import { now } from '@/lib/time/clock';

export interface ApprovalSettingRecord {
  /** 'baseline' or a region's id. */
  id: string;
  scope_name: string;
  /** Null for the baseline: the platform's own scope. */
  region_id: string | null;
  approval_required: boolean;
  /** False: never configured, so the default (approval required) applies. */
  configured: boolean;
  updated_at: Date | null;
  updated_by_name: string | null;
}

const updateSchema = z.object({
  approval_required: z.boolean({ error: '请选择是否需要审核' }),
  reason: z.string().trim().max(500, { error: '原因不能超过 500 个字符' }).optional(),
});

/** Every scope — the baseline and each region — with its setting, or the default where it has none. */
function selectSettings(db: Kysely<Database> | Transaction<Database>) {
  return sql<ApprovalSettingRecord>`
    select s.scope as id, s.scope_name, s.region_id,
           coalesce(a.approval_required, true) as approval_required, a.scope is not null as configured,
           a.updated_at, u.display_name as updated_by_name
      from (select 'baseline' as scope, '平台基线' as scope_name, null::text as region_id, 0 as ord
            union all select id, name, id, 1 from regions) s
      left join version_approval_settings a on a.scope = s.scope
      left join users u on u.id = a.updated_by`;
}

async function readSettings(db: Kysely<Database> | Transaction<Database>, scope: RegionScope, id?: string): Promise<ApprovalSettingRecord[]> {
  const { rows } = await sql<ApprovalSettingRecord>`
    select * from (${selectSettings(db)}) x
     where (${scope}::text is null or x.region_id is null or x.region_id = ${scope})
       and (${id ?? null}::text is null or x.id = ${id ?? null})
     order by x.region_id nulls first`.execute(db);
  return rows;
}

/**
 * 变更审核设置: per scope (the platform baseline, each region) whether a rule or form change needs a second
 * person's approval before it is published (四眼原则). A scope never configured requires it. The whole back
 * office reads them (an operator its region and the baseline); only a platform administrator changes them,
 * and switching approval off needs a reason.
 */
export const approvalSettingResource: ResourceDefinition<ApprovalSettingRecord, never, z.output<typeof updateSchema>> = {
  name: 'version-approval-settings',
  entityType: 'version_approval_setting',
  label: '变更审核设置',
  idSchema: z.string().regex(/^(baseline|\d{6})$/, { error: '适用范围无效' }),
  defaultSort: 'id',

  async list(db, scope, params) {
    const rows = await readSettings(db, scope);
    return { rows: rows.slice(params.offset, params.offset + params.limit), total: rows.length };
  },

  findById: async (db, id) => (await readSettings(db, null, String(id)))[0],

  authorizeWrite: (actor) => requirePlatformAdmin(actor, '修改变更审核设置'),

  update: {
    schema: updateSchema,
    reasonRequiredFor: (existing, input) => (existing.approval_required && !input.approval_required ? '关闭变更审核（四眼原则）' : null),
    async apply(trx, existing, input, actor) {
      const at = now();
      await trx
        .insertInto('version_approval_settings')
        .values({ scope: existing.id, approval_required: input.approval_required, updated_by: actor.userId, updated_at: at })
        .onConflict((oc) => oc.column('scope').doUpdateSet({ approval_required: input.approval_required, updated_by: actor.userId, updated_at: at }))
        .execute();
      return (await readSettings(trx, null, existing.id))[0]!;
    },
  },
};
