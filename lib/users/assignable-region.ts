import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';

const regionRefused = (message: string) => new DomainError('VALIDATION_FAILED', message, { region_id: message });

/**
 * A region an operator may be given: one that exists and is in use. Held (FOR SHARE) until the change
 * commits, so it is not retired in between; a deactivated region keeps the operators it has.
 */
export async function assertAssignableRegion(trx: Transaction<Database>, regionId: string): Promise<void> {
  const region = await trx.selectFrom('regions').select(['name', 'active']).where('id', '=', regionId).forShare().executeTakeFirst();
  if (!region) throw regionRefused('所选区域不存在');
  if (!region.active) throw regionRefused(`区域「${region.name}」已停用，不能分配给用户`);
}
