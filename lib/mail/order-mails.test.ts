import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFrom } from '@/lib/platform/demo-data';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { issueInvoice } from '@/lib/invoices/issue-invoice';
import { requestInvoice } from '@/lib/invoices/request-invoice';
import { formatFen } from '@/lib/money/format-fen';
import { cancelUnpaidOrders } from '@/lib/orders/cancel-unpaid-orders';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';
import { payFromBasicAccount } from '@/lib/orders/testing/test-orders';
import { deliverDueOutboxMessages } from '@/lib/outbox/deliver-due-messages';
import type { Deliverers } from '@/lib/outbox/deliverer';
import { enqueue } from '@/lib/outbox/enqueue';
import { readOutboxPayload } from '@/lib/outbox/outbox-payloads';
import { renderDuePolicyDocuments } from '@/lib/policies/document-jobs/render-due-policy-documents';
import { markRefunded } from '@/lib/refunds/mark-refunded';
import { configuredEmailDeliverer } from './email-deliverer';
import { mailboxResource, type MailboxMessageRecord } from './mailbox-resource';
import { orderMailKey } from './order-mail';
import { smtpDeliverer } from './smtp-deliverer';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-test-server';

const FROM = '电子保函服务平台 <no-reply@bid-guarantee.example.cn>';
const APPLICANT = 'bid@tianshan-jianshe.example.cn';
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const page = { sort: { field: 'id', order: 'asc' as const }, offset: 0, limit: 100, filter: {} };

