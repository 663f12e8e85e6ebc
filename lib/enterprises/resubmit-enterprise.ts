import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { lockForAction, transition } from '@/lib/lifecycle/transition';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { detailColumns, enterpriseDetailsSchema } from './enterprise-details';
import { enterpriseLifecycle } from './enterprise-lifecycle';

/**
 * 重新提交认证: after 认证未通过 a bidder of the enterprise corrects its details and asks the region's
 * operators to review it again. The previous review (who, when, the reason) is cleared from the enterprise,
 * which is 待认证审核 again, and stays in the audit chain with the details as they were.
 */
export async function resubmitEnterprise(db: Kysely<Database>, actor: Actor, input: unknown): Promise<void> {
  if (actor.role !== 'bidder' || !actor.enterpriseId) throw new DomainError('FORBIDDEN', '只有投保企业的用户可以重新提交企业认证');
  const enterpriseId = actor.enterpriseId;
  const details = parseInput(enterpriseDetailsSchema, input);
  await writeTransaction(db, async (trx) => {
    const before = await lockForAction(trx, 'enterprises', enterpriseLifecycle, enterpriseId, 'resubmit');
    if (details.uscc !== before.uscc) {
      const taken = await trx.selectFrom('enterprises').select('id').where('uscc', '=', details.uscc).where('id', '<>', enterpriseId).executeTakeFirst();
      if (taken) {
        throw new DomainError('CONFLICT', '该统一社会信用代码已有企业在平台注册，请核对后重新填写', { uscc: '该统一社会信用代码已有企业注册' });
      }
    }
    const { from_status: _from, ...after } = await transition(trx, 'enterprises', enterpriseLifecycle, {
      id: enterpriseId,
      action: 'resubmit',
      set: { ...detailColumns(details), review_reason: null, reviewed_by: null, reviewed_at: null },
    });
    await appendAuditEvent(trx, actor, {
      action: 'enterprise.resubmit',
      entityType: 'enterprise',
      entityId: enterpriseId,
      regionId: before.region_id,
      before,
      after,
      reason: before.review_reason ? `修改企业信息后重新提交认证（驳回原因：${before.review_reason}）` : '修改企业信息后重新提交认证',
    });
  });
}
