import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { requirePlatformAdmin } from '@/lib/auth/require-platform-admin';
import { DomainError, notFound } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { regionCommandSchema } from './region-input';
import { regionResource, type RegionRecord } from './region-resource';

/**
 * 停用 / 启用 a region. A region is never deleted once made (users, enterprises, projects, rules and the
 * audit chain name it by its code): a retired one is deactivated, and then is given to no new user; what
 * already belongs to it stays as it is. The tree stays consistent: a region is retired only after the
 * regions below it, and brought back only under a parent in use.
 */
export async function setRegionActive(
  db: Kysely<Database>,
  actor: Actor,
  rawId: string,
  active: boolean,
  input: unknown,
): Promise<RegionRecord> {
  requirePlatformAdmin(actor, active ? '启用区域' : '停用区域');
  const id = String(parseInput(regionResource.idSchema, rawId));
  const { reason } = parseInput(regionCommandSchema, input ?? {});
  return writeTransaction(db, async (trx) => {
    const row = await trx.selectFrom('regions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('区域');
    if (row.active === active) throw new DomainError('CONFLICT', active ? '该区域已是启用状态' : '该区域已停用');
    // The parent is held (FOR SHARE) so it cannot be retired while this child comes back beneath it.
    if (active && row.parent_id) {
      const parent = await trx.selectFrom('regions').select(['name', 'active']).where('id', '=', row.parent_id).forShare().executeTakeFirstOrThrow();
      if (!parent.active) throw new DomainError('CONFLICT', `上级区域「${parent.name}」已停用，请先启用上级区域`);
    }
    if (!active) {
      const children = await trx.selectFrom('regions').select('name').where('parent_id', '=', id).where('active', '=', true).orderBy('id').execute();
      if (children.length) throw new DomainError('CONFLICT', `请先停用下级区域：${children.map((c) => c.name).join('、')}`);
    }
    const before = (await regionResource.findById(trx, id, null))!;
    await trx.updateTable('regions').set({ active }).where('id', '=', id).execute();
    const after = (await regionResource.findById(trx, id, null))!;
    await appendAuditEvent(trx, actor, {
      action: active ? 'region.reactivate' : 'region.deactivate',
      entityType: 'region',
      entityId: id,
      regionId: id,
      before,
      after,
      reason: reason ?? null,
    });
    return after;
  });
}
