import { z } from 'zod';
import type { Section } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { assertProjectNotPushed } from '@/lib/projects/assert-not-pushed';
import { changeReason, fen, requiredText, uuid } from '@/lib/validation/fields';

export type SectionRecord = Section & { region_id: string };

const fields = {
  code: requiredText('标段编号', 50),
  name: requiredText('标段名称', 200),
  deposit_fen: fen('保证金金额', { min: 1 }),
};
const createSchema = z.object({ project_id: uuid('所属项目'), ...fields });
const updateSchema = z.object({ ...fields, reason: changeReason }).partial();

const sortable = {
  id: 'sections.id',
  code: 'sections.code',
  name: 'sections.name',
  deposit_fen: 'sections.deposit_fen',
  created_at: 'sections.created_at',
};

function selectSections(db: Parameters<ResourceDefinition['findById']>[0]) {
  return db
    .selectFrom('sections')
    .innerJoin('projects', 'projects.id', 'sections.project_id')
    .selectAll('sections')
    .select('projects.region_id');
}

export const sectionResource: ResourceDefinition<SectionRecord, z.output<typeof createSchema>, z.output<typeof updateSchema>> = {
  name: 'sections',
  entityType: 'section',
  label: '标段',
  idSchema: uuid('标段编号'),
  defaultSort: 'code',

  list: declaredList({
    from: selectSections,
    id: 'sections.id',
    region: { column: 'projects.region_id' },
    filters: { project_id: { column: 'sections.project_id', type: 'uuid' } },
    sortable,
  }),

  findById: (db, id) => selectSections(db).where('sections.id', '=', String(id)).executeTakeFirst(),

  create: {
    schema: createSchema,
    regionOf: async (trx, input) =>
      (await trx.selectFrom('projects').select('region_id').where('id', '=', input.project_id).executeTakeFirst())
        ?.region_id,
    async insert(trx, input) {
      await assertProjectNotPushed(trx, input.project_id);
      const row = await trx.insertInto('sections').values(input).returning('id').executeTakeFirstOrThrow();
      return selectSections(trx).where('sections.id', '=', row.id).executeTakeFirstOrThrow();
    },
  },

  update: {
    schema: updateSchema,
    async apply(trx, existing, { reason: _reason, ...changes }) {
      await assertProjectNotPushed(trx, existing.project_id);
      await trx.updateTable('sections').set(changes).where('id', '=', existing.id).execute();
      return selectSections(trx).where('sections.id', '=', existing.id).executeTakeFirstOrThrow();
    },
  },

  // A section can go while nothing refers to it; once orders exist the foreign key refuses.
  async remove(trx, existing) {
    await assertProjectNotPushed(trx, existing.project_id);
    await trx.deleteFrom('sections').where('id', '=', existing.id).execute();
  },
};