describe.each(testDatabaseKinds)('the applicant\'s mails on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  let smtp: SmtpTestServer;
  let viaSmtp: Deliverers;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    viaSmtp = { email: smtpDeliverer(smtp.url, FROM), platform_callback: async () => ({ responseCode: 200 }) };
  });
  afterAll(async () => {
    await smtp.close();
  });

  /** The order's mails in the outbox, oldest first. */
  const mailsOf = (orderId: string) =>
    f.db.selectFrom('outbox_messages').selectAll().where('ordering_key', '=', orderMailKey(orderId)).orderBy('sequence').execute();
  const deliverAll = async (deliverers: Deliverers = viaSmtp) => {
    while ((await deliverDueOutboxMessages(f.db, { deliverers })).claimed > 0);
  };
  const policyOf = (orderId: string) => f.db.selectFrom('policies').selectAll().where('order_id', '=', orderId).executeTakeFirstOrThrow();

  it('sends the sealed policy with instructions once its document exists (not with the bank\'s notification), through a real SMTP server', async () => {
    const { orderId } = await orderOnNewProject(f, { opensInDays: 10 });
    // Insured by the notification, the document still to be rendered: no mail yet.
    expect(await mailsOf(orderId)).toEqual([]);
    await renderDuePolicyDocuments(f.db);
    const [message] = await mailsOf(orderId);
    expect(message).toMatchObject({ kind: 'email', destination: APPLICANT, region_id: '650100', status: 'pending' });
    const payload = readOutboxPayload('email', message!.payload);
    const policy = await policyOf(orderId);
    // The attachment is named, not copied: the outbox row stays small.
    expect(payload.attachments).toEqual([{ kind: 'policy', policyId: policy.id, form: 'sealed' }]);
    expect(JSON.stringify(message!.payload).length).toBeLessThan(8_000);

    await deliverAll();
    const mail = smtp.mailFor(message!.id)!;
    expect(mail).toBeDefined();
    expect(mail.subject).toBe(`【电子保函服务平台】投标保函已出具：测试项目 ${mail.subject!.match(/测试项目 (\d+)/)![1]} 一标段（保单号 ${policy.policy_number}）`);
    expect(mail.to).toMatchObject({ value: [{ address: APPLICANT }] });
    expect(mail.from).toMatchObject({ value: [{ address: 'no-reply@bid-guarantee.example.cn', name: '电子保函服务平台' }] });
    expect(mail.text).toContain('新疆天山建设工程有限公司：');
    expect(mail.text).toContain(`保单号：${policy.policy_number}`);
    expect(mail.text).toContain(`验证码：${policy.verification_code}`);
    expect(mail.text).toContain('保费：¥');
    expect(mail.text).toContain('加密电子保单：开标前任何人（包括贵单位）均无法打开');
    expect(mail.text).toContain('在【订单管理】中下载解密后的电子保单（PDF）');
    expect(mail.html).toContain('<table');
    expect(mail.html).toContain(policy.policy_number);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`保单-${policy.policy_number}.pdf.enc`, 'application/octet-stream']]);
    expect(Buffer.compare(mail.attachments[0]!.content, Buffer.from(policy.sealed_document!))).toBe(0);
    const [attempt] = await f.db.selectFrom('outbox_attempts').selectAll().where('message_id', '=', message!.id).execute();
    expect(attempt).toMatchObject({ outcome: 'delivered', response_code: 250 });
  });

  it('sends the PDF when the document is made after the bid opening', async () => {
    const { orderId, opening } = await orderOnNewProject(f, { opensInDays: 2 });
    clock.set(new Date(opening.getTime() + 60_000));
    await renderDuePolicyDocuments(f.db);
    const [message] = await mailsOf(orderId);
    await deliverAll();
    const policy = await policyOf(orderId);
    const mail = smtp.mailFor(message!.id)!;
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`保单-${policy.policy_number}.pdf`, 'application/pdf']]);
    expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(mail.text).toContain(`附件「保单-${policy.policy_number}.pdf」为电子保单（PDF）`);
    expect(mail.text).not.toContain('加密');
  });

  it('sends an issued electronic invoice with its PDF, read from its document when sent', async () => {
    const { orderId, premiumFen } = await orderOnNewProject(f, { opensInDays: 3 });
    clock.set(daysFrom(SEEDED_AT, 14));
    const { invoiceId } = await requestInvoice(f.db, f.actors.bidder, orderId, { medium: 'electronic', invoiceType: 'ordinary', title: '新疆天山建设工程有限公司', taxNumber: '91650100712345678G' });
    expect((await mailsOf(orderId)).filter((m) => m.summary.includes('发票'))).toEqual([]);
    await issueInvoice(f.db, f.actors.operator, invoiceId, { invoice_number: '65012345678901234567' }, { name: 'fp.pdf', bytes: PDF });
    const message = (await mailsOf(orderId)).find((m) => m.summary.includes('电子发票已开具'))!;
    const invoice = await f.db.selectFrom('invoices').select('document_id').where('id', '=', invoiceId).executeTakeFirstOrThrow();
    expect(readOutboxPayload('email', message.payload).attachments).toEqual([{ kind: 'document', documentId: invoice.document_id, fileName: '发票-65012345678901234567.pdf' }]);

    await deliverAll();
    const mail = smtp.mailFor(message.id)!;
    expect(mail.subject).toMatch(/^【电子保函服务平台】电子发票已开具：订单 \S+（发票号码 65012345678901234567）$/);
    expect(mail.text).toContain('发票类型：电子增值税普通发票');
    expect(mail.text).toContain(`金额（保费）：${formatFen(premiumFen)}`);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['发票-65012345678901234567.pdf', 'application/pdf']]);
    expect(Buffer.compare(mail.attachments[0]!.content, Buffer.from(PDF))).toBe(0);
  });

  it('tells of an unpaid order cancelled at the deposit deadline: nothing paid, nothing refunded', async () => {
    const { orderId, opening } = await orderOnNewProject(f, { opensInDays: 2, unpaid: true });
    clock.set(new Date(opening.getTime() - 24 * 60 * 60_000 + 1));
    await cancelUnpaidOrders(f.db);
    const [message] = await mailsOf(orderId);
    await deliverAll();
    const mail = smtp.mailFor(message!.id)!;
    expect(mail.subject).toMatch(/^【电子保函服务平台】订单已取消：测试项目 \d+ 一标段（订单 \S+）$/);
    expect(mail.text).toContain('前未收到保费，系统已自动取消该订单');
    expect(mail.text).toContain('本订单未收到付款，无需退款。');
    expect(mail.text).toContain('应付保费：¥');
  });

  it('tells of a refund with its amount and due date, and again when it is paid, in that order', async () => {
    const { orderId, premiumFen } = await orderOnNewProject(f, { opensInDays: 5 });
    const order = await f.db.selectFrom('orders').select(['remark_code as remarkCode', 'premium_fen as premiumFen']).where('id', '=', orderId).executeTakeFirstOrThrow();
    // Paid twice: the second payment goes back.
    await payFromBasicAccount(f, order);
    const refund = await f.db.selectFrom('refunds').selectAll().where('order_id', '=', orderId).executeTakeFirstOrThrow();
    await markRefunded(f.db, f.actors.operator, refund.id, { bank_reference: 'TKLS20261124001' });
    const mails = (await mailsOf(orderId)).filter((m) => m.summary.includes('退款'));
    expect(mails.map((m) => m.summary)).toEqual([
      expect.stringMatching(/^【电子保函服务平台】退款通知：订单 \S+ 将退还 ¥/),
      expect.stringMatching(/^【电子保函服务平台】退款已完成：订单 \S+ 已退还 ¥/),
    ]);
    await deliverAll();
    const [due, paid] = mails.map((m) => smtp.mailFor(m.id)!);
    const [year, month, day] = refund.due_date.split('-');
    expect(due!.text).toContain(`退款金额 ${formatFen(premiumFen)}，预计于 ${year}年${Number(month)}月${Number(day)}日 前退回。`);
    expect(due!.text).toContain('退款原因：重复支付，退还多付的保费');
    expect(due!.text).toMatch(/收款账户：原路退回付款账户（新疆天山建设工程有限公司，尾号 \d{4}）/);
    expect(paid!.text).toContain('退款银行流水号：TKLS20261124001');
    expect(smtp.received.indexOf(due!)).toBeLessThan(smtp.received.indexOf(paid!));
  });

  it('logs the SMTP server\'s refusal (550) on the attempt and tries again later', async () => {
    const to = `nobody-${kind}@tianshan-jianshe.example.cn`;
    smtp.refuse.add(to);
    const id = await f.db.transaction().execute((trx) =>
      enqueue(trx, { kind: 'email', destination: to, orderingKey: null, summary: '测试', payload: { subject: '测试', text: '正文', html: '<p>正文</p>', attachments: [] }, regionId: '650100' }),
    );
    await deliverDueOutboxMessages(f.db, { deliverers: viaSmtp });
    const [attempt] = await f.db.selectFrom('outbox_attempts').selectAll().where('message_id', '=', id).execute();
    expect(attempt).toMatchObject({ outcome: 'failed', response_code: 550 });
    expect(attempt!.error).toMatch(/^邮件服务器未接受：.*550/);
    expect(await f.db.selectFrom('outbox_messages').select(['status', 'next_attempt_at']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
      status: 'pending',
      next_attempt_at: new Date(clock.now().getTime() + 30_000),
    });
  });

  it('with no SMTP_URL (the embedded default) delivers to the local mailbox, once, readable by platform administrators only', async () => {
    const { orderId } = await orderOnNewProject(f, { opensInDays: 10 });
    await renderDuePolicyDocuments(f.db);
    const [message] = await mailsOf(orderId);
    const deliverers: Deliverers = { email: configuredEmailDeliverer({}), platform_callback: viaSmtp.platform_callback };
    await deliverAll(deliverers);
    const before = smtp.received.length;
    // Delivered again (at least once: a worker that died after the mailbox write): still one mail in it.
    await deliverers.email({ id: message!.id, kind: 'email', destination: message!.destination, payload: message!.payload, regionId: '650100', attempt: 2, leaseToken: 'x', giveUpAt: clock.now() }, { db: f.db, signal: new AbortController().signal });
    expect(smtp.received.length).toBe(before);

    const listed = (await listRecords(f.db, f.actors.platformAdmin, mailboxResource, page)).rows as unknown as MailboxMessageRecord[];
    const mine = listed.filter((m) => m.outbox_message_id === message!.id);
    expect(mine).toHaveLength(1);
    const policy = await policyOf(orderId);
    expect(mine[0]).toMatchObject({
      to_address: APPLICANT,
      subject: expect.stringContaining(`保单号 ${policy.policy_number}`),
      attachments: [{ fileName: `保单-${policy.policy_number}.pdf.enc`, contentType: 'application/octet-stream', size: policy.sealed_document!.length }],
    });
    expect(mine[0]!.text_body).toContain('加密电子保单');
    expect(await getRecord(f.db, f.actors.platformAdmin, mailboxResource, String(mine[0]!.id))).toMatchObject({ id: mine[0]!.id });
    for (const who of ['operator', 'otherOperator', 'valuesOperator', 'compliance', 'bidder'] as const) {
      expect((await expectRefusal(listRecords(f.db, f.actors[who], mailboxResource, page))).code).toBe('FORBIDDEN');
      expect((await expectRefusal(getRecord(f.db, f.actors[who], mailboxResource, String(mine[0]!.id)))).code).toBe('FORBIDDEN');
    }
    expect((await expectRefusal(getRecord(f.db, f.actors.platformAdmin, mailboxResource, 'abc'))).code).toBe('VALIDATION_FAILED');
  });
});
