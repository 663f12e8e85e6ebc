'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { approveJoin, rejectJoin } from './actions';

interface Props {
  requestId: string;
  displayName: string;
  phone: string;
}

const NETWORK = { ok: false as const, code: 'NETWORK', message: '网络异常或页面已过期，请刷新后重试', fieldErrors: undefined };

/** 同意加入 / 拒绝 for one request: each asks to be confirmed (拒绝 with its reason) before it is sent. */
export function JoinRequestActions({ requestId, displayName, phone }: Props) {
  const router = useRouter();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const [stage, setStage] = useState<'idle' | 'approve' | 'reject'>('idle');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function decide(call: () => ReturnType<typeof approveJoin>) {
    setPending(true);
    setError(null);
    const result = await call().catch(() => NETWORK);
    setPending(false);
    if (!result.ok) return setError(result.fieldErrors?.reason ?? result.message);
    setStage('idle');
    router.refresh();
  }

  if (stage === 'idle') {
    return (
      <span style={{ display: 'inline-flex', gap: 8 }}>
        <button type="button" className="btn" disabled={!ready} onClick={() => setStage('approve')}>
          同意加入
        </button>
        <button type="button" className="btn btn--plain" disabled={!ready} onClick={() => setStage('reject')}>
          拒绝
        </button>
      </span>
    );
  }
  const who = `${displayName}（${phone}）`;
  return (
    <div className="confirm" role="dialog" aria-label={stage === 'approve' ? '确认同意加入' : '拒绝加入申请'}>
      {stage === 'approve' ? (
        <p>{`确认同意${who}加入本企业？同意后，其可使用该手机号登录，并以本企业名义浏览标段、申请保函。`}</p>
      ) : (
        <label className="field" style={{ marginBottom: 8 }}>
          {`拒绝${who}的原因`}
          <textarea className="input" style={{ height: 64, padding: 8 }} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      {error && (
        <div className="alert alert--error" role="alert" style={{ margin: '8px 0 0' }}>
          {error}
        </div>
      )}
      <div className="actions" style={{ marginTop: 12, justifyContent: 'flex-start' }}>
        {stage === 'approve' ? (
          <button type="button" className="btn" disabled={pending} onClick={() => decide(() => approveJoin(requestId))}>
            {pending ? '处理中…' : '确认同意'}
          </button>
        ) : (
          <button type="button" className="btn btn--danger-solid" disabled={pending} onClick={() => decide(() => rejectJoin(requestId, { reason }))}>
            {pending ? '处理中…' : '确认拒绝'}
          </button>
        )}
        <button type="button" className="btn btn--plain" disabled={pending} onClick={() => { setStage('idle'); setError(null); }}>
          取消
        </button>
      </div>
    </div>
  );
}
