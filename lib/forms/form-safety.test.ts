import { describe, expect, it } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { DEFAULT_APPLICATION_FORM } from '@/forms/defaults/default-application-form';
import { VALID_APPLICATION } from '@/forms/fixtures/application-submissions';
import { createRecord } from '@/lib/back-office/create-record';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { submitAsSeen } from '@/lib/orders/testing/submit-as-seen';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { listOpenSections } from '@/lib/sections/list-open-sections';
import { findDroppedFields } from './find-dropped-fields';
import type { FormVersionRecord } from './form-version-record';
import { formVersionResource } from './form-version-resource';
import { publishFormVersion } from './publish-form-version';

type Sections = Record<string, { properties: Record<string, unknown>; required: string[] }>;
const withField = (key: string, field: object, required = false) => {
  const schema = structuredClone(DEFAULT_APPLICATION_FORM.schema) as { properties: Sections };
  schema.properties.contact!.properties[key] = field;
  if (required) schema.properties.contact!.required.push(key);
  return schema;
};

describe.each(testDatabaseKinds)('form safety on %s', (kind) => {
  const f = useDemoFixture(kind);
  useFixedClock();

  const newDraft = async () => (await createRecord(f.db, f.actors.operator, formVersionResource, { region_id: '650100' })) as FormVersionRecord;
  const urumqi = async () => {
    const section = (await listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 50, regionId: '650100' })).rows.find((s) => !s.myOrderId)!;
    const [product] = await listProductsForSection(f.db, f.actors.bidder, section.sectionId);
    return { sectionId: section.sectionId, productId: product!.productId };
  };

  it('answers a schema nested 12,000 levels with a validation error, not a crash', async () => {
    const draft = await newDraft();
    const deep = `{"type":"object","properties":{"a":{"type":"string","default":${'['.repeat(12_000)}${']'.repeat(12_000)}}}}`;
    const error = await expectRefusal(updateRecord(f.db, f.actors.operator, formVersionResource, draft.id, { schema: deep, ui_schema: '{}' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    expect(error.message).toContain('嵌套过深');
    const deepUi = `${'{"a":'.repeat(12_000)}1${'}'.repeat(12_000)}`;
    const uiError = await expectRefusal(updateRecord(f.db, f.actors.operator, formVersionResource, draft.id, { schema: DEFAULT_APPLICATION_FORM.schema, ui_schema: deepUi }));
    expect(uiError.fieldErrors?.ui_schema).toContain('嵌套过深');
    const lookahead = await expectRefusal(
      updateRecord(f.db, f.actors.operator, formVersionResource, draft.id, { schema: withField('code', { type: 'string', pattern: '^(?=.*\\d)\\w+$' }), ui_schema: {} }),
    );
    expect(lookahead.fieldErrors?.schema).toContain('不支持前瞻/后顾断言与反向引用');
  });

  it('validates a bidder submission against a published ^(a+)+$ promptly, and other requests are not held up', async () => {
    const draft = await newDraft();
    await updateRecord(f.db, f.actors.operator, formVersionResource, draft.id, {
      schema: withField('note', { title: '备注', type: 'string', pattern: '^(a+)+$', maxLength: 20_000 }),
      ui_schema: DEFAULT_APPLICATION_FORM.uiSchema,
    });
    await publishFormVersion(f.db, f.actors.operator, draft.id, { reason: '测试：带正则的字段' });
    const target = await urumqi();
    const hostile = { ...VALID_APPLICATION, contact: { ...VALID_APPLICATION.contact, note: `${'a'.repeat(10_000)}!` } };

    const started = performance.now();
    let otherDoneAt = 0;
    const [refusal] = await Promise.all([
      expectRefusal(submitAsSeen(f.db, f.actors.bidder, { ...target, noticeAccepted: true, formData: hostile })),
      listOpenSections(f.db, f.actors.bidder, { page: 1, pageSize: 5 }).then(() => (otherDoneAt = performance.now() - started)),
    ]);
    const elapsed = performance.now() - started;
    expect(Object.keys(refusal.fieldErrors ?? {})).toEqual(['contact.note']);
    // Before the linear-time engine, 30 characters already took seconds; 10,000 would never finish.
    expect(elapsed).toBeLessThan(2_000);
    expect(otherDoneAt).toBeLessThan(2_000);
  });

  it('warns before publishing a draft that drops a field earlier orders hold, and still publishes', async () => {
    const draft = await newDraft();
    await updateRecord(f.db, f.actors.operator, formVersionResource, draft.id, {
      schema: withField('projectManager', { title: '项目经理', type: 'string' }),
      ui_schema: DEFAULT_APPLICATION_FORM.uiSchema,
    });
    await publishFormVersion(f.db, f.actors.operator, draft.id, { reason: '增加项目经理' });
    const target = await urumqi();
    await submitAsSeen(f.db, f.actors.bidder, { ...target, noticeAccepted: true, formData: { ...VALID_APPLICATION, contact: { ...VALID_APPLICATION.contact, projectManager: '赵工' } } });

    const next = await newDraft();
    await updateRecord(f.db, f.actors.operator, formVersionResource, next.id, { schema: DEFAULT_APPLICATION_FORM.schema, ui_schema: DEFAULT_APPLICATION_FORM.uiSchema });
    const report = await findDroppedFields(f.db, f.actors.operator, next.id);
    expect(report.comparedWith).toMatchObject({ id: draft.id, regionId: '650100' });
    expect(report.fields).toEqual([{ path: 'contact.projectManager', label: '联系人 › 项目经理', orders: 1 }]);
    expect((await findDroppedFields(f.db, f.actors.operator, draft.id)).fields).toEqual([]);
    const published = await publishFormVersion(f.db, f.actors.operator, next.id, { reason: '不再要求项目经理' });
    expect(published.dropped_fields).toEqual(report.fields);
    expect((await expectRefusal(findDroppedFields(f.db, f.actors.bidder, next.id))).status).toBeGreaterThanOrEqual(403);
  });
});
