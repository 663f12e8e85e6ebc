import { z } from 'zod';
import type { AuditEvent } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { filterIds, filterValue, runListQuery } from '@/lib/back-office/run-list-query';
import { inRegionOrPlatform } from '@/lib/regions/region-filters';

/** The audit chain as a read-only back-office list; nothing in the application can write to it but appends. */
export const auditEventResource: ResourceDefinition<AuditEvent> = {
  name: 'audit-events',
  entityType: 'audit_event',
  label: '审计日志',
  idSchema: z.coerce.number({ error: '审计记录编号无效' }).int().positive(),
  defaultSort: 'id',

  list(db, scope, params) {
    let query = db.selectFrom('audit_events').selectAll();
    // Platform-level events (no region, e.g. a baseline rule published) are readable by the whole back office.
    if (scope !== null) query = query.where(inRegionOrPlatform('region_id', scope));
    const ids = filterIds(params.filter);
    if (ids) query = query.where('id', 'in', ids.map(Number));
    for (const key of ['entity_type', 'entity_id', 'action', 'region_id', 'actor_role'] as const) {
      const value = filterValue(params.filter, key, 'string');
      if (value) query = query.where(key, '=', value);
    }
    return runListQuery(query, params, { id: 'audit_events.id', occurred_at: 'audit_events.occurred_at' });
  },

  findById: (db, id) => db.selectFrom('audit_events').selectAll().where('id', '=', Number(id)).executeTakeFirst(),
};
