import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import type { Actor } from '@/lib/auth/actor';
import { requirePlatformAdmin } from '@/lib/auth/require-platform-admin';
import { DomainError } from '@/lib/errors/domain-error';
import { regionCode, regionCreateSchema, regionUpdateSchema, type RegionCreate, type RegionUpdate } from './region-input';
import { assertNameFree, assertUsableParent } from './region-tree-checks';
import { setRegionActive } from './set-region-active';

export interface RegionRecord {
  /** The administrative division code (6 digits). */
  id: string;
  name: string;
  parent_id: string | null;
  parent_name: string | null;
  active: boolean;
  /** A region is its own region: an operator reads its own one. */
  region_id: string;
}

export type RegionAction = 'deactivate' | 'reactivate';

function selectRegions(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('regions')
    .leftJoin('regions as parent', 'parent.id', 'regions.parent_id')
    .select(['regions.id', 'regions.name', 'regions.parent_id', 'parent.name as parent_name', 'regions.active', 'regions.id as region_id']);
}

const findRegion = (db: Kysely<Database> | Transaction<Database>, id: string) =>
  selectRegions(db).where('regions.id', '=', id).executeTakeFirst();

/** Only a platform administrator changes regions; it may take a region out of use or back into it. */
export function allowedRegionActions(record: Pick<RegionRecord, 'active'>, actor: Actor): RegionAction[] {
  if (actor.role !== 'platform_admin') return [];
  return [record.active ? 'deactivate' : 'reactivate'];
}

/**
 * 区域: the administrative regions (自治区 → 地级市 → 区县) that operators, enterprises, projects and rules
 * belong to. The whole back office reads them (an operator its own region) for its pickers; a platform
 * administrator creates them, renames them, moves them in the tree and takes them out of use.
 *
 * There is no deletion: a region's code is named by everything made in it, the audit chain first of all
 * (its own creation is a link there), so a mistaken or retired region is deactivated instead.
 */
export const regionResource: ResourceDefinition<RegionRecord, RegionCreate, RegionUpdate> = {
  name: 'regions',
  entityType: 'region',
  label: '区域',
  idSchema: regionCode('区划代码'),
  defaultSort: 'id',

  list: declaredList({
    from: selectRegions,
    id: 'regions.id',
    region: { column: 'regions.id' },
    filters: { active: { column: 'regions.active', type: 'boolean' }, parent_id: { column: 'regions.parent_id' } },
    search: ['regions.id', 'regions.name'],
    sortable: { id: 'regions.id', name: 'regions.name', parent_id: 'regions.parent_id', active: 'regions.active' },
  }),

  findById: (db, id) => findRegion(db, String(id)),

  authorizeWrite: (actor) => requirePlatformAdmin(actor, '管理区域'),

  create: {
    schema: regionCreateSchema,
    regionOf: async (_trx, input) => input.id,
    async insert(trx, input) {
      const taken = await trx.selectFrom('regions').select('name').where('id', '=', input.id).executeTakeFirst();
      if (taken) {
        const message = `区划代码 ${input.id} 已存在（${taken.name}）`;
        throw new DomainError('CONFLICT', message, { id: message });
      }
      await assertNameFree(trx, input.name);
      if (input.parent_id) await assertUsableParent(trx, input.parent_id);
      await trx.insertInto('regions').values({ id: input.id, name: input.name, parent_id: input.parent_id }).execute();
      return (await findRegion(trx, input.id))!;
    },
  },

  update: {
    schema: regionUpdateSchema,
    async apply(trx, existing, { name, parent_id }) {
      if (name !== undefined) await assertNameFree(trx, name, existing.id);
      // Keeping the parent it has is no move, even under a parent that has since been retired.
      if (parent_id && parent_id !== existing.parent_id) await assertUsableParent(trx, parent_id, existing.id);
      await trx.updateTable('regions').set({ name, parent_id }).where('id', '=', existing.id).execute();
      return (await findRegion(trx, existing.id))!;
    },
  },

  allowedActions: allowedRegionActions,

  commands: {
    deactivate: { run: (db, actor, id, { body }) => setRegionActive(db, actor, id, false, body) },
    reactivate: { run: (db, actor, id, { body }) => setRegionActive(db, actor, id, true, body) },
  },
};
