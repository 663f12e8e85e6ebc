import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { filterIds, runListQuery } from '@/lib/back-office/run-list-query';

export interface RegionRecord {
  id: string;
  name: string;
  region_id: string;
}

function selectRegions(db: Parameters<ResourceDefinition['findById']>[0]) {
  return db.selectFrom('regions').select(['id', 'name', 'id as region_id']);
}

/** Regions are reference data for the back office's pickers; they are read, not edited there. */
export const regionResource: ResourceDefinition<RegionRecord> = {
  name: 'regions',
  entityType: 'region',
  label: '区域',
  idSchema: z.string({ error: '区域编号无效' }).regex(/^\d{6}$/, { error: '区域编号无效' }),
  defaultSort: 'id',

  list(db, scope, params) {
    let query = selectRegions(db);
    if (scope !== null) query = query.where('id', '=', scope);
    const ids = filterIds(params.filter);
    if (ids) query = query.where('id', 'in', ids.map(String));
    return runListQuery(query, params, { id: 'regions.id', name: 'regions.name' });
  },

  findById: (db, id) => selectRegions(db).where('id', '=', String(id)).executeTakeFirst(),
};
