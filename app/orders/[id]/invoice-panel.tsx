import type { ReactNode } from 'react';
import type { InvoiceStatus, OrderStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/database';
import { getOrderInvoicing, type MyInvoice } from '@/lib/invoices/get-order-invoicing';
import { INVOICE_MEDIUM_LABELS, INVOICE_STATUS_LABELS, INVOICE_TYPE_LABELS } from '@/lib/invoices/invoice-labels';
import { bidderOrderActions } from '@/lib/orders/order-lifecycle';
import { formatFen } from '@/lib/money/format-fen';
import { formatDateTime } from '@/lib/time/format';
import { InvoiceDetailsToggle } from './invoice-details-toggle';
import { InvoiceRequestForm } from './invoice-request-form';

// The order-status colours say the same things: waiting (blue), done (green), no longer counts (grey).
const STATUS_CLASS: Record<InvoiceStatus, string> = {
  requested: 'status--payment_review',
  issued: 'status--issued',
  voided: 'status--cancelled',
};

/**
 * 发票 on the order page, once the order's premium was accepted (its lifecycle's 查看发票): the order's
 * invoices and, when the rules allow one, 【申请发票】.
 */
export async function InvoicePanel({ actor, orderId, orderStatus }: { actor: Actor; orderId: string; orderStatus: OrderStatus }) {
  if (!bidderOrderActions(orderStatus).includes('viewInvoicing')) return null;
  const invoicing = await getOrderInvoicing(await getDb(), actor, orderId);
  const amount = formatFen(invoicing.amountFen);
  // The order's live invoice says itself why another cannot be asked for.
  const live = invoicing.invoices.some((i) => i.live);
  return (
    <section className="card" aria-label="发票" data-testid="invoice-panel">
      <h2 className="card__title">发票</h2>
      {invoicing.invoices.length === 0 && <p className="muted">本订单尚未申请发票。发票金额为所缴保费 {amount}。</p>}
      {invoicing.invoices.map((invoice) => (
        <InvoiceItem key={invoice.id} orderId={orderId} invoice={invoice} amount={amount} />
      ))}
      {invoicing.allowedActions.includes('requestInvoice') ? (
        <InvoiceRequestForm orderId={orderId} amount={amount} choices={invoicing.choices} defaults={invoicing.defaults} />
      ) : (
        !live &&
        invoicing.closedReason && (
          <div className="alert alert--info" role="status" data-testid="invoice-closed" style={{ marginBottom: 0 }}>
            {invoicing.closedReason}
          </div>
        )
      )}
    </section>
  );
}

interface ItemProps {
  orderId: string;
  invoice: MyInvoice;
  amount: string;
}

function InvoiceItem(props: ItemProps) {
  const { invoice } = props;
  const kind = `${INVOICE_MEDIUM_LABELS[invoice.medium]} · ${INVOICE_TYPE_LABELS[invoice.invoiceType]}`;
  const Details = DETAILS[invoice.status];
  return (
    <div data-testid="invoice" style={{ borderTop: '1px solid var(--line)', padding: '12px 0' }}>
      <p style={{ margin: '0 0 8px' }}>
        <strong>{kind}</strong>{' '}
        <span className={`status ${STATUS_CLASS[invoice.status]}`} data-testid="invoice-status">
          {INVOICE_STATUS_LABELS[invoice.status]}
        </span>{' '}
        <span className="muted">申请于 {formatDateTime(invoice.requestedAt)}</span>
      </p>
      <Details {...props} />
    </div>
  );
}

/** What each state of an invoice shows under its heading. */
const DETAILS: Record<InvoiceStatus, (props: ItemProps) => ReactNode> = {
  requested: ({ invoice, amount }) => (
    <>
      <p className="muted">发票申请已提交，等待区域管理员开具{invoice.medium === 'paper' ? '并邮寄' : ''}。</p>
      <InvoiceSummary invoice={invoice} amount={amount} />
    </>
  ),
  // A paper invoice's details (the mailing above all) open on demand; an electronic one's are shown, with its PDF.
  issued: ({ orderId, invoice, amount }) =>
    invoice.medium === 'paper' ? (
      <InvoiceDetailsToggle label="发票及收件信息">
        <InvoiceSummary invoice={invoice} amount={amount} />
      </InvoiceDetailsToggle>
    ) : (
      <>
        <InvoiceSummary invoice={invoice} amount={amount} />
        {invoice.allowedActions.includes('download') && (
          <div className="actions" style={{ justifyContent: 'flex-start', marginTop: 12 }}>
            <a className="btn" href={`/orders/${orderId}/invoice`} download>
              下载发票
            </a>
          </div>
        )}
      </>
    ),
  voided: ({ invoice }) => (
    <div className="alert alert--error" data-testid="invoice-void-reason">
      该发票{invoice.invoiceNumber ? `（发票号码 ${invoice.invoiceNumber}）` : '申请'}已作废（红冲）
      {invoice.voidedAt ? `，${formatDateTime(invoice.voidedAt)}` : ''}。原因：{invoice.voidReason}
    </div>
  ),
};

function InvoiceSummary({ invoice, amount }: { invoice: MyInvoice; amount: string }) {
  const rows: [string, string | null][] = [
    ['发票号码', invoice.invoiceNumber],
    ['发票类型', `${INVOICE_MEDIUM_LABELS[invoice.medium]} · ${INVOICE_TYPE_LABELS[invoice.invoiceType]}`],
    ['发票抬头', invoice.title],
    ['纳税人识别号', invoice.taxNumber],
    ['注册地址', invoice.companyAddress],
    ['注册电话', invoice.companyPhone],
    ['开户行及账号', invoice.companyBank && invoice.companyAccount && `${invoice.companyBank} ${invoice.companyAccount}`],
    ['发票金额', amount],
    ['开具时间', invoice.issuedAt && formatDateTime(invoice.issuedAt)],
    ['快递公司', invoice.carrier],
    ['运单号', invoice.trackingNumber],
    ['收件人', invoice.recipientName],
    ['联系电话', invoice.recipientPhone],
    ['邮寄地址', invoice.deliveryAddress],
  ];
  return (
    <dl className="summary" data-testid="invoice-details">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <InvoiceRow key={label} label={label} value={value!} />
        ))}
    </dl>
  );
}

function InvoiceRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={label === '发票号码' || label === '运单号' ? 'mono' : undefined}>{value}</dd>
    </>
  );
}
