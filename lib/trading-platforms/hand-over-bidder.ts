import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { hashPassword } from '@/lib/auth/password';
import { normalizeUscc, usccProblem } from '@/lib/enterprises/uscc';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { sameHex } from './platform-signature';

/** How far ahead of now a token's `exp` may be. */
export const SSO_TOKEN_MAX_AHEAD_SECONDS = 300;

const payloadSchema = z.object({
  uscc: z.string().transform(normalizeUscc).refine((v) => usccProblem(v) === null),
  enterpriseName: z.string().trim().min(1).max(200),
  userName: z.string().trim().min(1).max(50),
  phone: z.string().regex(/^1[3-9]\d{9}$/),
  sectionCode: z.string().min(1).max(50).nullish(),
  nonce: z.string().regex(/^[\x21-\x7e]{16,64}$/),
  exp: z.number().int(),
});

/** Who was signed in, with what the session token needs, and where the bidder lands. */
export interface HandedOverBidder {
  userId: string;
  name: string;
  enterpriseId: string;
  regionId: string | null;
  sessionVersion: number;
  /** 完善企业信息 for an enterprise without its basic account, else 【立即申请】 of the section named, else 我的投标保函 (`/`). */
  landing: string;
}

const refused = (message: string) => new DomainError('SSO_TOKEN_INVALID', message);

/**
 * GET /sso/{platformCode}?token=…: the bidder the trading platform hands over. The token is
 * `base64url(payloadJson).hex HMAC(secret, base64url(payloadJson))`, single use, expiring at most 300 s
 * ahead. The enterprise is found by its USCC or created — trusted by the platform, so verified without
 * 企业认证审核, its basic account still to be completed by the bidder before applying — and the user by
 * phone (created as a bidder of that enterprise; one already of another enterprise is refused). A refused
 * token writes nothing; an accepted one is used up in the same transaction that signs the bidder in.
 */
export async function handOverBidder(db: Kysely<Database>, platformCode: string, token: string | null): Promise<HandedOverBidder> {
  const platform = await db
    .selectFrom('trading_platforms')
    .select(['id', 'code', 'name', 'secret', 'algorithm', 'region_ids'])
    .where('code', '=', platformCode)
    .where('enabled', '=', true)
    .executeTakeFirst();
  const parts = (token ?? '').split('.');
  if (!platform || parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]!)) throw refused('登录凭证无效，请回到交易平台重新点击【电子保函登录】');
  const [encoded, signature] = parts as [string, string];
  if (!sameHex(createHmac(platform.algorithm, platform.secret).update(encoded).digest('hex'), signature)) {
    throw refused('登录凭证签名无效，请回到交易平台重新点击【电子保函登录】');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw refused('登录凭证内容无法识别');
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw refused('登录凭证内容不完整或格式不正确');
  const payload = parsed.data;
  const seconds = now().getTime() / 1000;
  if (payload.exp < seconds) throw refused('登录凭证已过期，请回到交易平台重新点击【电子保函登录】');
  if (payload.exp > seconds + SSO_TOKEN_MAX_AHEAD_SECONDS) throw refused('登录凭证有效期过长，已拒绝');

  return writeTransaction(db, async (trx) => {
    const used = await trx.selectFrom('platform_sso_tokens').select('used_at').where('platform_id', '=', platform.id).where('nonce', '=', payload.nonce).executeTakeFirst();
    if (used) throw refused('登录凭证已使用过，请回到交易平台重新点击【电子保函登录】');
    const at = now();
    const audit = { name: payload.userName, phone: payload.phone, role: 'bidder' as const };
    let enterprise = await trx.selectFrom('enterprises').select(['id', 'region_id', 'name', 'basic_account_number']).where('uscc', '=', payload.uscc).forUpdate().executeTakeFirst();
    let user = await trx.selectFrom('users').select(['id', 'role', 'enterprise_id', 'active', 'session_version', 'display_name']).where('phone', '=', payload.phone).executeTakeFirst();
    if (user && (user.role !== 'bidder' || !user.active || (user.enterprise_id && user.enterprise_id !== enterprise?.id))) {
      throw refused('该手机号已用于其他账户或企业，不能以此身份登录，请联系平台客服');
    }
    if (!enterprise) {
      enterprise = await trx
        .insertInto('enterprises')
        .values({
          name: payload.enterpriseName,
          uscc: payload.uscc,
          legal_representative: '',
          contact_name: payload.userName,
          contact_phone: payload.phone,
          email: '',
          basic_account_bank: '',
          basic_account_name: '',
          basic_account_number: '',
          region_id: platform.region_ids[0] ?? null,
          status: 'verified',
          review_reason: null,
          reviewed_by: null,
          reviewed_at: at,
          registered_by: null,
          platform_id: platform.id,
        })
        .returning(['id', 'region_id', 'name', 'basic_account_number'])
        .executeTakeFirstOrThrow();
      await appendAuditEvent(trx, { ...audit, userId: null }, {
        action: 'enterprise.platform_create',
        entityType: 'enterprise',
        entityId: enterprise.id,
        regionId: enterprise.region_id,
        after: { name: payload.enterpriseName, uscc: payload.uscc, platform: platform.code },
        reason: `由交易平台「${platform.name}」登录创建`,
      });
    }
    if (!user) {
      user = await trx
        .insertInto('users')
        .values({
          phone: payload.phone,
          display_name: payload.userName,
          // Nobody knows this password: the account signs in through its platform (or 忘记密码 by SMS).
          password_hash: await hashPassword(randomBytes(24).toString('base64url')),
          role: 'bidder',
          region_id: null,
          enterprise_id: enterprise.id,
        })
        .returning(['id', 'role', 'enterprise_id', 'active', 'session_version', 'display_name'])
        .executeTakeFirstOrThrow();
      await trx.updateTable('enterprises').set({ registered_by: user.id }).where('id', '=', enterprise.id).where('registered_by', 'is', null).execute();
    } else if (!user.enterprise_id) {
      await trx.updateTable('users').set({ enterprise_id: enterprise.id }).where('id', '=', user.id).execute();
    }
    await trx.updateTable('users').set({ last_signed_in_at: at }).where('id', '=', user.id).execute();
    await trx.insertInto('platform_sso_tokens').values({ platform_id: platform.id, nonce: payload.nonce, user_id: user.id, used_at: at }).execute();
    let landing = '/';
    // A new enterprise completes its basic account first (完善企业信息); it could not apply before anyway.
    if (!enterprise.basic_account_number) landing = '/account/enterprise';
    else if (payload.sectionCode) {
      const sections = await trx
        .selectFrom('sections')
        .innerJoin('projects', 'projects.id', 'sections.project_id')
        .select('sections.id')
        .where('projects.platform_id', '=', platform.id)
        .where('sections.code', '=', payload.sectionCode)
        .orderBy('projects.bid_opening_at', 'desc')
        .limit(1)
        .execute();
      if (sections[0]) landing = `/apply/${sections[0].id}`;
    }
    return {
      userId: user.id,
      name: user.display_name,
      enterpriseId: enterprise.id,
      regionId: null,
      sessionVersion: user.session_version,
      landing,
    };
  });
}
