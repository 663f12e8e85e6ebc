import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';

/** The scope a version's approval setting belongs to: the platform's baseline or its region. */
export const approvalScopeOf = (regionId: string | null): string => regionId ?? 'baseline';

/** Whether the scope's rule and form changes need a second person's approval; a scope with no setting does. */
export async function isApprovalRequired(db: Kysely<Database> | Transaction<Database>, regionId: string | null): Promise<boolean> {
  const row = await db
    .selectFrom('version_approval_settings')
    .select('approval_required')
    .where('scope', '=', approvalScopeOf(regionId))
    .executeTakeFirst();
  return row?.approval_required ?? true;
}

/** A direct publish (or a rollback, which publishes) is refused where the scope requires approval. */
export async function assertMayPublishDirectly(trx: Transaction<Database>, regionId: string | null): Promise<void> {
  if (await isApprovalRequired(trx, regionId)) {
    throw new DomainError(
      'APPROVAL_REQUIRED',
      `${regionId === null ? '平台基线' : '本区域'}的规则和表单变更须经他人审核（四眼原则）：请先「提交审核」，由另一位有权限的人员审核通过后发布`,
    );
  }
}
