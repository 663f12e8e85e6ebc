import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { issuedOrderOnDemoProject } from '@/lib/orders/testing/test-orders';
import { downloadPolicy } from './download-policy';
import { verifyPolicy, VERIFY_RATE_LIMIT } from './verify-policy';
import { pdfText } from '@/testing/pdf-text';


describe.each(testDatabaseKinds)('the policy on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  let order: Awaited<ReturnType<typeof issuedOrderOnDemoProject>>;
  let bidOpeningAt: Date;
  beforeAll(async () => {
    order = await issuedOrderOnDemoProject(f, 'WLMQ-JS-2026-0158');
    bidOpeningAt = (await f.db.selectFrom('projects').select('bid_opening_at').where('code', '=', 'WLMQ-JS-2026-0158').executeTakeFirstOrThrow()).bid_opening_at;
  });

  const policyRow = () => f.db.selectFrom('policies').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();

  it('is issued with the order: a number, a verification code and only the sealed document stored', async () => {
    const policy = await policyRow();
    expect(policy.policy_number).toMatch(/^BD20261124\d{8}$/);
    expect(policy.verification_code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{10}$/);
    expect(Buffer.from(policy.sealed_document!).subarray(0, 4).toString()).toBe('BGP1');
    expect(Buffer.from(policy.sealed_document!).includes(Buffer.from('%PDF'))).toBe(false);
    const key = await f.db.selectFrom('section_keys').selectAll().executeTakeFirstOrThrow();
    expect(key.wrapped_key).not.toBe('');
  });

  it('gives the bidder only the sealed file before bid opening', async () => {
    clock.set(new Date(bidOpeningAt.getTime() - 1000));
    const file = await downloadPolicy(f.db, f.actors.bidder, order.id);
    expect(file.sealed).toBe(true);
    expect(file.contentType).toBe('application/octet-stream');
    expect(file.fileName).toMatch(/\.pdf\.enc$/);
    expect(Buffer.from(file.content).subarray(0, 4).toString()).toBe('BGP1');
    expect(Buffer.from(file.content).includes(Buffer.from('%PDF'))).toBe(false);
  });

  it('tells another enterprise and the back office that the order does not exist, as it tells anyone of a missing one', async () => {
    const missing = await expectRefusal(downloadPolicy(f.db, f.actors.bidder, '00000000-0000-4000-8000-000000000000'));
    for (const actor of [f.actors.otherBidder, f.actors.operator]) {
      const error = await expectRefusal(downloadPolicy(f.db, actor, order.id));
      expect([error.code, error.status, error.message]).toEqual(['NOT_FOUND', 404, missing.message]);
    }
  });

  it('gives the decrypted PDF from the opening time, naming the parties and amounts in Chinese', async () => {
    clock.set(bidOpeningAt);
    const file = await downloadPolicy(f.db, f.actors.bidder, order.id);
    expect(file.sealed).toBe(false);
    expect(file.contentType).toBe('application/pdf');
    expect(Buffer.from(file.content).subarray(0, 5).toString()).toBe('%PDF-');
    const policy = await policyRow();
    const text = pdfText(file.content).replace(/\s+/g, '');
    for (const expected of [policy.policy_number, policy.verification_code, '新疆天山建设工程有限公司', '乌鲁木齐市第十二中学教学楼改扩建工程', '/verify?number=']) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
    clock.set(SEEDED_AT);
  });

  it('refuses a tampered sealed document instead of serving it', async () => {
    const policy = await policyRow();
    const tampered = Buffer.from(policy.sealed_document!);
    tampered[tampered.length - 10] ^= 0xff;
    // The policy table is an ordinary table: a tamper here stands for a corrupted or altered backup.
    await f.db.updateTable('policies').set({ sealed_document: tampered }).where('id', '=', policy.id).execute();
    clock.set(bidOpeningAt);
    try {
      expect((await expectRefusal(downloadPolicy(f.db, f.actors.bidder, order.id))).code).toBe('SEAL_BROKEN');
    } finally {
      clock.set(SEEDED_AT);
      await f.db.updateTable('policies').set({ sealed_document: policy.sealed_document }).where('id', '=', policy.id).execute();
    }
  });

  it('verifies publicly with number and code, says nothing about the applicant, and answers a wrong code like an unknown number', async () => {
    const policy = await policyRow();
    const found = await verifyPolicy(f.db, '198.51.100.1', { policyNumber: policy.policy_number.toLowerCase(), verificationCode: policy.verification_code });
    expect(found).toMatchObject({ found: true, valid: true, statusLabel: '有效', insurerName: expect.any(String), guaranteeAmountFen: (await f.db.selectFrom('orders').select('deposit_fen').where('id', '=', order.id).executeTakeFirstOrThrow()).deposit_fen });
    expect(JSON.stringify(found)).not.toContain('新疆天山建设工程有限公司');
    expect(await verifyPolicy(f.db, '198.51.100.1', { policyNumber: policy.policy_number, verificationCode: 'AAAAAAAAAA' })).toEqual({ found: false });
    expect(await verifyPolicy(f.db, '198.51.100.1', { policyNumber: 'BD0000', verificationCode: policy.verification_code })).toEqual({ found: false });
  });

  it('rate-limits verification per client address, per window', async () => {
    const query = { policyNumber: 'BD1', verificationCode: 'X' };
    for (let i = 0; i < VERIFY_RATE_LIMIT.limit; i++) await verifyPolicy(f.db, '203.0.113.9', query);
    const refused = await expectRefusal(verifyPolicy(f.db, '203.0.113.9', query));
    expect([refused.code, refused.status]).toEqual(['RATE_LIMITED', 429]);
    // Another client is not held back, and the next window starts afresh.
    await verifyPolicy(f.db, '203.0.113.10', query);
    clock.advance(VERIFY_RATE_LIMIT.windowSeconds * 1000);
    await verifyPolicy(f.db, '203.0.113.9', query);
    clock.set(SEEDED_AT);
  });
});
