import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { daysFrom } from '@/lib/platform/demo-data';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import type { SubmittedOrder } from '@/lib/orders/submit-application';
import { issueInvoice } from '@/lib/invoices/issue-invoice';
import { requestInvoice } from '@/lib/invoices/request-invoice';
import { issuedOrderOnDemoProject } from '@/lib/orders/testing/test-orders';
import { voidInvoice } from '@/lib/invoices/void-invoice';

// The panel is a server component reading the process database; here it reads the test's.
const database = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/database', () => ({ getDb: async () => database.current }));
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh() {}, push() {} }) }));
vi.mock('./actions', () => ({ applyForInvoice: async () => ({ ok: true, value: '' }) }));

const { InvoicePanel } = await import('./invoice-panel');

const ENTERPRISE = { title: '新疆天山建设工程有限公司', taxNumber: '91650100712345678G' };
const DELIVERY = { recipientName: '李明', recipientPhone: '13900000001', deliveryAddress: '新疆乌鲁木齐市天山区解放北路 88 号' };
const COMPANY = { companyAddress: '新疆乌鲁木齐市天山区解放北路 88 号', companyPhone: '0991-2345678', companyBank: '中国工商银行乌鲁木齐天山区支行', companyAccount: '3002012309024567812' };

/** Server-rendered HTML of the panel, as the order page would send it. */
describe.each(testDatabaseKinds)('the order page\'s invoice panel on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();
  /** Only rendered, never changed: the tests that request an invoice insure an order of their own. */
  let paper: SubmittedOrder;
  beforeAll(async () => {
    database.current = f.db;
    paper = await issuedOrderOnDemoProject(f, 'WLMQ-JS-2026-0158');
  });
  /** An order insured now (each test begins at seeding, while the sections are open), then the bid opening passed. */
  const insuredThenOpened = async (projectCode: string) => {
    const order = await issuedOrderOnDemoProject(f, projectCode);
    clock.set(daysFrom(SEEDED_AT, 14));
    return order;
  };

  const render = async (order: SubmittedOrder, orderStatus: 'issued' | 'pending_payment' = 'issued') => {
    const element = await InvoicePanel({ actor: f.actors.bidder, orderId: order.id, orderStatus });
    return element ? renderToStaticMarkup(element) : '';
  };

  it('is absent for an order never paid, and says why before bid opening', async () => {
    expect(await render(paper, 'pending_payment')).toBe('');
    const html = await render(paper);
    expect(html).toContain('本订单尚未申请发票');
    expect(html).toContain('不予开具：开标后方可申请发票');
    expect(html).not.toContain('申请发票</button>');
  });

  it('offers 【申请发票】 after bid opening', async () => {
    clock.set(daysFrom(SEEDED_AT, 14));
    const html = await render(paper);
    expect(html).toMatch(/<button[^>]*>申请发票<\/button>/);
    expect(html).not.toContain('invoice-closed');
  });

  it('shows a paper invoice\'s mailing behind 【发票及收件信息】 once issued', async () => {
    const paper = await insuredThenOpened('WLMQ-JS-2026-0158');
    const { invoiceId } = await requestInvoice(f.db, f.actors.bidder, paper.id, { medium: 'paper', invoiceType: 'special', ...ENTERPRISE, ...COMPANY, ...DELIVERY });
    const requested = await render(paper);
    expect(requested).toContain('待开具');
    expect(requested).toContain('等待区域管理员开具并邮寄');
    expect(requested).not.toContain('申请发票</button>');

    await issueInvoice(f.db, f.actors.operator, invoiceId, { invoice_number: '12345678', carrier: '顺丰速运', tracking_number: 'SF1234567890' });
    const html = await render(paper);
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*>发票及收件信息<\/button>/);
    for (const text of ['12345678', '纸质发票 · 增值税专用发票', ENTERPRISE.title, '顺丰速运', 'SF1234567890', '李明', DELIVERY.deliveryAddress, '中国工商银行乌鲁木齐天山区支行 3002012309024567812']) {
      expect(html).toContain(text);
    }
  });

  it('links 【下载发票】 for an electronic invoice, and shows a voided one with its reason', async () => {
    const electronic = await insuredThenOpened('WLMQ-CG-2026-0342');
    const { invoiceId } = await requestInvoice(f.db, f.actors.bidder, electronic.id, { medium: 'electronic', invoiceType: 'ordinary', ...ENTERPRISE });
    await issueInvoice(f.db, f.actors.operator, invoiceId, { invoice_number: '65012345678901234567' }, { name: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.7') });
    expect(await render(electronic)).toContain(`<a class="btn" href="/orders/${electronic.id}/invoice" download="">下载发票</a>`);

    await voidInvoice(f.db, f.actors.operator, invoiceId, { reason: '抬头有误' });
    const html = await render(electronic);
    expect(html).toContain('已作废');
    expect(html).toContain('原因：抬头有误');
    expect(html).not.toContain('下载发票');
    expect(html).toMatch(/<button[^>]*>申请发票<\/button>/);
  });
});
