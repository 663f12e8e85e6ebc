import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { assertStrongPassword } from '@/lib/auth/password-policy';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';

export const CREATE_PLATFORM_ADMIN_ACTION = 'user.create_platform_admin';

const MAX_NAME_LENGTH = 30;

/**
 * A person's name as it is written on an ID card: letters of any script, with the separators names use
 * inside them — the middle dot of Uyghur and other transliterated names (买买提·艾力), a space, a hyphen,
 * a full stop — never at either end, never two in a row. Digits, brackets and other symbols are refused:
 * this name is shown to every user and written into the audit chain.
 */
const PERSON_NAME = /^[\p{L}\p{M}]+(?:[·・. '-][\p{L}\p{M}]+)*$/u;

export const platformAdminIdentitySchema = z.object({
  phone: z
    .string({ error: '请提供手机号（--phone）' })
    .trim()
    .regex(/^1[3-9]\d{9}$/, { error: '手机号应为 11 位数字的中国大陆手机号（以 1 开头）' }),
  name: z
    .string({ error: '请提供姓名（--name）' })
    .trim()
    .min(1, { error: '姓名不能为空' })
    .max(MAX_NAME_LENGTH, { error: `姓名不能超过 ${MAX_NAME_LENGTH} 个字符` })
    .regex(PERSON_NAME, { error: '姓名只能由文字组成（可含间隔号“·”、空格或连字符），不能含数字或其他符号' }),
});

export type PlatformAdminIdentity = z.output<typeof platformAdminIdentitySchema>;

/** The phone and name checked before anything else (the command line asks for a password only after). */
export function parsePlatformAdminIdentity(input: unknown): PlatformAdminIdentity {
  return parseInput(platformAdminIdentitySchema, input);
}

/** Refuses a phone number any account already has (active or not: phone numbers are never reused). */
export async function assertPhoneUnused(db: Kysely<Database>, phone: string): Promise<void> {
  const existing = await db.selectFrom('users').select(['display_name']).where('phone', '=', phone).executeTakeFirst();
  if (existing) {
    throw new DomainError('CONFLICT', `手机号 ${phone} 已有账号（${existing.display_name}），不能再创建`, { phone: '该手机号已有账号' });
  }
}

/** Where a creation came from, for the audit chain: the operating-system account and host that ran the command. */
export interface CommandLineOrigin {
  osUser: string | null;
  host: string | null;
}

export interface CreatedPlatformAdmin {
  userId: string;
  phone: string;
  name: string;
}

/**
 * Creates a platform administrator with a password the administrator chose (so no change is required at
 * the first sign-in): how a new installation gets its first user, and how one is added when nobody who
 * could add one in /admin is left. Whoever runs it has the server's database credentials, so there is no
 * signed-in actor to check; the audit link names the new administrator as its own actor, and says it was
 * the command line, run by which system account on which host.
 */
export async function createPlatformAdmin(
  db: Kysely<Database>,
  input: { phone?: unknown; name?: unknown; password?: unknown },
  origin: CommandLineOrigin,
): Promise<CreatedPlatformAdmin> {
  const { phone, name } = parsePlatformAdminIdentity({ phone: input.phone, name: input.name });
  if (typeof input.password !== 'string') throw new DomainError('WEAK_PASSWORD', '请设置密码', { password: '请设置密码' });
  assertStrongPassword(input.password);
  // scrypt takes a tenth of a second: outside the transaction, which holds the audit chain's lock.
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, async (trx) => {
    await assertPhoneUnused(trx, phone);
    const { id } = await trx
      .insertInto('users')
      .values({ phone, display_name: name, password_hash: passwordHash, role: 'platform_admin', region_id: null, enterprise_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const self: Actor = {
      userId: id, role: 'platform_admin', name, phone, regionId: null, enterpriseId: null, canEditRules: false, canEditRuleValues: false,
    };
    const ranAs = [origin.osUser, origin.host].filter(Boolean).join('@') || null;
    await appendAuditEvent(trx, self, {
      action: CREATE_PLATFORM_ADMIN_ACTION,
      entityType: 'user',
      entityId: id,
      regionId: null,
      after: { phone, name, role: 'platform_admin', created_via: 'npm run admin:create', ran_as: ranAs },
      reason: ranAs ? `由服务器命令行创建（npm run admin:create，${ranAs}）` : '由服务器命令行创建（npm run admin:create）',
    });
    return { userId: id, phone, name };
  });
}
