'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { InvoiceMedium, InvoiceType } from '@/db/database';
import type { InvoiceChoice, InvoiceDefaults } from '@/lib/invoices/get-order-invoicing';
import { INVOICE_MEDIA, INVOICE_MEDIUM_LABELS, INVOICE_TYPE_LABELS, INVOICE_TYPES } from '@/lib/invoices/invoice-labels';
import { invoiceRequestFieldErrors } from '@/lib/invoices/invoice-request-schema';
import { applyForInvoice } from './actions';

type TextField =
  | 'title' | 'taxNumber' | 'companyAddress' | 'companyPhone' | 'companyBank' | 'companyAccount'
  | 'recipientName' | 'recipientPhone' | 'deliveryAddress';

const LABELS: Record<TextField, string> = {
  title: '发票抬头',
  taxNumber: '纳税人识别号',
  companyAddress: '注册地址',
  companyPhone: '注册电话',
  companyBank: '开户银行',
  companyAccount: '银行账号',
  recipientName: '收件人',
  recipientPhone: '联系电话',
  deliveryAddress: '邮寄地址',
};

const ALWAYS: TextField[] = ['title', 'taxNumber'];
const SPECIAL: TextField[] = ['companyAddress', 'companyPhone', 'companyBank', 'companyAccount'];
const PAPER: TextField[] = ['recipientName', 'recipientPhone', 'deliveryAddress'];

interface Props {
  orderId: string;
  amount: string;
  choices: InvoiceChoice[];
  defaults: InvoiceDefaults;
}

/**
 * 【申请发票】: medium and type as the region's rules allow them today (a choice they refuse is disabled,
 * with their reason), the fields that kind of invoice needs, a summary to check, then the request.
 * The server validates with the same schema and asks the rules again before accepting.
 */
