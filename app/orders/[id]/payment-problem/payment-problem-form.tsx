'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { PaymentTicketKind } from '@/db/database';
import { reportPaymentProblem } from '../actions';

interface Props {
  orderId: string;
  choices: { kind: PaymentTicketKind; label: string; hint: string }[];
}

export function PaymentProblemForm({ orderId, choices }: Props) {
  const router = useRouter();
  const [kind, setKind] = useState<PaymentTicketKind | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await reportPaymentProblem(orderId, Object.fromEntries(form.entries())).catch(() => ({
      ok: false as const, code: 'NETWORK', message: '网络异常，请稍后重试', fieldErrors: undefined,
    }));
    if (result.ok) {
      router.push(`/orders/${orderId}?reported=1`);
      return;
    }
    const fields = result.fieldErrors ?? {};
    // Field errors are shown beside their fields; the banner only says there is something to correct.
    setError(Object.keys(fields).length ? '请按提示修改后重新提交' : result.message);
    setFieldErrors(fields);
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
        <legend style={{ fontSize: 14, marginBottom: 8 }}>请选择遇到的问题</legend>
        {choices.map((c) => (
          <label key={c.kind} className="checkbox" style={{ alignItems: 'flex-start' }}>
            <input type="radio" name="kind" value={c.kind} checked={kind === c.kind} onChange={() => setKind(c.kind)} />
            <span>
              <strong>{c.label}</strong>
              <br />
              <span className="muted">{c.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        问题描述
        <textarea className="input" name="message" rows={3} style={{ height: 'auto', padding: 8 }} placeholder="请说明转账时间、金额及付款账户等情况" />
        {fieldErrors.message && <span className="field__error">{fieldErrors.message}</span>}
      </label>
      {kind === 'refund_request' && (
        <>
          <label className="field">
            退款账户名称
            <input className="input" name="refund_account_name" />
            {fieldErrors.refund_account_name && <span className="field__error">{fieldErrors.refund_account_name}</span>}
          </label>
          <label className="field">
            开户银行
            <input className="input" name="refund_bank" />
            {fieldErrors.refund_bank && <span className="field__error">{fieldErrors.refund_bank}</span>}
          </label>
          <label className="field">
            退款账号
            <input className="input" name="refund_account_number" inputMode="numeric" />
            {fieldErrors.refund_account_number && <span className="field__error">{fieldErrors.refund_account_number}</span>}
          </label>
        </>
      )}
      <div className="actions">
        <button className="btn" type="submit" disabled={pending || !kind}>
          {pending ? '提交中…' : '提交'}
        </button>
      </div>
    </form>
  );
}
