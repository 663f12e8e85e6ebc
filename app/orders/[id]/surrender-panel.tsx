import { formatFen } from '@/lib/money/format-fen';
import type { MySurrender, MySurrenders } from '@/lib/surrenders/list-my-surrenders';
import { describeClause, SURRENDER_REASON_LABELS, SURRENDER_STATUS_LABELS } from '@/lib/surrenders/surrender-labels';
import { awaitsRefundAccount, isDecided } from '@/lib/surrenders/surrender-lifecycle';
import { formatDateTime } from '@/lib/time/format';
import { RefundAccountForm } from './refund-account-form';

const PROVISIONAL_DUE_DATE = '（暂按常规工作日估算，该年度节假日安排公布后可能调整）';
import { SurrenderApplyButton } from './surrender-apply-button';

interface Step {
  key: string;
  title: string;
  at: Date | null;
  detail?: string;
  done: boolean;
}

/** The surrender's progress as the procedure names it: 已提交, 待完善退保账户, 已审核, 已退款. */
function progressOf(s: MySurrender): Step[] {
  const steps: Step[] = [
    {
      key: 'submitted',
      title: '已提交退保申请',
      at: s.createdAt,
      detail: `退保原因：${SURRENDER_REASON_LABELS[s.bidderReason]}；依据${describeClause(s.clause)}${s.note ? `；补充说明：${s.note}` : ''}`,
      done: true,
    },
  ];
  if (s.refundAccountRequired) {
    steps.push(
      s.accountNumber
        ? { key: 'account', title: '已完善退保账户信息', at: s.submittedAt, detail: `退款账户：${s.accountName}，${s.accountBank}，${s.accountNumber}`, done: true }
        : { key: 'account', title: '待完善退保账户信息', at: null, detail: '保费经网银支付，退款须退至您指定的账户，请在下方填写', done: false },
    );
  }
  if (isDecided(s.status)) {
    const approved = s.status === 'approved';
    steps.push({
      key: 'review',
      title: approved ? '已审核：通过' : '已审核：驳回',
      at: s.reviewedAt,
      detail: s.reviewReason ? `${approved ? '审核意见' : '驳回原因'}：${s.reviewReason}` : undefined,
      done: true,
    });
  } else {
    steps.push({ key: 'review', title: '待审核', at: null, detail: awaitsRefundAccount(s.status) ? '完善退保账户信息后进入审核' : '平台正在审核您的退保申请', done: false });
  }
  if (s.status !== 'rejected') {
    steps.push(
      s.refundStatus === 'refunded'
        ? { key: 'refund', title: '已退款', at: s.refundedAt, detail: s.refundAmountFen === null ? undefined : `退还保费 ${formatFen(s.refundAmountFen)}`, done: true }
        : {
            key: 'refund',
            title: '待退款',
            at: null,
            detail: s.refundStatus === 'pending' ? `退还保费 ${formatFen(s.refundAmountFen ?? 0)}，预计 ${s.refundDueDate} 前到账${s.refundDueDateProvisional ? PROVISIONAL_DUE_DATE : ''}` : '审核通过后退还保费',
            done: false,
          },
    );
  }
  return steps;
}

interface Props {
  orderId: string;
  /** loadMySurrenders: the order page reads it once, for this panel and for its 【退保详情】 button. */
  surrenders: MySurrenders;
}

/**
 * 【申请退保】 on an insured order and 【退保详情】 once the bidder has applied: the latest surrender's progress
 * with times, 【完善退保账户信息】 while the refund account is missing, and earlier rejected applications.
 * Which of these it offers is the read model's allowedActions, never a status rule of its own.
 */
export function SurrenderPanel({ orderId, surrenders: { surrenders, allowedActions, preview } }: Props) {
  const canApply = allowedActions.includes('applySurrender');
  if (surrenders.length === 0 && !canApply) return null;
  const [latest, ...earlier] = surrenders;
  const title = latest ? '退保详情' : '申请退保';
  return (
    <section className="card" aria-label={title} id="surrender" style={{ marginBottom: 16 }}>
      <h2 className="card__title">{title}</h2>
      {latest && (
        <>
          <p>
            退保申请状态：
            <span className={`status status--surrender-${latest.status}`} data-testid="surrender-status">
              {SURRENDER_STATUS_LABELS[latest.status]}
            </span>
          </p>
          <ol className="timeline" aria-label="退保进度">
            {progressOf(latest).map((step) => (
              <li key={step.key} className={step.done ? undefined : 'timeline__pending'}>
                <strong>{step.title}</strong> {step.at && <span className="muted">{formatDateTime(step.at)}</span>}
                {step.detail && <div className="muted">{step.detail}</div>}
              </li>
            ))}
          </ol>
          {latest.allowedActions.includes('completeRefundAccount') && <RefundAccountForm orderId={orderId} />}
        </>
      )}
      {earlier.length > 0 && (
        <div className="muted">
          此前的退保申请：
          {earlier.map((s) => (
            <div key={s.id}>
              {formatDateTime(s.createdAt)} 提交，{SURRENDER_STATUS_LABELS[s.status]}
              {s.reviewReason ? `（${s.reviewReason}）` : ''}
            </div>
          ))}
        </div>
      )}
      {canApply && (
        <>
          {!latest && <p className="muted">开标前放弃投标，或项目发生中止、暂停、流标、终止等异常时，可申请退保，退还已缴保费。</p>}
          <SurrenderApplyButton orderId={orderId} preview={preview} />
        </>
      )}
    </section>
  );
}
