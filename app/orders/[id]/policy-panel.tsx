import Link from 'next/link';
import { formatDateTime } from '@/lib/time/format';
import { PolicyDownloadButton } from './policy-download-button';

interface Props {
  orderId: string;
  /** False once the policy no longer counts (退保): its numbers stay, the file is no longer handed out. */
  downloadable: boolean;
  bidOpened: boolean;
  bidOpeningAt: Date;
  policy: { policyNumber: string; verificationCode: string; issuedAt: Date; periodStart: Date; periodEnd: Date; documentReady: boolean };
}

/** 投保成功: the policy's numbers and 【下载保单】 — the sealed file before bid opening, the PDF after. */
export function PolicyPanel({ orderId, downloadable, bidOpened, bidOpeningAt, policy }: Props) {
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
      {!downloadable ? (
        <p className="muted">该保单已退保失效。</p>
      ) : (
        <>
          {!policy.documentReady && (
            <p className="alert alert--info" role="status" id="policy-generating" data-testid="policy-generating">
              保单生成中：保单号和验证码已生效，可立即验真；保单文件生成后即可下载，通常只需几秒，本页会自动更新。
            </p>
          )}
          <p className="muted" data-testid="policy-download-hint">
            {bidOpened
              ? '已开标：可下载解密后的保单（PDF）。'
              : `开标前只能下载加密保单（.enc 文件），请按交易平台要求上传；开标时间（${formatDateTime(bidOpeningAt)}）后可下载解密保单。`}
          </p>
          <div className="actions" style={{ justifyContent: 'flex-start' }}>
            <PolicyDownloadButton orderId={orderId} ready={policy.documentReady} label={bidOpened ? '下载保单' : '下载保单（加密）'} />
            <Link className="btn btn--plain" href={`/verify?number=${encodeURIComponent(policy.policyNumber)}&code=${encodeURIComponent(policy.verificationCode)}`}>
              保单验真
            </Link>
          </div>
        </>
      )}
    </section>
  );
}
