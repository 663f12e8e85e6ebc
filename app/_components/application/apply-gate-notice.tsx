import Link from 'next/link';
import type { MyEnterpriseStanding } from '@/lib/enterprises/my-enterprise-standing';
import { ENTERPRISE_NOT_VERIFIED_MESSAGE } from '@/lib/enterprises/assert-enterprise-may-apply';

/**
 * In place of the application steps for an enterprise that has not passed 企业认证审核: the same words the
 * server answers an application with, and where to go next.
 */
export function ApplyGateNotice({ standing }: { standing: MyEnterpriseStanding }) {
  return (
    <div className="card" data-testid="apply-gate">
      <div className="alert alert--info" role="status">
        {ENTERPRISE_NOT_VERIFIED_MESSAGE}（当前状态：{standing.statusLabel}）。
      </div>
      <p className="muted">
        {standing.awaitingReview
          ? '区域管理员正在审核您的企业信息，审核通过后即可申请投标保函；在此期间您可以继续浏览标段。'
          : '请返回首页查看驳回原因，修改企业信息后重新提交认证。'}
      </p>
      <div className="actions">
        <Link className="btn btn--plain" href="/">
          返回首页
        </Link>
      </div>
    </div>
  );
}
