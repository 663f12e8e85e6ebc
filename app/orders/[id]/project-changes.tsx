import type { OrderStatus, ProjectStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/database';
import { listProjectEventsForMyOrder, type ProjectChange } from '@/lib/projects/list-project-events-for-my-order';
import { PROJECT_STATUS_LABELS } from '@/lib/projects/project-labels';
import { formatDateTime } from '@/lib/time/format';

function describeChange(change: ProjectChange): string {
  if (change.kind === 'status') {
    const label = (value: string) => PROJECT_STATUS_LABELS[value as ProjectStatus] ?? value;
    return `项目状态从「${label(change.fromValue)}」变更为「${label(change.toValue)}」`;
  }
  return `开标时间从 ${formatDateTime(change.fromValue)} 变更为 ${formatDateTime(change.toValue)}`;
}

// What a bidder should do about an abnormal project depends on where its order stands.
const ADVICE: Partial<Record<OrderStatus, string>> = {
  pending_payment: '请暂缓支付保费，关注项目公告；如不再需要本保函，可【放弃购买保函】。',
  issued: '如符合退保条件，可在下方【申请退保】。',
};

/**
 * 项目变更: what the operators changed about the order's project (status, bid opening) and why, newest
 * first; a prominent alert while the project is not 正常, since that is when a bidder may need to act.
 */
export async function ProjectChanges({ actor, orderId, orderStatus }: { actor: Actor; orderId: string; orderStatus: OrderStatus }) {
  const { projectStatus, changes } = await listProjectEventsForMyOrder(await getDb(), actor, orderId);
  const abnormal = projectStatus !== 'normal';
  if (!abnormal && changes.length === 0) return null;
  const lastStatusChange = changes.find((c) => c.kind === 'status');
  return (
    <>
      {abnormal && (
        <div className="alert alert--error" role="alert" data-testid="project-status-alert">
          <strong>本项目当前状态为「{PROJECT_STATUS_LABELS[projectStatus]}」</strong>
          {lastStatusChange && `（${formatDateTime(lastStatusChange.occurredAt)} 变更，原因：${lastStatusChange.reason}）`}。
          {ADVICE[orderStatus] ?? ''}
        </div>
      )}
      {changes.length > 0 && (
        <section className="card" aria-label="项目变更" style={{ marginBottom: 16 }}>
          <h2 className="card__title">项目变更</h2>
          <ol className="timeline" data-testid="project-changes">
            {changes.map((change) => (
              <li key={change.id}>
                <strong>{describeChange(change)}</strong> <span className="muted">{formatDateTime(change.occurredAt)}</span>
                <div className="muted">原因：{change.reason}</div>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
