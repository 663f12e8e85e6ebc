import { headers } from 'next/headers';
import { getDb } from '@/lib/database';
import { DomainError } from '@/lib/errors/domain-error';
import { clientAddress } from '@/lib/http/client-address';
import { formatFen } from '@/lib/money/format-fen';
import { verifyPolicy, type PolicyVerification } from '@/lib/policies/verify-policy';
import { formatDateTime } from '@/lib/time/format';

export const metadata = { title: '保单验真 - 电子保函服务平台' };

type Props = { searchParams: Promise<{ number?: string; code?: string }> };

/** 保单验真: public, no sign-in; the QR code on every policy leads here with the number filled in. */
export default async function VerifyPage({ searchParams }: Props) {
  const { number = '', code = '' } = await searchParams;
  let result: PolicyVerification | null = null;
  let error: string | null = null;
  if (number && code) {
    try {
      result = await verifyPolicy(await getDb(), clientAddress(await headers()), { policyNumber: number, verificationCode: code });
    } catch (caught) {
      if (!(caught instanceof DomainError)) throw caught;
      error = caught.message;
    }
  }
  return (
    <main className="page" style={{ maxWidth: 720 }}>
      <h1>电子保函（保单）验真</h1>
      <form className="card" method="get" action="/verify">
        <p className="muted" style={{ marginTop: 0 }}>
          请输入保单上的保单号与验证码。本页面仅显示保单是否真实有效及其基本信息。
        </p>
        <label className="field">
          保单号
          <input className="input" name="number" defaultValue={number} maxLength={40} required autoComplete="off" />
        </label>
        <label className="field">
          验证码
          <input className="input" name="code" defaultValue={code} maxLength={20} required autoComplete="off" />
        </label>
        <button className="btn" type="submit">
          查询
        </button>
      </form>
      {error && (
        <div className="alert alert--error" role="alert" style={{ marginTop: 16 }}>
          {error}
        </div>
      )}
      {result && !result.found && (
        <div className="alert alert--error" role="status" data-testid="verify-result" style={{ marginTop: 16 }}>
          未查询到该保单：请核对保单号与验证码。若仍无法查询，该保单可能并非本平台出具。
        </div>
      )}
      {result && result.found && (
        <section className="card" data-testid="verify-result" style={{ marginTop: 16 }}>
          <h2 className="card__title">{result.valid ? '✔ 保单真实有效' : '保单真实，但已失效'}</h2>
          <dl className="summary">
            <dt>保单号</dt>
            <dd className="mono">{result.policyNumber}</dd>
            <dt>保单状态</dt>
            <dd>{result.statusLabel}</dd>
            <dt>保险人</dt>
            <dd>{result.insurerName}</dd>
            <dt>项目 / 标段</dt>
            <dd>
              {result.projectName} · {result.sectionName}
            </dd>
            <dt>保险金额（投标保证金）</dt>
            <dd>{formatFen(result.guaranteeAmountFen)}</dd>
            <dt>保险期间</dt>
            <dd>
              {formatDateTime(result.periodStart)} 至 {formatDateTime(result.periodEnd)}
            </dd>
            <dt>签发时间</dt>
            <dd>{formatDateTime(result.issuedAt)}</dd>
          </dl>
        </section>
      )}
    </main>
  );
}
