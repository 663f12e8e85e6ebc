'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { SurrenderBidderReason } from '@/db/database';
import type { SurrenderPreview } from '@/lib/surrenders/preview-surrender';
import { requestSurrender } from './actions';

const REASONS = [
  { value: 'abandon_bid', label: '放弃投标', hint: '开标前，本企业决定不再参加本项目投标' },
  { value: 'project_anomaly', label: '项目异常', hint: '项目发生中止、暂停、流标或终止' },
] as const;

type Reason = (typeof REASONS)[number]['value'];

/**
 * 【申请退保】: the bidder picks why and confirms. Whether it may surrender is the rules' answer on the
 * server: shown for the chosen reason before confirming (the preview, asked without logging), and a refusal
 * at confirmation as the server words it, naming the rule.
 */
export function SurrenderApplyButton({ orderId, preview }: { orderId: string; preview: Record<SurrenderBidderReason, SurrenderPreview> | null }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<Reason | null>(null);
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <div className="actions" style={{ marginTop: 8 }}>
        <button type="button" className="btn" onClick={() => setAsking(true)}>
          申请退保
        </button>
      </div>
    );
  }
  const submit = async () => {
    if (!reason) return;
    setPending(true);
    setError(null);
    const result = await requestSurrender(orderId, { reason, note }).catch(() => ({ ok: false as const, message: '网络异常，请稍后重试' }));
    if (result.ok) {
      setAsking(false);
      setPending(false);
      router.refresh();
      return;
    }
    setError(result.message);
    setPending(false);
  };
  return (
    <div className="confirm" role="alertdialog" aria-label="确认申请退保">
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, padding: 0 }}>退保原因</legend>
        {REASONS.map((r) => (
          <label key={r.value} className="checkbox" style={{ marginTop: 8 }}>
            <input type="radio" name="surrender-reason" value={r.value} checked={reason === r.value} onChange={() => setReason(r.value)} disabled={pending} />
            <span>
              {r.label}
              <span className="muted">（{r.hint}）</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="field" style={{ marginTop: 12 }}>
        <span>补充说明（选填）</span>
        <textarea className="input" rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} disabled={pending} style={{ height: 'auto', padding: 8 }} />
      </label>
      {reason && preview && (
        <p className={preview[reason].eligible ? 'muted' : 'field__error'} data-testid="surrender-preview" style={{ fontSize: 14 }}>
          {preview[reason].explanation}
        </p>
      )}
      <p>提交后订单将进入「退保审核中」；审核通过后保单失效，保费退还。是否可以退保由平台退保规则判定。</p>
      {error && (
        <p className="field__error" role="alert" style={{ fontSize: 14, marginTop: 8 }}>
          {error}
        </p>
      )}
      <div className="actions" style={{ marginTop: 8 }}>
        <button type="button" className="btn btn--plain" onClick={() => setAsking(false)} disabled={pending}>
          取消
        </button>
        <button type="button" className="btn" disabled={pending || !reason || (preview !== null && !preview[reason].eligible)} onClick={submit}>
          {pending ? '提交中…' : '确认申请退保'}
        </button>
      </div>
    </div>
  );
}
