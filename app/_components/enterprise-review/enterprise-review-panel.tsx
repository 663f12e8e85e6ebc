import type { MyEnterpriseStanding } from '@/lib/enterprises/my-enterprise-standing';
import { ResubmitForm } from './resubmit-form';

/**
 * Where the enterprise's 企业认证审核 stands, on the bidder's home page: nothing once verified; while it is
 * reviewed, that it may browse but not yet apply; after a rejection, why, and the form to correct and
 * submit again.
 */
export function EnterpriseReviewPanel({ standing }: { standing: MyEnterpriseStanding }) {
  if (standing.awaitingReview) {
    return (
      <div className="alert alert--info" role="status" data-testid="enterprise-review-pending">
        <strong>企业认证审核中（{standing.statusLabel}）</strong>：您可以先浏览可申请的标段；区域管理员审核通过企业信息后，即可申请投标保函。
      </div>
    );
  }
  if (!standing.allowedActions.includes('resubmit')) return null;
  return (
    <section className="card" style={{ marginBottom: 16, borderColor: '#ffccc0' }} aria-label="企业认证未通过" data-testid="enterprise-review-rejected">
      <div className="alert alert--error" role="alert">
        <strong>企业{standing.statusLabel}</strong>：{standing.rejectionReason ?? '请核对企业信息后重新提交'}
      </div>
      <p className="muted" style={{ marginTop: 0 }}>
        请按驳回原因修改企业信息后重新提交认证；审核通过前您可以浏览标段，但暂不能申请投标保函。
      </p>
      <ResubmitForm initial={standing.details} />
    </section>
  );
}
