import { z } from 'zod';
import type { Insurer } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { now } from '@/lib/time/clock';
import { bankAccountNumber, changeReason, contactPhone, requiredText, uuid } from '@/lib/validation/fields';

const fields = {
  name: requiredText('保险公司名称', 100),
  receiving_account_name: requiredText('收款账户名', 100),
  receiving_account_bank: requiredText('收款开户行', 100),
  receiving_account_number: bankAccountNumber('收款账号'),
  contact_phone: contactPhone('联系电话'),
  active: z.boolean({ error: '启用状态无效' }),
};

const createSchema = z.object({
  region_id: requiredText('区域', 20),
  ...fields,
  active: fields.active.default(true),
});
const updateSchema = z.object({ ...fields, reason: changeReason }).partial();

const sortable = {
  id: 'insurers.id',
  name: 'insurers.name',
  region_id: 'insurers.region_id',
  active: 'insurers.active',
  created_at: 'insurers.created_at',
  updated_at: 'insurers.updated_at',
};

export const insurerResource: ResourceDefinition<Insurer, z.output<typeof createSchema>, z.output<typeof updateSchema>> = {
  name: 'insurers',
  entityType: 'insurer',
  label: '保险公司',
  idSchema: uuid('保险公司编号'),
  defaultSort: 'name',

  list: declaredList({
    from: (db) => db.selectFrom('insurers').selectAll(),
    id: 'id',
    region: { column: 'region_id' },
    filters: { region_id: 'region_id', active: { type: 'boolean' } },
    search: ['name'],
    sortable,
  }),

  findById: (db, id) => db.selectFrom('insurers').selectAll().where('id', '=', String(id)).executeTakeFirst(),

  create: {
    schema: createSchema,
    regionOf: async (trx, input) =>
      (await trx.selectFrom('regions').select('id').where('id', '=', input.region_id).executeTakeFirst())?.id,
    insert: (trx, input) =>
      trx.insertInto('insurers').values({ ...input, updated_at: now() }).returningAll().executeTakeFirstOrThrow(),
  },

  update: {
    schema: updateSchema,
    apply: (trx, existing, { reason: _reason, ...changes }) =>
      trx
        .updateTable('insurers')
        .set({ ...changes, updated_at: now() })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow(),
  },
};
