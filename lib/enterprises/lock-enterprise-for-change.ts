import type { Transaction } from 'kysely';
import type { Database, Enterprise } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { loadForWrite } from '@/lib/back-office/load-for-write';
import { lockForAction } from '@/lib/lifecycle/transition';
import { notFound } from '@/lib/errors/domain-error';
import { enterpriseLifecycle, type EnterpriseAction } from './enterprise-lifecycle';
import { enterpriseResource, type EnterpriseRecord } from './enterprise-resource';

/**
 * The enterprise a back-office change is about, after the back office's checks (the reader may see it and
 * may write in its region), locked for the rest of the transaction; with a review `action`, refused unless
 * the enterprise's state allows it. Two operators reviewing at once take turns, and the second one is told
 * what the first decided; a basic-account correction and a review never interleave.
 */
export async function lockEnterpriseForChange(
  trx: Transaction<Database>,
  actor: Actor,
  id: string,
  action?: Extract<EnterpriseAction, 'approve' | 'reject'>,
): Promise<{ record: EnterpriseRecord; row: Enterprise }> {
  const record = (await loadForWrite(trx, actor, enterpriseResource, id)) as EnterpriseRecord;
  if (action) return { record, row: await lockForAction(trx, 'enterprises', enterpriseLifecycle, record.id, action) };
  const row = await trx.selectFrom('enterprises').selectAll().where('id', '=', record.id).forNoKeyUpdate().executeTakeFirst();
  if (!row) throw notFound(enterpriseResource.label);
  return { record, row };
}
