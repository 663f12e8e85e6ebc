import { randomInt } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, MobileCodePurpose } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { countHit } from '@/lib/http/rate-limit';
import { rateLimitAddressKey } from '@/lib/http/rate-limit-address';
import { sendSms } from '@/lib/sms/send-sms';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { now } from '@/lib/time/clock';
import { mobileCodeHash } from './mobile-code-hash';
import { MOBILE_CODE_PURPOSE_LABELS, MOBILE_CODE_RULES as RULES } from './mobile-code-rules';

export interface SendMobileCodeRequest {
  /** An 11-digit mainland mobile number, already validated. */
  phone: string;
  purpose: MobileCodePurpose;
  clientAddress: string;
  /**
   * false: the code is made, stored and limited like any other but sent to nobody — for a forgotten
   * password of a number with no account, so that nothing the asker sees differs.
   */
  deliver?: boolean;
}

export interface SentMobileCode {
  /** When the button may ask again. */
  resendAfterSeconds: number;
  validForMinutes: number;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * A new 6-digit code for a number and purpose (crypto random; only its keyed hash is stored), sent by SMS.
 * Refused (RATE_LIMITED, nothing sent) within a minute of the last code for the same number and purpose,
 * and past the daily ceilings per number and per address. A new code replaces the one before: only the
 * latest can be used (withConfirmedMobile).
 */
export async function sendMobileCode(db: Kysely<Database>, request: SendMobileCodeRequest): Promise<SentMobileCode> {
  const { phone, purpose } = request;
  return writeTransaction(db, async (trx) => {
    // One request at a time per number and purpose, so two quick clicks cannot both pass the minute's check.
    await sql`select pg_advisory_xact_lock(hashtext(${`mobile-code:${purpose}:${phone}`}))`.execute(trx);
    const at = now();
    const last = await trx
      .selectFrom('mobile_codes')
      .select('created_at')
      .where('phone', '=', phone)
      .where('purpose', '=', purpose)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const wait = last ? Math.ceil((last.created_at.getTime() + RULES.resendAfterSeconds * 1000 - at.getTime()) / 1000) : 0;
    if (wait > 0) throw new DomainError('RATE_LIMITED', `验证码已发送，请 ${wait} 秒后再重新获取`, { phone: `请 ${wait} 秒后再重新获取验证码` });
    await withinDailyCeilings(trx, phone, rateLimitAddressKey(request.clientAddress));

    const code = String(randomInt(0, 10 ** RULES.digits)).padStart(RULES.digits, '0');
    await trx
      .insertInto('mobile_codes')
      .values({
        phone,
        purpose,
        code_hash: mobileCodeHash(phone, purpose, code),
        expires_at: new Date(at.getTime() + RULES.validForMinutes * 60 * 1000),
        created_at: at,
      })
      .execute();
    if (request.deliver !== false) {
      const body = `【电子保函服务平台】验证码 ${code}，用于${MOBILE_CODE_PURPOSE_LABELS[purpose]}，${RULES.validForMinutes} 分钟内有效。如非本人操作，请忽略本短信。`;
      await sendSms(trx, { phone, purpose, body, secret: code });
    }
    return { resendAfterSeconds: RULES.resendAfterSeconds, validForMinutes: RULES.validForMinutes };
  });
}

/**
 * Counted in the code's own transaction: a code that is refused or not sent counts for nothing, and a
 * count past the ceiling is undone with it, so the ceiling holds without creeping further.
 */
async function withinDailyCeilings(trx: Transaction<Database>, phone: string, address: string): Promise<void> {
  const perPhone = await countHit(trx, { bucket: `mobile-code:phone:${phone}`, limit: RULES.perPhonePerDay, windowSeconds: DAY_SECONDS });
  if (perPhone.hits > RULES.perPhonePerDay) {
    throw new DomainError('RATE_LIMITED', `该手机号今日获取验证码次数已达上限（${RULES.perPhonePerDay} 次），请明天再试`);
  }
  const perAddress = await countHit(trx, { bucket: `mobile-code:address:${address}`, limit: RULES.perAddressPerDay, windowSeconds: DAY_SECONDS });
  if (perAddress.hits > RULES.perAddressPerDay) throw new DomainError('RATE_LIMITED', '获取验证码过于频繁，请明天再试');
}
