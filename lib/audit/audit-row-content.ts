import type { AuditEvent } from '@/db/database';
import type { AuditContent } from './audit-hash';

/** What a stored row says, in the shape its hash was taken over: the one reading of a row for hashing. */
export function auditContentOfRow(row: AuditEvent): AuditContent {
  return {
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    regionId: row.region_id,
    before: row.before,
    after: row.after,
    reason: row.reason,
  };
}
