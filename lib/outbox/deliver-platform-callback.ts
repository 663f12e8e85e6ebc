import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { now } from '@/lib/time/clock';
import { DeliveryFailure, type Deliverer } from './deliverer';
import { readOutboxPayload } from './outbox-payloads';

/** A trading platform's shared secret, as its registration in /admin → 交易平台 holds it. */
export interface PlatformSigningKey {
  secret: string;
  algorithm: 'sha256' | 'sm3';
}

/** Finds a platform's key; null when no enabled platform has that code. */
export type PlatformKeyLookup = (db: Kysely<Database>, platformCode: string) => Promise<PlatformSigningKey | null>;

/**
 * Until the trading-platform interface registers platforms, no callback can be signed: one written anyway
 * fails its attempts (and is listed in 推送记录) rather than going out unsigned.
 */
export const noPlatformKeys: PlatformKeyLookup = async () => null;

/** `X-Signature`: lowercase hex HMAC over `${timestamp}.${nonce}.${rawBody}` (docs/trading-platform-interface.md). */
export function signPlatformRequest(key: PlatformSigningKey, timestamp: string, nonce: string, rawBody: string): string {
  return createHmac(key.algorithm, key.secret).update(`${timestamp}.${nonce}.${rawBody}`).digest('hex');
}

/**
 * POST {callbackBaseUrl}/guarantee-events (the message's destination), signed with the platform's secret,
 * a fresh timestamp and nonce each attempt; delivered when the platform answers 2xx. The body is the same
 * bytes every time, so the platform recognises a repeat by its eventId.
 */
export function platformCallbackDeliverer(keyOf: PlatformKeyLookup = noPlatformKeys): Deliverer {
  return async (message, { db, signal }) => {
    const payload = readOutboxPayload('platform_callback', message.payload);
    const key = await keyOf(db, payload.platformCode);
    if (!key) throw new DeliveryFailure(`交易平台 ${payload.platformCode} 未登记或已停用，无法签名推送`);
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const nonce = randomBytes(16).toString('hex');
    let response: Response;
    try {
      response = await fetch(message.destination, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-platform-code': payload.platformCode,
          'x-timestamp': timestamp,
          'x-nonce': nonce,
          'x-signature': signPlatformRequest(key, timestamp, nonce, payload.body),
        },
        body: payload.body,
        signal,
        redirect: 'manual',
      });
    } catch (error) {
      throw new DeliveryFailure(`无法连接交易平台：${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
    }
    // The answer is read (and capped) for the record, then dropped: only the status decides.
    const text = (await response.text().catch(() => '')).slice(0, 500);
    if (response.status < 200 || response.status > 299) {
      throw new DeliveryFailure(`交易平台应答 HTTP ${response.status}${text ? `：${text}` : ''}`, response.status);
    }
    return { responseCode: response.status };
  };
}
