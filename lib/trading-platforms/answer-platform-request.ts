import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { getDb } from '@/lib/database';
import { DomainError } from '@/lib/errors/domain-error';
import { readCappedBody } from '@/lib/http/read-capped-body';
import { handlePlatformApi, platformOk } from './platform-response';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { claimNonce, verifyPlatformRequest, type SignedPlatform } from './platform-request';

export const MAX_PLATFORM_BODY_BYTES = 512 * 1024;

/**
 * A trading platform's signed request, answered in the interface's envelope: the body is read as bytes
 * (capped), the signature checked over exactly those bytes, and only then is the body parsed as JSON. A
 * write claims the nonce in its own transaction; a read claims it with claimReadNonce.
 */
export function answerPlatformRequest(
  request: Request,
  work: (db: Kysely<Database>, platform: SignedPlatform, body: unknown) => Promise<unknown>,
  database?: Kysely<Database>,
): Promise<Response> {
  return handlePlatformApi(async () => {
    const raw = await readCappedBody(request, MAX_PLATFORM_BODY_BYTES, '请求内容过大');
    const db = database ?? (await getDb());
    const platform = await verifyPlatformRequest(
      db,
      {
        platformCode: request.headers.get('x-platform-code'),
        timestamp: request.headers.get('x-timestamp'),
        nonce: request.headers.get('x-nonce'),
        signature: request.headers.get('x-signature'),
      },
      raw,
    );
    let body: unknown = null;
    if (raw.byteLength > 0) {
      let text: string;
      try {
        // Strict: bytes that are not UTF-8 are refused, not replaced; a leading BOM stays and is no JSON.
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
      } catch {
        throw new DomainError('VALIDATION_FAILED', '请求内容不是有效的 UTF-8 文本');
      }
      try {
        body = JSON.parse(text);
      } catch {
        throw new DomainError('VALIDATION_FAILED', '请求内容不是有效的 JSON');
      }
    }
    const answer = await work(db, platform, body);
    // A document is its own answer; everything else goes in the envelope.
    return answer instanceof Response ? answer : platformOk(answer);
  });
}

/** A signed read's nonce, claimed on its own (a read has no transaction of a change to claim it in). */
export function claimReadNonce(db: Kysely<Database>, platform: SignedPlatform): Promise<void> {
  return writeTransaction(db, (trx) => claimNonce(trx, platform));
}
