import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { withDeclaredPrefill } from '@/forms/prefill/build-prefill';
import { DEFAULT_APPLICATION_FORM } from '@/forms/defaults/default-application-form';
import { parseJsonObject, validateFormSchema, validateUiSchema } from '@/forms/validate-form-schema';
import type { Actor } from '@/lib/auth/actor';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { documentVersionLifecycle } from '@/lib/versioning/document-version-lifecycle';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { findFormVersion, selectFormVersions, type FormVersionRecord } from './form-version-record';
import { inRegionOrPlatform, inSameRegion } from '@/lib/regions/region-filters';
import { lockSeries, lockVersionFor, nextVersionNumber, transitionVersion, type DocumentSeries } from '@/lib/versioning/document-series';
import { assertVersionCan } from '@/lib/versioning/document-version-lifecycle';
import { formVersionAllowedActions } from './form-version-lifecycle';
import { publishFormVersion } from './publish-form-version';
import { recordEditReturned, reviewHistory } from '@/lib/versioning/review-version';
import { reviewFormVersion } from './review-form-version';
import { withdrawInputSchema, withdrawScheduledVersion } from '@/lib/versioning/withdraw-version';
import { parseInput } from '@/lib/validation/parse-input';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { assertCanRead, assertCanWrite } from '@/lib/auth/authorize';
import { notFound } from '@/lib/errors/domain-error';

/** Serializes writers of one form in one region: version numbers, saves and the single published version. */
export function lockForm(trx: Transaction<Database>, formKey: string, regionId: string | null): Promise<void> {
  return lockSeries(trx, formSeries(formKey, regionId));
}

export const formSeries = (formKey: string, regionId: string | null): DocumentSeries => ({ table: 'form_versions', key: formKey, regionId });

/** The platform's forms are the platform administrator's; a region's own versions are its operators'. */
export function assertCanEditForms(actor: Actor, regionId: string | null): void {
  if (regionId === null && actor.role !== 'platform_admin') throw new DomainError('FORBIDDEN', '平台表单只能由平台管理员修改；区域管理员请编辑本区域的表单版本');
}

const formKey = z.string({ error: '请填写表单标识' }).regex(/^[a-z][a-z0-9-]{1,39}$/, { error: '表单标识须为 2–40 位小写字母、数字或短横线，以字母开头' });

const createSchema = z.object({
  form_key: formKey.default('application'),
  region_id: z.string().regex(/^\d{6}$/, { error: '区域无效' }).nullish().transform((v) => v ?? null),
  copied_from: z.uuid({ error: '复制来源无效' }).nullish().transform((v) => v ?? null),
  note: z.string().trim().max(500).default(''),
});

const updateSchema = z.object({
  schema: z.unknown(),
  ui_schema: z.unknown(),
  note: z.string().trim().max(500).optional(),
  reason: z.string().trim().max(500).optional(),
});

function parseForm(input: { schema: unknown; ui_schema: unknown }) {
  const validation = validateFormSchema(input.schema);
  if (!validation.ok) throw new DomainError('VALIDATION_FAILED', validation.errors[0]!, { schema: validation.errors.join('\n') });
  const uiValidation = validateUiSchema(input.ui_schema);
  if (!uiValidation.ok) throw new DomainError('VALIDATION_FAILED', uiValidation.errors[0]!, { ui_schema: uiValidation.errors.join('\n') });
  const uiSchema = input.ui_schema === undefined || input.ui_schema === '' ? {} : parseJsonObject(input.ui_schema)!;
  return { schema: parseJsonObject(input.schema)!, uiSchema };
}

