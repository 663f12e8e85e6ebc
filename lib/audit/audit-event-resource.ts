import { z } from 'zod';
import type { AuditEvent } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';

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
    filters: { entity_type: 'entity_type', entity_id: 'entity_id', action: 'action', region_id: 'region_id', actor_role: 'actor_role' },
    sortable: { id: 'audit_events.id', occurred_at: 'audit_events.occurred_at' },
  }),

  findById: (db, id) => db.selectFrom('audit_events').selectAll().where('id', '=', Number(id)).executeTakeFirst(),
};
