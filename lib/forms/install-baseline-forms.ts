import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { APPLICATION_FORM_KEY, DEFAULT_APPLICATION_FORM } from '@/forms/defaults/default-application-form';

/** On first start the shipped application form becomes its published version 1; later starts change nothing. */
export async function installBaselineForms(db: Kysely<Database>, at: Date): Promise<void> {
  const installed = await db
    .selectFrom('form_versions')
    .select('id')
    .where('form_key', '=', APPLICATION_FORM_KEY)
    .where('region_id', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (installed) return;
  // Two processes starting at once both try; the unique version number lets only one insert.
  await db
    .insertInto('form_versions')
    .values({
      form_key: APPLICATION_FORM_KEY,
      region_id: null,
      version: 1,
      status: 'published',
      schema: JSON.stringify(DEFAULT_APPLICATION_FORM.schema),
      ui_schema: JSON.stringify(DEFAULT_APPLICATION_FORM.uiSchema),
      note: '平台内置投保信息表单',
      created_by: null,
      created_at: at,
      published_at: at,
      publish_reason: '平台初始化：安装内置表单',
      updated_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
