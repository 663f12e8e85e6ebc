import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import type { DocumentSeriesTable } from './document-series';

/** The people who wrote a version: whoever created it, last changed it and submitted it, by account and phone. */
export interface VersionAuthors {
  ids: string[];
  phones: string[];
}

/**
 * Four eyes: an author may not review their own change, nor through another account of the same person
 * (the same phone). Read under the version's lock, in the review's transaction.
 */
export async function versionAuthors(trx: Transaction<Database>, table: DocumentSeriesTable, versionId: string): Promise<VersionAuthors> {
  const row = await trx
    .selectFrom(table)
    .select(['created_by', 'updated_by', 'submitted_by'])
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  const ids = [row.created_by, row.updated_by, row.submitted_by].filter((id): id is string => id !== null);
  const phones = ids.length ? (await trx.selectFrom('users').select('phone').where('id', 'in', ids).execute()).map((u) => u.phone) : [];
  return { ids, phones };
}

/** A mobile number as a person is known by it: its last 11 digits (+86 139-0000-0002 is 13900000002). */
const personOf = (phone: string) => phone.replace(/\D/g, '').slice(-11);

export function isAuthor(authors: VersionAuthors, actor: Pick<Actor, 'userId' | 'phone'>): boolean {
  return authors.ids.includes(actor.userId) || authors.phones.some((phone) => personOf(phone) === personOf(actor.phone));
}

export async function assertNotAuthor(trx: Transaction<Database>, table: DocumentSeriesTable, versionId: string, actor: Actor): Promise<void> {
  if (isAuthor(await versionAuthors(trx, table, versionId), actor)) {
    throw new DomainError('SELF_APPROVAL', '不能审核自己起草、修改或提交的版本（四眼原则），同一手机号的其他账号也不能；请由另一位有权限的人员审核');
  }
}
