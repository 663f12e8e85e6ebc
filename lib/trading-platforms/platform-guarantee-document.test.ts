import { beforeAll, describe, expect, it } from 'vitest';
import { issuedOrderOnDemoProject, orderOnSection, payFromBasicAccount } from '@/lib/orders/testing/test-orders';
import { renderDuePolicyDocuments } from '@/lib/policies/document-jobs/render-due-policy-documents';
import { applyForSurrender } from '@/lib/surrenders/apply-for-surrender';
import { approveSurrender } from '@/lib/surrenders/approve-surrender';
import { now } from '@/lib/time/clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { useFakeTradingPlatform } from './testing/use-fake-trading-platform';
import { pdfText } from '@/testing/pdf-text';


const SECRET = 'doc-platform-shared-secret-0123456789abcdef';
const OTHER_SECRET = 'other-platform-shared-secret-0123456789abcd';
const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds)('GET /guarantees/{policyNumber}/document on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  const xj = useFakeTradingPlatform(f, { code: 'xj-doc', secret: SECRET });
  const klmy = useFakeTradingPlatform(f, { code: 'klmy-doc', name: '克拉玛依市公共资源交易网', secret: OTHER_SECRET, regionIds: ['650100', '650200'] });
  let policyNumber: string;
  let bidOpeningAt: Date;

  beforeAll(async () => {
    const at = (days: number) => new Date(now().getTime() + days * DAY).toISOString();
    bidOpeningAt = new Date(at(10));
    const pushed = await xj.platform.call('PUT', '/projects/XJ-DOC-001', {
      name: '乌鲁木齐市保单文件测试工程', type: 'construction', regionCode: '650100', tenderer: '乌鲁木齐市城建局', revision: 1,
      sections: [{ code: '01', name: '一标段', depositFen: 4_000_000, depositDeadline: at(9), bidOpeningAt: bidOpeningAt.toISOString() }],
    });
    expect(pushed).toMatchObject({ code: 'OK' });
  });

  const document = (number: string, options = {}) => xj.platform.send('GET', `/guarantees/${encodeURIComponent(number)}/document`, undefined, options);

  it('answers POLICY_DOCUMENT_PENDING while the issued policy is still being rendered', async () => {
    const project = await f.db.selectFrom('projects').select('id').where('code', '=', 'XJ-DOC-001').executeTakeFirstOrThrow();
    const section = await f.db.selectFrom('sections').select('id').where('project_id', '=', project.id).executeTakeFirstOrThrow();
    const order = await orderOnSection(f, section.id);
    await payFromBasicAccount(f, order);
    policyNumber = (await f.db.selectFrom('policies').select('policy_number').where('order_id', '=', order.id).executeTakeFirstOrThrow()).policy_number;
    const pending = await document(policyNumber);
    expect(pending.status).toBe(409);
    expect(await pending.json()).toMatchObject({ code: 'POLICY_DOCUMENT_PENDING', message: expect.stringContaining('保单生成中') });
    await renderDuePolicyDocuments(f.db);
  });

  it('gives the sealed file before bid opening, as 【下载保单】 does', async () => {
    clock.set(new Date(bidOpeningAt.getTime() - 60_000));
    const sealed = await document(policyNumber);
    expect(sealed.status).toBe(200);
    expect(sealed.headers.get('content-type')).toBe('application/octet-stream');
    expect(decodeURIComponent(sealed.headers.get('content-disposition')!)).toContain(`保单-${policyNumber}.pdf.enc`);
    const bytes = Buffer.from(await sealed.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('BGP1');
    expect(bytes.includes(Buffer.from('%PDF'))).toBe(false);
  });

  it('gives the PDF, with the policy number in it, from bid opening on', async () => {
    clock.set(new Date(bidOpeningAt.getTime() + 1_000));
    const answer = await document(policyNumber);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    const pdf = new Uint8Array(await answer.arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain(policyNumber);
  });

  it('tells of an unknown policy, another platform\'s and one not from a platform alike: NOT_FOUND', async () => {
    const unknown = await document('BD2099010100000000');
    expect(unknown.status).toBe(404);
    const unknownAnswer = (await unknown.json()) as { code: string; message: string };
    expect(unknownAnswer).toMatchObject({ code: 'NOT_FOUND', data: null });

    // 克拉玛依's platform serves 乌鲁木齐 too, but the project is 新疆's: to it the policy does not exist.
    const foreign = await klmy.platform.send('GET', `/guarantees/${policyNumber}/document`);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ code: 'NOT_FOUND', message: `保单 ${policyNumber} 不存在` });

    // A policy on a project an operator typed in, in the platform's own region.
    const handMade = await issuedOrderOnDemoProject(f, 'WLMQ-JS-2026-0158');
    const handMadePolicy = (await f.db.selectFrom('policies').select('policy_number').where('order_id', '=', handMade.id).executeTakeFirstOrThrow()).policy_number;
    const notOurs = await document(handMadePolicy);
    expect(notOurs.status).toBe(404);
    expect(await notOurs.json()).toMatchObject({ code: 'NOT_FOUND', message: `保单 ${handMadePolicy} 不存在` });
  });

  it('is handed out during surrender review, and no longer once the policy is surrendered — as 【下载保单】', async () => {
    const order = await f.db.selectFrom('policies').select('order_id').where('policy_number', '=', policyNumber).executeTakeFirstOrThrow();
    const applied = await applyForSurrender(f.db, f.actors.bidder, order.order_id, { reason: 'abandon_bid', note: '公司决定不参与本次投标' });
    expect((await document(policyNumber)).status).toBe(200);
    await approveSurrender(f.db, f.actors.operator, applied.id, {});
    const surrendered = await document(policyNumber);
    expect(surrendered.status).toBe(409);
    expect(await surrendered.json()).toMatchObject({ code: 'CONFLICT', message: '该保单已退保失效，不再提供下载', data: null });
  });

  it('refuses a wrong signature, a stale timestamp and a reused nonce before reading the policy', async () => {
    const forged = await document(policyNumber, { secret: OTHER_SECRET });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toContain('application/json');
    expect(await forged.json()).toMatchObject({ code: 'BAD_SIGNATURE', data: null });
    const asOther = await document(policyNumber, { platformCode: 'klmy-doc' });
    expect(await asOther.json()).toMatchObject({ code: 'BAD_SIGNATURE' });
    const stale = await document(policyNumber, { timestamp: String(Math.floor(now().getTime() / 1000) - 301) });
    expect(await stale.json()).toMatchObject({ code: 'STALE_TIMESTAMP' });
    const nonce = 'document-nonce-0123456789';
    expect((await document(policyNumber, { nonce })).status).toBe(409);
    const again = await document(policyNumber, { nonce });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: 'NONCE_REUSED' });
  });
});
