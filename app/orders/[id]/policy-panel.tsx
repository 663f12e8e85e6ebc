import Link from 'next/link';
import type { OrderStatus } from '@/db/database';
import { formatDateTime } from '@/lib/time/format';

interface Props {
  orderId: string;
  status: OrderStatus;
  bidOpened: boolean;
  bidOpeningAt: Date;
  policy: { policyNumber: string; verificationCode: string; issuedAt: Date; periodStart: Date; periodEnd: Date };
}

/** 投保成功: the policy's numbers and 【下载保单】 — the sealed file before bid opening, the PDF after. */
export function PolicyPanel({ orderId, status, bidOpened, bidOpeningAt, policy }: Props) {
  const surrendered = status === 'surrendered';
  return (
    <section className="card" aria-label="保单" style={{ marginBottom: 16 }}>
      <h2 className="card__title">保单</h2>
      <dl className="summary">
        <dt>保单号</dt>
        <dd className="mono" data-testid="policy-number">{policy.policyNumber}</dd>
        <dt>验证码</dt>
        <dd className="mono" data-testid="policy-code">{policy.verificationCode}</dd>
        <dt>签发时间</dt>
        <dd>{formatDateTime(policy.issuedAt)}</dd>
        <dt>保险期间</dt>
        <dd>
          {formatDateTime(policy.periodStart)} 至 {formatDateTime(policy.periodEnd)}
        </dd>
      </dl>
      {surrendered ? (
        <p className="muted">该保单已退保失效。</p>
      ) : (
        <>
          <p className="muted" data-testid="policy-download-hint">
            {bidOpened
              ? '已开标：可下载解密后的保单（PDF）。'
              : `开标前只能下载加密保单（.enc 文件），请按交易平台要求上传；开标时间（${formatDateTime(bidOpeningAt)}）后可下载解密保单。`}
          </p>
          <div className="actions" style={{ justifyContent: 'flex-start' }}>
            <a className="btn" href={`/orders/${orderId}/policy`} download>
              {bidOpened ? '下载保单' : '下载保单（加密）'}
            </a>
            <Link className="btn btn--plain" href={`/verify?number=${encodeURIComponent(policy.policyNumber)}&code=${encodeURIComponent(policy.verificationCode)}`}>
              保单验真
            </Link>
          </div>
        </>
      )}
    </section>
  );
}
