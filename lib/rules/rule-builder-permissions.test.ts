import { describe, expect, it } from 'vitest';
import type { DemoFixture } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { createRecord } from '@/lib/back-office/create-record';
import { deleteRecord } from '@/lib/back-office/delete-record';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { DEFAULT_RULE_DOCUMENTS } from '@/rules/defaults/default-rule-documents';
import { publishRuleVersion } from './publish-rule-version';
import { rollbackRuleVersion } from './rollback-rule-version';
import { ruleTestCaseResource, type RuleTestCaseRecord } from './rule-test-case-resource';
import type { RuleVersionRecord } from './rule-version-record';
import { ruleVersionResource } from './rule-version-resource';
import { testRuleVersion } from './test-rule-version';

const URUMQI = '650100';
const KARAMAY = '650200';
type Rule = { name: string; conditions: { all: { fact: string; operator: string; value: unknown }[] }; event: { type: string; params?: Record<string, unknown> } };
const shipped = () => JSON.parse(JSON.stringify(DEFAULT_RULE_DOCUMENTS['invoice-type'])) as Rule[];
const ELECTRONIC_SPECIAL_CASE = '开标后电子专用发票，拒绝';

describe.each(testDatabaseKinds)('value-only rule editing and regional test cases on %s', (kind) => {
  const f = useDemoFixture(kind);

  const draftBy = async (actor: DemoFixture['actors']['operator']) =>
    (await createRecord(f.db, actor, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI })) as RuleVersionRecord;
  const stored = async (id: string) => ((await getRecord(f.db, f.actors.operator, ruleVersionResource, id)) as RuleVersionRecord).document;

  it('lets a value-only editor change a compared value and an outcome parameter', async () => {
    const draft = await draftBy(f.actors.valuesOperator);
    const document = shipped();
    document[1]!.conditions.all[0]!.value = 'paper';
    document[0]!.event.params = { reason: 'electronic_special_not_supported' };
    await updateRecord(f.db, f.actors.valuesOperator, ruleVersionResource, draft.id, { document });
    expect(await stored(draft.id)).toEqual(document);
    await deleteRecord(f.db, f.actors.valuesOperator, ruleVersionResource, draft.id);
  });

  it.each([
    ['removing a rule', (d: Rule[]) => d.slice(1)],
    ['adding a condition', (d: Rule[]) => (d[1]!.conditions.all.push({ fact: 'bidOpened', operator: 'equal', value: true }), d)],
    ['changing an operator', (d: Rule[]) => ((d[1]!.conditions.all[0]!.operator = 'notEqual'), d)],
    ['changing the outcome type', (d: Rule[]) => ((d[1]!.event = { type: 'allowed' }), d)],
  ])('refuses a value-only editor %s with 403 and saves nothing', async (_label, change) => {
    const draft = await draftBy(f.actors.valuesOperator);
    const error = await expectRefusal(updateRecord(f.db, f.actors.valuesOperator, ruleVersionResource, draft.id, { document: change(shipped()) }));
    expect(error).toMatchObject({ code: 'RULE_STRUCTURE_FORBIDDEN', status: 403 });
    expect(error.message).toContain('只有修改规则取值的权限');
    expect(await stored(draft.id)).toEqual(DEFAULT_RULE_DOCUMENTS['invoice-type']);
    // The same change is a full rule editor's to make.
    await updateRecord(f.db, f.actors.operator, ruleVersionResource, draft.id, { document: change(shipped()) });
    await deleteRecord(f.db, f.actors.operator, ruleVersionResource, draft.id);
  });

  it('keeps value-only editors out of other regions and out of rollbacks to another structure', async () => {
    expect((await expectRefusal(createRecord(f.db, f.actors.valuesOperator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: KARAMAY }))).status).toBe(403);
    const draft = await draftBy(f.actors.operator);
    await updateRecord(f.db, f.actors.operator, ruleVersionResource, draft.id, { document: shipped().slice(0, 2).concat([{ ...shipped()[2]!, conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: true }] } }]) });
    // Electronic special invoices stay refused (the refusal outranks the allowance), so the cases pass.
    const published = await publishRuleVersion(f.db, f.actors.operator, draft.id, { reason: '开标后其余发票均可开具' });
    const second = await draftBy(f.actors.operator);
    await publishRuleVersion(f.db, f.actors.operator, second.id, { reason: '再发布' });
    const error = await expectRefusal(rollbackRuleVersion(f.db, f.actors.valuesOperator, (await f.db.selectFrom('rule_set_versions').select('id').where('region_id', '=', URUMQI).where('status', '=', 'archived').orderBy('version').executeTakeFirstOrThrow()).id, { reason: '回滚' }));
    expect(error.code).toBe('RULE_STRUCTURE_FORBIDDEN');
    expect(published.version.status).toBe('published');
  });

  it('refuses a value-only editor publishing a draft whose structure differs from what decides today', async () => {
    // A full editor leaves a structural draft behind; the value-only editor may not publish it.
    const draft = await draftBy(f.actors.operator);
    const current = ((await f.db.selectFrom('rule_set_versions').select('document').where('region_id', '=', URUMQI).where('rule_set_key', '=', 'invoice-type').where('status', '=', 'published').executeTakeFirstOrThrow()).document) as Rule[];
    await updateRecord(f.db, f.actors.operator, ruleVersionResource, draft.id, { document: [...current, { ...current[0]!, name: '多出的一条', priority: 2 }] });
    const error = await expectRefusal(publishRuleVersion(f.db, f.actors.valuesOperator, draft.id, { reason: '发布他人的结构修改' }));
    expect(error.code).toBe('RULE_STRUCTURE_FORBIDDEN');
    expect((await f.db.selectFrom('rule_set_versions').select('status').where('id', '=', draft.id).executeTakeFirstOrThrow()).status).toBe('draft');
    // Values only: that one the value-only editor publishes.
    const values = await draftBy(f.actors.valuesOperator);
    const published = await publishRuleVersion(f.db, f.actors.valuesOperator, values.id, { reason: '仅取值' });
    expect(published.version.status).toBe('published');
    await deleteRecord(f.db, f.actors.operator, ruleVersionResource, draft.id);
  });

  it('runs the cases that gate the region against an unsaved document and marks each one by id', async () => {
    const draft = await draftBy(f.actors.operator);
    const allowEverythingAfterOpening = [shipped()[0]!, { ...shipped()[2]!, conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: true }] } }];
    const results = await testRuleVersion(f.db, f.actors.operator, draft.id, { document: allowEverythingAfterOpening });
    expect(results.filter((r) => !r.passed).map((r) => r.name)).toEqual([ELECTRONIC_SPECIAL_CASE]);
    expect(results.every((r) => typeof r.id === 'string')).toBe(true);
    // Nothing was saved by running.
    expect(await stored(draft.id)).not.toEqual(allowEverythingAfterOpening);
    await expect(testRuleVersion(f.db, f.actors.operator, draft.id, { document: [{ name: 'x' }] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await deleteRecord(f.db, f.actors.operator, ruleVersionResource, draft.id);
  });

  it('lets a region state a different expected outcome for a platform case, for that region only', async () => {
    const platformCase = (await f.db.selectFrom('rule_test_cases').select(['facts']).where('name', '=', ELECTRONIC_SPECIAL_CASE).executeTakeFirstOrThrow());
    // An operator may not change the platform's case itself…
    const platformRow = await f.db.selectFrom('rule_test_cases').select('id').where('name', '=', ELECTRONIC_SPECIAL_CASE).where('region_id', 'is', null).executeTakeFirstOrThrow();
    expect((await expectRefusal(updateRecord(f.db, f.actors.operator, ruleTestCaseResource, platformRow.id, { expected: { allowed: true } }))).status).toBe(403);
    // …but states the region's own expectation under the same name.
    const override = (await createRecord(f.db, f.actors.operator, ruleTestCaseResource, {
      rule_set_key: 'invoice-type', region_id: URUMQI, name: ELECTRONIC_SPECIAL_CASE, facts: platformCase.facts, expected: { allowed: true },
    })) as RuleTestCaseRecord;
    expect(override.region_id).toBe(URUMQI);
    const duplicate = await expectRefusal(createRecord(f.db, f.actors.operator, ruleTestCaseResource, {
      rule_set_key: 'invoice-type', region_id: URUMQI, name: ELECTRONIC_SPECIAL_CASE, facts: platformCase.facts, expected: { allowed: true },
    }));
    expect(duplicate.code).toBe('CONFLICT');
    const otherRegion = await expectRefusal(createRecord(f.db, f.actors.otherOperator, ruleTestCaseResource, {
      rule_set_key: 'invoice-type', region_id: URUMQI, name: '别区用例', facts: platformCase.facts, expected: { allowed: true },
    }));
    expect(otherRegion.status).toBe(403);

    // Only the expected outcome is the region's: other facts under the platform case's name, or a new name, are refused.
    const otherFacts = await expectRefusal(createRecord(f.db, f.actors.operator, ruleTestCaseResource, {
      rule_set_key: 'invoice-type', region_id: URUMQI, name: '开标后纸质普通发票，允许', facts: platformCase.facts, expected: { allowed: true },
    }));
    expect(otherFacts.message).toContain('判定依据与名称须与平台用例一致');
    const renamed = await expectRefusal(updateRecord(f.db, f.actors.operator, ruleTestCaseResource, override.id, { name: '改名' }));
    expect(renamed.code).toBe('VALIDATION_FAILED');
    const urumqiDraft = await draftBy(f.actors.operator);
    const allow = [shipped()[0]!, { ...shipped()[2]!, conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: true }] } }];
    const urumqi = await testRuleVersion(f.db, f.actors.operator, urumqiDraft.id, { document: allow });
    expect(urumqi.every((r) => r.passed)).toBe(true);
    expect(urumqi.find((r) => r.name === ELECTRONIC_SPECIAL_CASE)?.id).toBe(override.id);
    // The baseline and other regions are still gated by the platform's case.
    const baselineDraft = (await createRecord(f.db, f.actors.platformAdmin, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: null })) as RuleVersionRecord;
    const baseline = await testRuleVersion(f.db, f.actors.platformAdmin, baselineDraft.id, { document: allow });
    expect(baseline.filter((r) => !r.passed).map((r) => r.name)).toEqual([ELECTRONIC_SPECIAL_CASE]);

    // Operators list the platform's cases and their own region's; the other region's operator does not see this one.
    const listed = await listRecords(f.db, f.actors.otherOperator, ruleTestCaseResource, { sort: { field: 'name', order: 'asc' }, offset: 0, limit: 100, filter: { rule_set_key: 'invoice-type' } });
    expect((listed.rows as RuleTestCaseRecord[]).some((r) => r.region_id === URUMQI)).toBe(false);

    // Updating the region's own case is an audited change like any other record's.
    await updateRecord(f.db, f.actors.operator, ruleTestCaseResource, override.id, { expected: { allowed: false, reason: 'electronic_special_not_supported' } });
    const audit = await f.db.selectFrom('audit_events').select(['action', 'region_id']).where('entity_id', '=', override.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['rule_test_case.create', 'rule_test_case.update']);
    const invalid = await expectRefusal(updateRecord(f.db, f.actors.operator, ruleTestCaseResource, override.id, { expected: { accepted: true } }));
    expect(invalid.code).toBe('VALIDATION_FAILED');
    // A region's own cases may all be removed; the platform's still gate it.
    await deleteRecord(f.db, f.actors.operator, ruleTestCaseResource, override.id);
  });
});
