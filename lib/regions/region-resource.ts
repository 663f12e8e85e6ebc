import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';

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

  list: declaredList({
    from: selectRegions,
    id: 'regions.id',
    region: { column: 'regions.id' },
    sortable: { id: 'regions.id', name: 'regions.name' },
  }),

  findById: (db, id) => selectRegions(db).where('id', '=', String(id)).executeTakeFirst(),
};
