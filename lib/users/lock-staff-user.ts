import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { notFound } from '@/lib/errors/domain-error';
import { STAFF_ROLES } from './staff-user-labels';
import { findStaffUser, type StaffUserRecord } from './staff-user-resource';

/**
 * The staff account a command is about, locked until the command commits (two administrators acting on it
 * at once take turns), as the back office reads it. Bidders' accounts are not found here.
 */
export async function lockStaffUser(trx: Transaction<Database>, id: string): Promise<StaffUserRecord> {
  const locked = await trx.selectFrom('users').select('id').where('id', '=', id).where('role', 'in', STAFF_ROLES).forUpdate().executeTakeFirst();
  if (!locked) throw notFound('用户');
  return (await findStaffUser(trx, id, null))!;
}
