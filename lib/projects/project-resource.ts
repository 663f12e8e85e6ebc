import { z } from 'zod';
import type { Project } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { changeReason, instant, requiredText, uuid } from '@/lib/validation/fields';
import { assertProjectNotPushed } from './assert-not-pushed';
import { recordProjectEvents } from './record-project-events';

const fields = {
  code: requiredText('项目编号', 50),
  name: requiredText('项目名称', 200),
  type: z.enum(['construction', 'procurement'], { error: '项目类型只能是建设工程或政府采购' }),
  tenderer: requiredText('招标人', 200),
  status: z.enum(['normal', 'suspended', 'paused', 'failed', 'terminated'], { error: '项目状态无效' }),
  deposit_deadline: instant('保证金截止时间'),
  bid_opening_at: instant('开标时间'),
};

const deadlineBeforeOpening = {
  check: (p: { deposit_deadline?: Date; bid_opening_at?: Date }) =>
    !p.deposit_deadline || !p.bid_opening_at || p.deposit_deadline <= p.bid_opening_at,
  error: { error: '保证金截止时间不能晚于开标时间', path: ['deposit_deadline'] },
};

const createSchema = z
  .object({ region_id: requiredText('区域', 20), ...fields, status: fields.status.default('normal') })
  .refine(deadlineBeforeOpening.check, deadlineBeforeOpening.error);
const updateSchema = z
  .object({ ...fields, reason: changeReason })
  .partial()
  .refine(deadlineBeforeOpening.check, deadlineBeforeOpening.error);

const sortable = {
  id: 'projects.id',
  code: 'projects.code',
  name: 'projects.name',
  region_id: 'projects.region_id',
  type: 'projects.type',
  status: 'projects.status',
  deposit_deadline: 'projects.deposit_deadline',
  bid_opening_at: 'projects.bid_opening_at',
  created_at: 'projects.created_at',
  updated_at: 'projects.updated_at',
};

export const projectResource: ResourceDefinition<Project, z.output<typeof createSchema>, z.output<typeof updateSchema>> = {
  name: 'projects',
  entityType: 'project',
  label: '项目',
  idSchema: uuid('项目编号'),
  defaultSort: 'deposit_deadline',

  list: declaredList({
    from: (db) => db.selectFrom('projects').selectAll(),
    id: 'id',
    region: { column: 'region_id' },
    filters: { region_id: 'region_id', type: 'type', status: 'status' },
    search: ['name', 'code', 'tenderer'],
    sortable,
  }),

  findById: (db, id) => db.selectFrom('projects').selectAll().where('id', '=', String(id)).executeTakeFirst(),

  create: {
    schema: createSchema,
    regionOf: async (trx, input) =>
      (await trx.selectFrom('regions').select('id').where('id', '=', input.region_id).executeTakeFirst())?.id,
    insert: (trx, input) =>
      trx.insertInto('projects').values({ ...input, updated_at: now() }).returningAll().executeTakeFirstOrThrow(),
  },

  update: {
    schema: updateSchema,
    // Bidders' surrenders and refunds hang on the status and the opening time: changing either must say why.
    reasonRequiredFor(existing, input) {
      if (input.status && input.status !== existing.status) return '变更项目状态';
      if (input.bid_opening_at && input.bid_opening_at.getTime() !== existing.bid_opening_at.getTime()) return '变更开标时间';
      return null;
    },
    async apply(trx, existing, { reason, ...changes }, actor) {
      await assertProjectNotPushed(trx, existing.id);
      const merged = { ...existing, ...changes };
      if (merged.deposit_deadline > merged.bid_opening_at) {
        throw new DomainError('VALIDATION_FAILED', '保证金截止时间不能晚于开标时间', {
          deposit_deadline: '保证金截止时间不能晚于开标时间',
        });
      }
      const row = await trx
        .updateTable('projects')
        .set({ ...changes, updated_at: now() })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      // reasonRequiredFor has made sure a status or opening change carries its reason.
      await recordProjectEvents(trx, actor, existing, row, reason ?? '');
      return row;
    },
  },
};
