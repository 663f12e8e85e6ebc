import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from './actor';
import { loadActor } from './load-actor';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';

export const credentialsSchema = z.object({
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号'),
  password: z.string().min(1, '请输入密码').max(128),
});

/** The actor for a phone number and password, or null; never says which of the two was wrong. */
export async function authenticate(db: Kysely<Database>, input: unknown): Promise<Actor | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { phone, password } = parsed.data;
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('phone', '=', phone)
    .where('active', '=', true)
    .executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid) return null;
  return loadActor(db, { userId: user.id });
}
