'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useController, useForm, type FieldPath } from 'react-hook-form';
import type { InvoiceMedium, InvoiceType } from '@/db/database';
import type { InvoiceChoice, InvoiceDefaults } from '@/lib/invoices/get-order-invoicing';
import { INVOICE_MEDIA, INVOICE_MEDIUM_LABELS, INVOICE_TYPE_LABELS, INVOICE_TYPES } from '@/lib/invoices/invoice-labels';
import { applyForInvoice } from './actions';
import {
  INVOICE_FIELD_LABELS as LABELS, invoiceFieldsOf, invoiceRequestOf, invoiceRequestResolver, type InvoiceRequestValues,
} from './invoice-request-values';

interface Props {
  orderId: string;
  amount: string;
  choices: InvoiceChoice[];
  defaults: InvoiceDefaults;
}

/**
 * 【申请发票】: medium and type as the region's rules allow them today (a choice they refuse is disabled,
 * with their reason), the fields that kind of invoice needs, a summary to check, then the request.
 * The form (react-hook-form) checks with the server's schema; the server validates again with it and asks
 * the rules again before accepting.
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
  const { control, register, handleSubmit, getValues, setError: setFieldError, clearErrors, formState } = useForm<InvoiceRequestValues>({
    defaultValues: {
      medium: firstAllowed?.medium ?? 'electronic',
      invoiceType: firstAllowed?.invoiceType ?? 'ordinary',
      title: defaults.title,
      taxNumber: defaults.taxNumber,
      companyAddress: '',
      companyPhone: '',
      companyBank: defaults.companyBank,
      companyAccount: defaults.companyAccount,
      recipientName: defaults.recipientName,
      recipientPhone: defaults.recipientPhone,
      deliveryAddress: '',
    },
    resolver: invoiceRequestResolver,
    // Checked when the bidder submits, not while typing; what a field is told stays until the next try.
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const { field: mediumField } = useController({ control, name: 'medium' });
  const { field: typeField } = useController({ control, name: 'invoiceType' });
  const medium = mediumField.value;
  const invoiceType = typeField.value;
  const fieldErrors = formState.errors;
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const fields = invoiceFieldsOf(medium, invoiceType);
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
    mediumField.onChange(next);
    // Keep the type if the rules allow it with the new medium; otherwise take the first they allow.
    if (!choice(next, invoiceType)?.allowed) {
      const fallback = INVOICE_TYPES.find((t) => choice(next, t)?.allowed);
      if (fallback) typeField.onChange(fallback);
    }
  };

  if (stage === 'summary') {
    const values = getValues();
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
              const result = await applyForInvoice(orderId, invoiceRequestOf(values)).catch(() => ({
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
                clearErrors();
                for (const [field, message] of Object.entries(result.fieldErrors)) {
                  setFieldError(field === '_' ? 'root' : (field as FieldPath<InvoiceRequestValues>), { type: 'server', message });
                }
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
        setError(null);
        void handleSubmit(() => {
          if (allowed) setStage('summary');
        })(event);
      }}
    >
      {(error ?? fieldErrors.root?.message) && (
        <div className="alert alert--error" role="alert">
          {error ?? fieldErrors.root?.message}
        </div>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend className="muted" style={{ marginBottom: 6 }}>发票介质</legend>
        {INVOICE_MEDIA.map((m) => {
          const usable = INVOICE_TYPES.some((t) => choice(m, t)?.allowed);
          return (
            <label key={m} className="checkbox" style={{ display: 'inline-flex', marginTop: 0, marginRight: 24 }}>
              <input
                type="radio"
                name={mediumField.name}
                value={m}
                checked={medium === m}
                disabled={!usable}
                onChange={() => pickMedium(m)}
                onBlur={mediumField.onBlur}
              />
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
                  name={typeField.name}
                  value={t}
                  checked={invoiceType === t}
                  disabled={!c?.allowed}
                  aria-describedby={c?.allowed ? undefined : `invoice-type-${t}-refusal`}
                  onChange={() => typeField.onChange(t)}
                  onBlur={typeField.onBlur}
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
      {fields.map((f) => {
        const message = fieldErrors[f]?.message;
        return (
          <div key={f} className="field" style={{ maxWidth: 480 }}>
            <label htmlFor={`invoice-${f}`}>{LABELS[f]}</label>
            <input
              id={`invoice-${f}`}
              className="input"
              {...register(f)}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? `invoice-${f}-error` : undefined}
            />
            {message && (
              <span id={`invoice-${f}-error`} className="field__error">
                {message}
              </span>
            )}
          </div>
        );
      })}
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
