import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { withdrawScheduledInSeries, type DocumentSeries } from './document-series';

export const withdrawInputSchema = z.object({
  reason: z.string({ error: '请填写撤回原因' }).trim().min(2, { error: '请填写撤回原因（至少 2 个字）' }).max(500, { error: '撤回原因不能超过 500 个字符' }),
});

const ENTITY = { rule_set_versions: 'rule_version', form_versions: 'form_version' } as const;

/**
 * 撤回定时发布, in the caller's transaction holding the series lock: a scheduled version goes back to draft
 * before its 生效时间 (once the time has come it is in force and refused), audited with the reason.
 */
export async function withdrawScheduledVersion(
  trx: Transaction<Database>,
  actor: Actor,
  series: DocumentSeries,
  version: { id: string; version: number; region_id: string | null; effective_from: Date | null },
  reason: string,
): Promise<void> {
  await withdrawScheduledInSeries(trx, series, version);
  await appendAuditEvent(trx, actor, {
    action: `${ENTITY[series.table]}.withdraw`,
    entityType: ENTITY[series.table],
    entityId: version.id,
    regionId: version.region_id,
    before: { id: version.id, version: version.version, status: 'scheduled', effective_from: version.effective_from },
    after: { id: version.id, version: version.version, status: 'draft' },
    reason,
  });
}
