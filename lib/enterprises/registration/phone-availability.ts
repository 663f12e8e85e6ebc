import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';

/**
 * A phone is a person's sign-in name: it belongs to one account, or to one request to join an enterprise
 * that is still waiting. Registration refuses a taken one plainly — the person should sign in, or wait.
 */
export async function assertPhoneFree(db: Kysely<Database> | Transaction<Database>, phone: string, field = 'phone'): Promise<void> {
  const user = await db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst();
  if (user) {
    const message = '该手机号已注册，请直接登录；如忘记密码，可通过「忘记密码」重设';
    throw new DomainError('CONFLICT', message, { [field]: message });
  }
  const pending = await db
    .selectFrom('enterprise_join_requests')
    .select('id')
    .where('phone', '=', phone)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending) {
    const message = '该手机号已提交加入企业的申请，正在等待企业管理员审批';
    throw new DomainError('CONFLICT', message, { [field]: message });
  }
}

/**
 * Taken in every transaction that gives a phone an account or a join request, before it checks the phone
 * is free: a user and a join request live in two tables, which no single unique index covers.
 */
export async function lockPhone(trx: Transaction<Database>, phone: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`phone:${phone}`}))`.execute(trx);
}
