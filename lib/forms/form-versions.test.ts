import { describe, expect, it } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { DEFAULT_APPLICATION_FORM } from '@/forms/defaults/default-application-form';
import { VALID_APPLICATION } from '@/forms/fixtures/application-submissions';
import { createRecord } from '@/lib/back-office/create-record';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { prepareApplication } from '@/lib/orders/prepare-application';
import { submitAsSeen } from '@/lib/orders/testing/submit-as-seen';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import type { FormVersionRecord } from './form-version-record';
import { formVersionResource } from './form-version-resource';
import { publishFormVersion } from './publish-form-version';

/** The default form with one more required field: the project manager (项目经理). */
const withProjectManager = () => {
  const schema = structuredClone(DEFAULT_APPLICATION_FORM.schema) as { properties: Record<string, { properties: Record<string, unknown>; required: string[] }> };
  schema.properties.contact!.properties.projectManager = { title: '项目经理', type: 'string', minLength: 2 };
  schema.properties.contact!.required.push('projectManager');
  return schema;
};

describe.each(testDatabaseKinds)('form versions on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();

  const urumqiSection = async () => (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50, regionId: '650100' })).rows[0]!;
  const karamaySection = async () => (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50, regionId: '650200' })).rows[0]!;

  it('keeps the platform form to the platform administrator and compliance out entirely', async () => {
    expect((await expectRefusal(createRecord(f.db, f.actors.operator, formVersionResource, { region_id: null }))).message).toContain('平台表单只能由平台管理员修改');
    expect((await expectRefusal(createRecord(f.db, f.actors.compliance, formVersionResource, { region_id: '650100' }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(createRecord(f.db, f.actors.operator, formVersionResource, { region_id: '650200' }))).status).toBe(403);
  });

  it('refuses an invalid schema with its reason and keeps the draft as it was', async () => {
    const draft = (await createRecord(f.db, f.actors.operator, formVersionResource, { region_id: '650100' })) as FormVersionRecord;
    expect(draft).toMatchObject({ status: 'draft', version: 1, region_id: '650100', form_key: 'application' });
    const bad = { type: 'object', properties: { x: { type: 'string', format: 'passport' } } };
    const error = await expectRefusal(updateRecord(f.db, f.actors.operator, formVersionResource, draft.id, { schema: JSON.stringify(bad), ui_schema: '{}' }));
    expect(error.fieldErrors?.schema).toContain('表单结构无效');
    const uiError = await expectRefusal(updateRecord(f.db, f.actors.operator, formVersionResource, draft.id, { schema: DEFAULT_APPLICATION_FORM.schema, ui_schema: '[1]' }));
    expect(uiError.fieldErrors?.ui_schema).toBeDefined();
  });

  it('publishes a regional form that the region\'s next application uses, and only that region\'s', async () => {
    const [draft] = (await f.db.selectFrom('form_versions').select('id').where('region_id', '=', '650100').where('status', '=', 'draft').execute());
    await updateRecord(f.db, f.actors.operator, formVersionResource, draft!.id, { schema: JSON.stringify(withProjectManager()), ui_schema: JSON.stringify(DEFAULT_APPLICATION_FORM.uiSchema) });
    expect((await expectRefusal(publishFormVersion(f.db, f.actors.operator, draft!.id, {}))).fieldErrors?.reason).toBeDefined();
    const published = await publishFormVersion(f.db, f.actors.operator, draft!.id, { reason: '乌鲁木齐要求填写项目经理' });
    expect(published).toMatchObject({ status: 'published', publish_reason: '乌鲁木齐要求填写项目经理' });

    const urumqi = await urumqiSection();
    const [urumqiProduct] = await listProductsForSection(f.db, f.actors.bidder, urumqi.sectionId);
    const prepared = await prepareApplication(f.db, f.actors.bidder, urumqi.sectionId, urumqiProduct!.productId);
    expect(prepared.form.id).toBe(published.id);
    const karamay = await karamaySection();
    const [karamayProduct] = await listProductsForSection(f.db, f.actors.bidder, karamay.sectionId);
    expect((await prepareApplication(f.db, f.actors.bidder, karamay.sectionId, karamayProduct!.productId)).form.region_id).toBeNull();

    // The server holds a new application to the new field.
    const missing = await expectRefusal(
      submitAsSeen(f.db, f.actors.bidder, { sectionId: urumqi.sectionId, productId: urumqiProduct!.productId, noticeAccepted: true, formData: VALID_APPLICATION }),
    );
    expect(Object.keys(missing.fieldErrors ?? {})).toEqual(['contact.projectManager']);
    const order = await submitAsSeen(f.db, f.actors.bidder, {
      sectionId: urumqi.sectionId, productId: urumqiProduct!.productId, noticeAccepted: true,
      formData: { ...VALID_APPLICATION, contact: { ...VALID_APPLICATION.contact, projectManager: '赵工' } },
    });
    const stored = await f.db.selectFrom('orders').select('form_version_id').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(stored.form_version_id).toBe(published.id);

    const audit = await f.db.selectFrom('audit_events').selectAll().where('action', '=', 'form_version.publish').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_id: published.id, region_id: '650100', reason: '乌鲁木齐要求填写项目经理' });
  });

  it('never edits a published form', async () => {
    const [published] = await f.db.selectFrom('form_versions').select('id').where('region_id', '=', '650100').where('status', '=', 'published').execute();
    const error = await expectRefusal(updateRecord(f.db, f.actors.operator, formVersionResource, published!.id, { schema: DEFAULT_APPLICATION_FORM.schema, ui_schema: {} }));
    expect(error.code).toBe('CONFLICT');
  });
});