export function InvoiceRequestForm({ orderId, amount, choices, defaults }: Props) {
  const router = useRouter();
  const choice = (medium: InvoiceMedium, invoiceType: InvoiceType) => choices.find((c) => c.medium === medium && c.invoiceType === invoiceType);
  const firstAllowed = choices.find((c) => c.allowed);
  // The button works only once React has taken over; a click on the server-rendered HTML would be lost.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<'form' | 'summary'>('form');
  const [medium, setMedium] = useState<InvoiceMedium>(firstAllowed?.medium ?? 'electronic');
  const [invoiceType, setInvoiceType] = useState<InvoiceType>(firstAllowed?.invoiceType ?? 'ordinary');
  const [values, setValues] = useState<Record<TextField, string>>({
    title: defaults.title,
    taxNumber: defaults.taxNumber,
    companyAddress: '',
    companyPhone: '',
    companyBank: defaults.companyBank,
    companyAccount: defaults.companyAccount,
    recipientName: defaults.recipientName,
    recipientPhone: defaults.recipientPhone,
    deliveryAddress: '',
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const fields = [...ALWAYS, ...(invoiceType === 'special' ? SPECIAL : []), ...(medium === 'paper' ? PAPER : [])];
  const request = { medium, invoiceType, ...Object.fromEntries(fields.map((f) => [f, values[f]])) };
  const allowed = choice(medium, invoiceType)?.allowed === true;

  if (!open) {
    return (
      <div className="actions" style={{ justifyContent: 'flex-start', marginTop: 0 }}>
        <button type="button" className="btn" disabled={!ready} onClick={() => setOpen(true)}>
          申请发票
        </button>
      </div>
    );
  }

  const pickMedium = (next: InvoiceMedium) => {
    setMedium(next);
    // Keep the type if the rules allow it with the new medium; otherwise take the first they allow.
    if (!choice(next, invoiceType)?.allowed) {
      const fallback = INVOICE_TYPES.find((t) => choice(next, t)?.allowed);
      if (fallback) setInvoiceType(fallback);
    }
  };

  if (stage === 'summary') {
    return (
      <div className="confirm" role="region" aria-label="请核对发票信息" style={{ borderColor: 'var(--line)', background: '#fafbfc' }}>
        <h3 className="card__title">请核对发票信息</h3>
        <dl className="summary">
          <dt>发票介质</dt>
          <dd>{INVOICE_MEDIUM_LABELS[medium]}</dd>
          <dt>发票类型</dt>
          <dd>{INVOICE_TYPE_LABELS[invoiceType]}</dd>
          <dt>发票金额</dt>
          <dd>{amount}</dd>
          {fields.map((f) => (
            <SummaryRow key={f} label={LABELS[f]} value={values[f]} />
          ))}
        </dl>
        {error && (
          <div className="alert alert--error" role="alert" style={{ marginTop: 12 }}>
            {error}
          </div>
        )}
        <div className="actions">
          <button type="button" className="btn btn--plain" disabled={pending} onClick={() => setStage('form')}>
            返回修改
          </button>
          <button
            type="button"
            className="btn"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              setError(null);
              const result = await applyForInvoice(orderId, request).catch(() => ({
                ok: false as const,
                code: 'NETWORK',
                message: '网络异常或页面已过期，请刷新后重试',
                fieldErrors: undefined,
              }));
              if (result.ok) {
                // The panel is rendered on the server: refreshing shows the request and closes this form.
                router.refresh();
                return;
              }
              setError(result.message);
              if (result.fieldErrors) {
                setFieldErrors(result.fieldErrors);
                setStage('form');
              }
              setPending(false);
            }}
          >
            {pending ? '提交中…' : '确认提交'}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      aria-label="申请发票"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        const errors = invoiceRequestFieldErrors(request);
        setFieldErrors(errors ?? {});
        if (!errors && allowed) setStage('summary');
      }}
    >
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend className="muted" style={{ marginBottom: 6 }}>发票介质</legend>
        {INVOICE_MEDIA.map((m) => {
          const usable = INVOICE_TYPES.some((t) => choice(m, t)?.allowed);
          return (
            <label key={m} className="checkbox" style={{ display: 'inline-flex', marginTop: 0, marginRight: 24 }}>
              <input type="radio" name="medium" value={m} checked={medium === m} disabled={!usable} onChange={() => pickMedium(m)} />
              {INVOICE_MEDIUM_LABELS[m]}
            </label>
          );
        })}
      </fieldset>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend className="muted" style={{ marginBottom: 6 }}>发票类型</legend>
        {INVOICE_TYPES.map((t) => {
          const c = choice(medium, t);
          return (
            <span key={t} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, marginRight: 24 }}>
              <label className="checkbox" style={{ display: 'inline-flex', marginTop: 0 }}>
                <input
                  type="radio"
                  name="invoiceType"
                  value={t}
                  checked={invoiceType === t}
                  disabled={!c?.allowed}
                  aria-describedby={c?.allowed ? undefined : `invoice-type-${t}-refusal`}
                  onChange={() => setInvoiceType(t)}
                />
                {INVOICE_TYPE_LABELS[t]}
              </label>
              {c && !c.allowed && (
                <span id={`invoice-type-${t}-refusal`} className="muted" data-testid="invoice-choice-refusal">
                  （{c.refusal}）
                </span>
              )}
            </span>
          );
        })}
      </fieldset>
      {invoiceType === 'special' && <p className="muted">增值税专用发票须填写购买方的注册地址、注册电话、开户银行及银行账号。</p>}
      {medium === 'paper' && <p className="muted">纸质发票开具后将邮寄至下方地址，请填写收件信息。</p>}
      {fields.map((f) => (
        <div key={f} className="field" style={{ maxWidth: 480 }}>
          <label htmlFor={`invoice-${f}`}>{LABELS[f]}</label>
          <input
            id={`invoice-${f}`}
            className="input"
            name={f}
            value={values[f]}
            aria-invalid={fieldErrors[f] ? true : undefined}
            aria-describedby={fieldErrors[f] ? `invoice-${f}-error` : undefined}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
          {fieldErrors[f] && (
            <span id={`invoice-${f}-error`} className="field__error">
              {fieldErrors[f]}
            </span>
          )}
        </div>
      ))}
      {!allowed && (
        <div className="alert alert--error" role="alert">
          {choice(medium, invoiceType)?.refusal ?? '所选发票不可开具'}
        </div>
      )}
      <div className="actions" style={{ justifyContent: 'flex-start' }}>
        <button type="submit" className="btn" disabled={!allowed}>
          提交申请
        </button>
        <button type="button" className="btn btn--plain" onClick={() => setOpen(false)}>
          取消
        </button>
      </div>
    </form>
  );
}

function SummaryRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
