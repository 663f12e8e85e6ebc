import { sql, type Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';

const parentRefused = (message: string) => new DomainError('VALIDATION_FAILED', message, { parent_id: message });

/**
 * The parent a region may be put under: one that exists and is in use, and — for a region that already
 * exists — neither the region itself nor one below it, so the tree never loops (`union`, not `union all`: a walk over a loop would still end).
 */
export async function assertUsableParent(trx: Transaction<Database>, parentId: string, regionId?: string): Promise<void> {
  if (regionId !== undefined && parentId === regionId) throw parentRefused('上级区域不能是本区域');
  const parent = await trx.selectFrom('regions').select(['id', 'name', 'active']).where('id', '=', parentId).executeTakeFirst();
  if (!parent) throw parentRefused('上级区域不存在');
  if (!parent.active) throw parentRefused(`上级区域「${parent.name}」已停用`);
  if (regionId === undefined) return;
  const { rows } = await sql<{ id: string }>`
    with recursive ancestors (id, parent_id) as (
      select id, parent_id from regions where id = ${parentId}
      union
      select regions.id, regions.parent_id from regions join ancestors on regions.id = ancestors.parent_id
    )
    select id from ancestors where id = ${regionId}`.execute(trx);
  if (rows.length) throw parentRefused('上级区域不能是本区域的下级区域');
}

/** Region names are unique (the database says so too); said here with the name, before the insert fails. */
export async function assertNameFree(trx: Transaction<Database>, name: string, regionId?: string): Promise<void> {
  let query = trx.selectFrom('regions').select('id').where('name', '=', name);
  if (regionId !== undefined) query = query.where('id', '<>', regionId);
  if (await query.executeTakeFirst()) {
    const message = `区域名称「${name}」已存在`;
    throw new DomainError('CONFLICT', message, { name: message });
  }
}
