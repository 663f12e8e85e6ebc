import { z } from 'zod';
import type { AuditEvent } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { DomainError } from '@/lib/errors/domain-error';
import { instant } from '@/lib/validation/fields';

const filterInstant = instant('筛选的时间');

/** A filter's moment with its offset, as the other instants of the API: a wall-clock time without a zone would be read in the server's zone. */
function filterMoment(value: string | boolean): Date {
  const parsed = filterInstant.safeParse(value);
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', '筛选的时间无效');
  return parsed.data;
}

/** The audit chain as a read-only back-office list; nothing in the application can write to it but appends. */
export const auditEventResource: ResourceDefinition<AuditEvent> = {
  name: 'audit-events',
  entityType: 'audit_event',
  label: '审计日志',
  idSchema: z.coerce.number({ error: '审计记录编号无效' }).int().positive(),
  defaultSort: 'id',

  list: declaredList({
    from: (db) => db.selectFrom('audit_events').selectAll(),
    id: 'id',
    // Platform-level events (no region, e.g. a baseline rule published) are readable by the whole back office.
    region: { column: 'region_id', orPlatform: true },
    filters: {
      entity_type: 'entity_type', entity_id: 'entity_id', action: 'action', region_id: 'region_id', actor_role: 'actor_role',
      // 期间: from (inclusive) and to (exclusive), as instants.
      occurred_from: { where: (query, value) => query.where('occurred_at', '>=', filterMoment(value)) },
      occurred_to: { where: (query, value) => query.where('occurred_at', '<', filterMoment(value)) },
    },
    // 操作人 (name and phone as the chain keeps them) and the reason.
    search: ['actor_label', 'reason'],
    sortable: { id: 'audit_events.id', occurred_at: 'audit_events.occurred_at' },
  }),

  findById: (db, id) => db.selectFrom('audit_events').selectAll().where('id', '=', Number(id)).executeTakeFirst(),
};
