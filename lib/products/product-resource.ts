import { z } from 'zod';
import type { Product } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { now } from '@/lib/time/clock';
import { changeReason, fen, requiredText, uuid } from '@/lib/validation/fields';

export type ProductRecord = Product & { region_id: string };

const projectTypes = z
  .array(z.enum(['construction', 'procurement'], { error: '项目类型只能是建设工程或政府采购' }), {
    error: '请选择适用项目类型',
  })
  .min(1, { error: '请至少选择一种适用项目类型' })
  .transform((types) => [...new Set(types)]);

const fields = {
  name: requiredText('产品名称', 100),
  rate_bp: z
    .number({ error: '请填写费率' })
    .int({ error: '费率以基点计，须为整数（1 基点 = 0.01%）' })
    .min(1, { error: '费率至少为 1 基点' })
    .max(10000, { error: '费率不能超过 10000 基点（100%）' }),
  min_premium_fen: fen('最低保费'),
  project_types: projectTypes,
  notice: requiredText('投保须知', 20000),
  form_key: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, { error: '表单标识须为小写字母、数字或短横线' }),
  active: z.boolean({ error: '启用状态无效' }),
};

const createSchema = z.object({
  insurer_id: uuid('保险公司'),
  ...fields,
  form_key: fields.form_key.default('application'),
  active: fields.active.default(true),
});
const updateSchema = z.object({ ...fields, reason: changeReason }).partial();

const sortable = {
  id: 'products.id',
  name: 'products.name',
  insurer_id: 'products.insurer_id',
  rate_bp: 'products.rate_bp',
  min_premium_fen: 'products.min_premium_fen',
  active: 'products.active',
  created_at: 'products.created_at',
  updated_at: 'products.updated_at',
};

function selectProducts(db: Parameters<ResourceDefinition['findById']>[0]) {
  return db
    .selectFrom('products')
    .innerJoin('insurers', 'insurers.id', 'products.insurer_id')
    .selectAll('products')
    .select('insurers.region_id');
}

export const productResource: ResourceDefinition<
  ProductRecord,
  z.output<typeof createSchema>,
  z.output<typeof updateSchema>
> = {
  name: 'products',
  entityType: 'product',
  label: '保险产品',
  idSchema: uuid('产品编号'),
  defaultSort: 'name',

  list: declaredList({
    from: selectProducts,
    id: 'products.id',
    region: { column: 'insurers.region_id' },
    filters: {
      insurer_id: { column: 'products.insurer_id', type: 'uuid' },
      region_id: 'insurers.region_id',
      active: { column: 'products.active', type: 'boolean' },
    },
    search: ['products.name'],
    sortable,
  }),

  findById: (db, id) => selectProducts(db).where('products.id', '=', String(id)).executeTakeFirst(),

  create: {
    schema: createSchema,
    regionOf: async (trx, input) =>
      (await trx.selectFrom('insurers').select('region_id').where('id', '=', input.insurer_id).executeTakeFirst())
        ?.region_id,
    async insert(trx, input) {
      const row = await trx.insertInto('products').values({ ...input, updated_at: now() }).returning('id').executeTakeFirstOrThrow();
      return selectProducts(trx).where('products.id', '=', row.id).executeTakeFirstOrThrow();
    },
  },

  update: {
    schema: updateSchema,
    async apply(trx, existing, { reason: _reason, ...changes }) {
      await trx.updateTable('products').set({ ...changes, updated_at: now() }).where('id', '=', existing.id).execute();
      return selectProducts(trx).where('products.id', '=', existing.id).executeTakeFirstOrThrow();
    },
  },
};
