import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { now } from '@/lib/time/clock';

/** How long a successful sign-in keeps its address known to the account. */
export const KNOWN_ADDRESS_DAYS = 90;

/** Remembers (or refreshes) that the account signed in from this address. */
export async function rememberSignInAddress(db: Kysely<Database>, userId: string, address: string): Promise<void> {
  const at = now();
  await db
    .insertInto('known_sign_in_addresses')
    .values({ user_id: userId, address, last_signed_in_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'address']).doUpdateSet({ last_signed_in_at: at }))
    .execute();
}

/** Whether the account signed in successfully from this address within the last KNOWN_ADDRESS_DAYS. */
export async function isKnownSignInAddress(db: Kysely<Database>, userId: string, address: string): Promise<boolean> {
  const since = new Date(now().getTime() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60 * 1000);
  const row = await db
    .selectFrom('known_sign_in_addresses')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('address', '=', address)
    .where('last_signed_in_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}
