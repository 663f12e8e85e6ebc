import { formatFen } from '@/lib/money/format-fen';
import { formatDateTime } from '@/lib/time/format';

export interface PaymentInstructionsProps {
  receivingAccountName: string;
  receivingAccountBank: string;
  receivingAccountNumber: string;
  premiumFen: number;
  remarkCode: string;
  depositDeadline: Date;
  projectType: 'construction' | 'procurement';
  basicAccountBank: string;
  basicAccountNumber: string;
}

/** 【立即支付】: an offline bank transfer, exactly as the receiving bank must see it. */
export function PaymentInstructions(p: PaymentInstructionsProps) {
  return (
    <section className="card payment" aria-label="支付信息" id="payment">
      <h2 className="card__title">支付保费（线下银行转账）</h2>
      <dl className="summary">
        <dt>收款户名</dt>
        <dd>{p.receivingAccountName}</dd>
        <dt>收款开户行</dt>
        <dd>{p.receivingAccountBank}</dd>
        <dt>收款账号</dt>
        <dd className="mono">{p.receivingAccountNumber}</dd>
        <dt>转账金额</dt>
        <dd>
          <strong className="amount" data-testid="premium-amount" data-fen={p.premiumFen}>{formatFen(p.premiumFen)}</strong>（须与应缴保费完全一致）
        </dd>
        <dt>银行附言</dt>
        <dd>
          <strong className="remark mono" data-testid="remark-code">
            {p.remarkCode}
          </strong>
          （请填写在转账用途 / 附言中，仅填写此代码）
        </dd>
        <dt>保证金截止时间</dt>
        <dd>{formatDateTime(p.depositDeadline)}（建议至少提前 24 小时完成支付）</dd>
      </dl>
      {p.projectType === 'construction' ? (
        <div className="alert alert--info" style={{ marginTop: 16, marginBottom: 0 }}>
          建设工程类项目：保费必须从投保企业的<strong>基本户</strong>（{p.basicAccountBank} {p.basicAccountNumber}
          ）转账支付，并在转账用途中填写银行附言。非基本户支付的，系统将取消订单，保费于 3–5 个工作日内原路退回。
        </div>
      ) : (
        <div className="alert alert--info" style={{ marginTop: 16, marginBottom: 0 }}>
          政府采购类项目：可通过个人网银或企业网银转账支付，并在转账用途中填写银行附言。
        </div>
      )}
    </section>
  );
}
