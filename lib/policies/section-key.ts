import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { now } from '@/lib/time/clock';
import { policyMasterKey } from './master-key';
import { KEY_BYTES, seal, unseal } from './policy-crypto';

const wrapContext = (sectionId: string) => `section-key:${sectionId}`;

/**
 * The section's policy key, created on the first policy of the section. Only its wrapped form is
 * stored, so a copy of the database alone opens no policy. Concurrent first policies of one section
 * both end up with the one key that won the insert.
 */
export async function sectionKey(db: Kysely<Database> | Transaction<Database>, sectionId: string): Promise<Uint8Array> {
  const existing = await db.selectFrom('section_keys').select('wrapped_key').where('section_id', '=', sectionId).executeTakeFirst();
  if (existing) return unwrap(sectionId, existing.wrapped_key);
  const wrapped = Buffer.from(seal(policyMasterKey(), randomBytes(KEY_BYTES), wrapContext(sectionId))).toString('base64');
  await db
    .insertInto('section_keys')
    .values({ section_id: sectionId, wrapped_key: wrapped, created_at: now() })
    .onConflict((oc) => oc.column('section_id').doNothing())
    .execute();
  const stored = await db.selectFrom('section_keys').select('wrapped_key').where('section_id', '=', sectionId).executeTakeFirstOrThrow();
  return unwrap(sectionId, stored.wrapped_key);
}

function unwrap(sectionId: string, wrapped: string): Uint8Array {
  return unseal(policyMasterKey(), Buffer.from(wrapped, 'base64'), wrapContext(sectionId));
}
