import type { Kysely, Transaction } from 'kysely';
import type { Database, PlatformSigningAlgorithm } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { platformSignature, sameHex } from './platform-signature';

/** How far X-Timestamp may be from now, either way. */
export const TIMESTAMP_WINDOW_SECONDS = 300;
/** How long a nonce, once used, refuses a request that repeats it. */
export const NONCE_WINDOW_MS = 10 * 60 * 1000;

export interface PlatformRequestHeaders {
  platformCode: string | null;
  timestamp: string | null;
  nonce: string | null;
  signature: string | null;
}

export interface SignedPlatform {
  id: string;
  code: string;
  name: string;
  regionIds: string[];
  algorithm: PlatformSigningAlgorithm;
  nonce: string;
}

const badSignature = () => new DomainError('BAD_SIGNATURE', '签名校验失败：平台编码、签名或请求头无效');

/**
 * The trading platform a request comes from, when its signature over the raw body is right and its timestamp
 * is within 300 s of now; otherwise a refusal, decided on the headers alone (the body is not parsed). An
 * unknown or disabled platform is told the same as a wrong signature: a caller without the secret learns
 * nothing about which codes exist. The nonce is claimed afterwards, in the transaction of the change.
 */
export async function verifyPlatformRequest(db: Kysely<Database>, headers: PlatformRequestHeaders, rawBody: string | Uint8Array): Promise<SignedPlatform> {
  const { platformCode, timestamp, nonce, signature } = headers;
  if (!platformCode || !timestamp || !nonce || !signature) throw badSignature();
  if (!/^[\x21-\x7e]{16,64}$/.test(nonce)) throw new DomainError('BAD_SIGNATURE', 'X-Nonce 应为 16–64 个可见字符');
  const platform = await db
    .selectFrom('trading_platforms')
    .select(['id', 'code', 'name', 'region_ids', 'secret', 'algorithm'])
    .where('code', '=', platformCode)
    .where('enabled', '=', true)
    .executeTakeFirst();
  if (!platform) throw badSignature();
  if (!sameHex(platformSignature(platform.algorithm, platform.secret, timestamp, nonce, rawBody), signature)) throw badSignature();
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now().getTime() / 1000 - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) {
    throw new DomainError('STALE_TIMESTAMP', `请求时间戳与服务器时间相差超过 ${TIMESTAMP_WINDOW_SECONDS} 秒`);
  }
  return { id: platform.id, code: platform.code, name: platform.name, regionIds: platform.region_ids, algorithm: platform.algorithm, nonce };
}

/**
 * Claims the request's nonce in the transaction of its change: a rollback (any refusal) leaves it unclaimed,
 * and of two requests with one nonce the second waits on the first's row and is then refused.
 */
export async function claimNonce(trx: Transaction<Database>, platform: SignedPlatform): Promise<void> {
  const at = now();
  const claimed = await trx
    .insertInto('platform_nonces')
    .values({ platform_id: platform.id, nonce: platform.nonce, seen_at: at })
    .onConflict((oc) =>
      oc.columns(['platform_id', 'nonce']).doUpdateSet({ seen_at: at }).where('platform_nonces.seen_at', '<', new Date(at.getTime() - NONCE_WINDOW_MS)),
    )
    .returning('nonce')
    .executeTakeFirst();
  if (!claimed) throw new DomainError('NONCE_REUSED', 'X-Nonce 已在 10 分钟内使用过，请求被拒绝');
}