/** 表单: versions of the application forms, drafted, previewed and published without a deploy. */
export const formVersionResource: ResourceDefinition<FormVersionRecord, z.output<typeof createSchema>, z.output<typeof updateSchema>> = {
  name: 'form-versions',
  entityType: 'form_version',
  label: '表单版本',
  idSchema: z.uuid({ error: '表单版本编号无效' }),
  defaultSort: 'version',
  authorizeWrite: assertCanEditForms,

  list: declaredList({
    from: selectFormVersions,
    id: 'f.id',
    region: { column: 'f.region_id', orPlatform: true },
    filters: { form_key: 'f.form_key', status: { column: 'f.status', values: documentVersionLifecycle.stateNames } },
    sortable: { id: 'f.id', version: 'f.version', form_key: 'f.form_key', status: 'f.status', updated_at: 'f.updated_at' },
  }),

  async findById(db, id) {
    const version = await findFormVersion(db, String(id));
    return version && { ...version, review_history: await reviewHistory(db, 'form_versions', version.id) };
  },

  create: {
    schema: createSchema,
    async regionOf(trx, input) {
      if (input.region_id === null) return null;
      return (await trx.selectFrom('regions').select('id').where('id', '=', input.region_id).executeTakeFirst())?.id;
    },
    async insert(trx, input, actor) {
      await lockForm(trx, input.form_key, input.region_id);
      let source: { id?: string; schema: unknown; ui_schema: unknown } | undefined;
      if (input.copied_from) {
        const from = await findFormVersion(trx, input.copied_from);
        if (!from || (from.region_id !== null && from.region_id !== input.region_id)) {
          throw new DomainError('VALIDATION_FAILED', '复制来源必须是本区域或平台的表单版本', { copied_from: '复制来源必须是本区域或平台的表单版本' });
        }
        source = from;
      } else {
        // What applicants of that region fill today, else the platform's form, else the shipped one.
        source = await trx
          .selectFrom('form_versions')
          .select(['id', 'schema', 'ui_schema'])
          .where('form_key', '=', input.form_key)
          .where('status', '=', 'published')
          .where(input.region_id === null ? inSameRegion('region_id', null) : inRegionOrPlatform('region_id', input.region_id))
          .orderBy('region_id', 'asc')
          .limit(1)
          .executeTakeFirst();
        source ??= { schema: DEFAULT_APPLICATION_FORM.schema, ui_schema: DEFAULT_APPLICATION_FORM.uiSchema };
      }
      const version = await nextVersionNumber(trx, formSeries(input.form_key, input.region_id));
      const at = now();
      const row = await trx
        .insertInto('form_versions')
        .values({
          form_key: input.form_key,
          region_id: input.region_id,
          version,
          status: 'draft',
          schema: JSON.stringify(source.schema),
          // A copy of a version from before declared prefill keeps, visibly, the prefill it had.
          ui_schema: JSON.stringify(withDeclaredPrefill(source.ui_schema)),
          note: input.note,
          created_by: actor.userId,
          created_at: at,
          updated_by: actor.userId,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await findFormVersion(trx, row.id))!;
    },
  },

  update: {
    schema: updateSchema,
    async apply(trx, existing, input, actor) {
      assertVersionCan('edit', existing);
      const { schema, uiSchema } = parseForm(input);
      await lockForm(trx, existing.form_key, existing.region_id);
      const from = await transitionVersion(trx, 'form_versions', existing, 'edit', {
        schema: JSON.stringify(schema),
        ui_schema: JSON.stringify(uiSchema),
        note: input.note ?? existing.note,
        updated_by: actor.userId,
        updated_at: now(),
      });
      // Any edit after submission sends the version back to draft: what is approved is what was submitted.
      await recordEditReturned(trx, actor, 'form_versions', from, existing.id);
      return (await findFormVersion(trx, existing.id))!;
    },
  },

  async remove(trx, existing) {
    assertVersionCan('delete', existing);
    await lockForm(trx, existing.form_key, existing.region_id);
    await lockVersionFor(trx, 'form_versions', existing, 'delete');
    await trx.deleteFrom('form_versions').where('id', '=', existing.id).execute();
  },

  allowedActions: formVersionAllowedActions,

  commands: {
    /** 发布表单: answers the version as published, with the fields it drops that earlier orders hold. */
    publish: { run: (db, actor, id, { body }) => publishFormVersion(db, actor, id, body) },
    /** 提交审核 / 审核通过（发布）/ 驳回 (四眼原则). */
    submit: { run: (db, actor, id, { body }) => reviewFormVersion(db, actor, id, 'submit', body) },
    approve: { run: (db, actor, id, { body }) => reviewFormVersion(db, actor, id, 'approve', body) },
    reject: { run: (db, actor, id, { body }) => reviewFormVersion(db, actor, id, 'reject', body) },
    /** 撤回定时发布: back to draft before its 生效时间. */
    withdraw: {
      async run(db, actor, id, { body }) {
        const { reason } = parseInput(withdrawInputSchema, body);
        const version = await findFormVersion(db, parseInput(z.uuid({ error: '表单版本编号无效' }), id));
        if (!version) throw notFound('表单版本');
        assertCanRead(actor, version.region_id);
        assertCanEditForms(actor, version.region_id);
        assertCanWrite(actor, version.region_id);
        await writeTransaction(db, async (trx) => {
          await lockForm(trx, version.form_key, version.region_id);
          await withdrawScheduledVersion(trx, actor, formSeries(version.form_key, version.region_id), version, reason);
        });
        return (await formVersionResource.findById(db, version.id, null))!;
      },
    },
  },
};
