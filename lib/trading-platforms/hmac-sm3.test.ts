import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { orderOnSection, payFromBasicAccount } from '@/lib/orders/testing/test-orders';
import { deliverDueOutboxMessages } from '@/lib/outbox/deliver-due-messages';
import { platformCallbackDeliverer } from '@/lib/outbox/deliver-platform-callback';
import { now } from '@/lib/time/clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { platformKeys } from './platform-keys';
import { platformSignature } from './platform-signature';
import { useFakeTradingPlatform } from './testing/use-fake-trading-platform';

/**
 * HMAC per RFC 2104 built by hand from a bare hash, so the product's HMAC-SM3 is checked against a
 * computation that shares nothing with createHmac but the hash: the key (hashed first when longer than
 * the block) padded to the 64-byte block, H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ message)).
 */
function hmacByHand(hash: 'sm3' | 'sha256', key: string, message: string): string {
  const BLOCK = 64;
  let k = Buffer.from(key, 'utf8');
  if (k.length > BLOCK) k = createHash(hash).update(k).digest();
  const padded = Buffer.concat([k, Buffer.alloc(BLOCK - k.length)]);
  const ipad = Buffer.from(padded.map((b) => b ^ 0x36));
  const opad = Buffer.from(padded.map((b) => b ^ 0x5c));
  const inner = createHash(hash).update(ipad).update(Buffer.from(message, 'utf8')).digest();
  return createHash(hash).update(opad).update(inner).digest('hex');
}

const SECRET = 'sm3-platform-shared-secret-0123456789abcdef';
const DAY = 24 * 60 * 60 * 1000;

describe('HMAC-SM3 as the interface signs with it', () => {
  it('rests on SM3 as GB/T 32905-2016 defines it (the standard vector SM3("abc"))', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('is HMAC per RFC 2104 over `${timestamp}.${nonce}.${rawBody}`, for a short key and one longer than the block', () => {
    // The hand-made HMAC is right: it agrees with createHmac for SHA-256.
    expect(hmacByHand('sha256', SECRET, 'a.b.c')).toBe(createHmac('sha256', SECRET).update('a.b.c').digest('hex'));
    const body = JSON.stringify({ name: '乌鲁木齐市某道路工程', revision: 1 });
    for (const key of [SECRET, 'k'.repeat(100)]) {
      const signature = platformSignature('sm3', key, '1764547200', 'nonce-0123456789abcdef', body);
      expect(signature).toMatch(/^[0-9a-f]{64}$/);
      expect(signature).toBe(hmacByHand('sm3', key, `1764547200.nonce-0123456789abcdef.${body}`));
      expect(signature).not.toBe(platformSignature('sha256', key, '1764547200', 'nonce-0123456789abcdef', body));
    }
  });
});

describe.each(testDatabaseKinds)('a trading platform signing with HMAC-SM3 on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();
  const xj = useFakeTradingPlatform(f, { code: 'xj-sm3', name: '新疆公共资源交易网（国密）', secret: SECRET, algorithm: 'sm3', withCallbacks: true });

  const at = (days: number) => new Date(now().getTime() + days * DAY).toISOString();
  const project = (revision: number) => ({
    name: '乌鲁木齐市国密签名道路工程', type: 'construction', regionCode: '650100', tenderer: '乌鲁木齐市城建局', revision,
    sections: [{ code: '01', name: '一标段', depositFen: 3_000_000, depositDeadline: at(9), bidOpeningAt: at(10) }],
  });
  const written = async () => ({
    projects: Number((await f.db.selectFrom('projects').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
    nonces: Number((await f.db.selectFrom('platform_nonces').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
    audit: Number((await f.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
  });

  it('accepts a push signed with HMAC-SM3 and refuses a wrong SM3 signature, writing nothing', async () => {
    const before = await written();
    const forgeries = [
      { secret: 'not-the-secret-not-the-secret-0000000' },
      { algorithm: 'sha256' as const },
      { signature: platformSignature('sm3', SECRET, String(Math.floor(now().getTime() / 1000)), 'another-nonce-0123456789', JSON.stringify(project(1))) },
      { signature: 'f'.repeat(64) },
    ];
    for (const forged of forgeries) {
      expect(await xj.platform.call('PUT', '/projects/XJ-SM3-001', project(1), forged)).toMatchObject({ status: 401, code: 'BAD_SIGNATURE' });
    }
    expect(await written()).toEqual(before);
    await expect(f.db.selectFrom('projects').select('id').where('code', '=', 'XJ-SM3-001').executeTakeFirst()).resolves.toBeUndefined();

    expect(await xj.platform.call('PUT', '/projects/XJ-SM3-001', project(1))).toMatchObject({ status: 200, code: 'OK', data: { revision: 1 } });
    await expect(f.db.selectFrom('projects').select('platform_revision').where('code', '=', 'XJ-SM3-001').executeTakeFirstOrThrow()).resolves.toEqual({ platform_revision: 1 });
    expect(await xj.platform.call('GET', '/guarantees?sectionCode=01&uscc=91650100MA78A1B2C3')).toMatchObject({ status: 200, code: 'OK', data: [] });
  });

  it('signs its callbacks to that platform with HMAC-SM3', async () => {
    const row = await f.db.selectFrom('projects').select('id').where('code', '=', 'XJ-SM3-001').executeTakeFirstOrThrow();
    const section = await f.db.selectFrom('sections').select('id').where('project_id', '=', row.id).executeTakeFirstOrThrow();
    const order = await orderOnSection(f, section.id);
    await payFromBasicAccount(f, order);
    await deliverDueOutboxMessages(f.db, { deliverers: { platform_callback: platformCallbackDeliverer(platformKeys), email: async () => ({ responseCode: null }) } });
    const issued = xj.platform.callbacks.received.find((r) => r.body.includes(order.orderNumber));
    expect(issued?.signatureValid).toBe(true);
    const { 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature } = issued!.headers;
    expect(signature).toBe(hmacByHand('sm3', SECRET, `${String(timestamp)}.${String(nonce)}.${issued!.body}`));
    expect(JSON.parse(issued!.body)).toMatchObject({ type: 'issued', orderNumber: order.orderNumber, sectionCode: '01' });
  });
});
