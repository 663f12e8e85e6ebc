import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { createRecord } from '@/lib/back-office/create-record';
import { deleteRecord } from '@/lib/back-office/delete-record';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { loadDefaultRuleDocument } from '@/rules/defaults/default-rule-documents';
import { decide } from './decide';
import { publishRuleVersion } from './publish-rule-version';
import { ruleSetResource, type RuleSetRecord } from './rule-set-resource';
import { ruleTestCaseResource } from './rule-test-case-resource';
import type { RuleVersionRecord } from './rule-version-record';
import { ruleVersionResource } from './rule-version-resource';
import { simulateRuleVersion } from './simulate-rule-version';
import { testRuleDocument } from './test-rule-document';

const URUMQI = '650100';
const KARAMAY = '650200';
const page = { sort: { field: 'id', order: 'asc' as const }, offset: 0, limit: 100, filter: {} };
/** Fails the "electronic special invoices are refused" test case. */
const FAILING = [
  { name: '开标前不予开具发票', conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: false }] }, event: { type: 'refused', params: { reason: 'before_bid_opening' } } },
  { name: '开标后均可开具', conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: true }] }, event: { type: 'allowed' } },
];

describe.each(testDatabaseKinds)('rules stay within their region on %s', (kind) => {
  const f = useDemoFixture(kind);
  let karamayVersion: RuleVersionRecord;
  beforeAll(async () => {
    // 克拉玛依 gets a published regional version (the platform administrator acts for the region).
    const draft = (await createRecord(f.db, f.actors.platformAdmin, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: KARAMAY })) as RuleVersionRecord;
    karamayVersion = (await publishRuleVersion(f.db, f.actors.platformAdmin, draft.id, { reason: '克拉玛依区域版本' })).version;
    await decide(f.db, 'invoice-type', { bidOpened: true, medium: 'paper', invoiceType: 'special' }, { region: KARAMAY, subject: { type: 'invoice_request', id: 'KARAMAY-1' } });
  });

  it('will not copy another region\'s version into the operator\'s region', async () => {
    const error = await expectRefusal(
      createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI, copied_from: karamayVersion.id }),
    );
    expect(error.fieldErrors?.copied_from).toContain('本区域或平台基线');
    const drafts = await f.db.selectFrom('rule_set_versions').select('id').where('region_id', '=', URUMQI).execute();
    expect(drafts).toEqual([]);
  });

  it('shows an operator the rule set without other regions\' versions, by list and by id', async () => {
    const listed = (await listRecords(f.db, f.actors.operator, ruleSetResource, page)).rows as RuleSetRecord[];
    const one = (await getRecord(f.db, f.actors.operator, ruleSetResource, 'invoice-type')) as RuleSetRecord;
    expect(listed.find((r) => r.id === 'invoice-type')?.regional_versions).toEqual([]);
    expect(one.regional_versions).toEqual([]);
    const compliance = (await getRecord(f.db, f.actors.compliance, ruleSetResource, 'invoice-type')) as RuleSetRecord;
    expect(compliance.regional_versions.map((v) => v.region_id)).toEqual([KARAMAY]);
  });

  it('replays for an operator only the decisions it may read, even for a baseline draft', async () => {
    const baselineDraft = (await createRecord(f.db, f.actors.platformAdmin, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: null })) as RuleVersionRecord;
    await updateRecord(f.db, f.actors.platformAdmin, ruleVersionResource, baselineDraft.id, { document: FAILING });
    const operator = await simulateRuleVersion(f.db, f.actors.operator, baselineDraft.id, { recent: 50 });
    const compliance = await simulateRuleVersion(f.db, f.actors.compliance, baselineDraft.id, { recent: 50 });
    expect(operator).toMatchObject({ mode: 'recent', checked: 0 });
    expect(compliance).toMatchObject({ mode: 'recent', checked: 1 });
    await deleteRecord(f.db, f.actors.platformAdmin, ruleVersionResource, baselineDraft.id);
  });

  it('never publishes a document the gate did not test, when a save races the publish', async () => {
    for (let round = 0; round < 4; round++) {
      const draft = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI })) as RuleVersionRecord;
      const [publish, save] = await Promise.allSettled([
        publishRuleVersion(f.db, f.actors.operator, draft.id, { reason: `并发发布 ${round}` }),
        updateRecord(f.db, f.actors.operator, ruleVersionResource, draft.id, { document: FAILING }),
      ]);
      const stored = await f.db.selectFrom('rule_set_versions').select(['status', 'document']).where('id', '=', draft.id).executeTakeFirstOrThrow();
      if (stored.status === 'published') {
        expect((await testRuleDocument(f.db, 'invoice-type', URUMQI, stored.document)).every((r) => r.passed)).toBe(true);
        expect(save.status).toBe('rejected');
      } else {
        expect(publish.status).toBe('rejected');
        expect(stored.document).toEqual(FAILING);
        await deleteRecord(f.db, f.actors.operator, ruleVersionResource, draft.id);
      }
    }
  });

  it('keeps one published version when deleting a draft races publishing it', async () => {
    const first = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI })) as RuleVersionRecord;
    await publishRuleVersion(f.db, f.actors.operator, first.id, { reason: '先有一个发布版本' });
    for (let round = 0; round < 4; round++) {
      const draft = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI })) as RuleVersionRecord;
      await Promise.allSettled([
        publishRuleVersion(f.db, f.actors.operator, draft.id, { reason: `发布 ${round}` }),
        deleteRecord(f.db, f.actors.operator, ruleVersionResource, draft.id),
      ]);
      const published = await f.db.selectFrom('rule_set_versions').select('id').where('region_id', '=', URUMQI).where('status', '=', 'published').execute();
      expect(published).toHaveLength(1);
    }
  });

  it('acts on a stale read of a draft that has since been published only by refusing', async () => {
    // What a delete or a save sees when a publish commits between its read and its write.
    const draft = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI })) as RuleVersionRecord;
    await publishRuleVersion(f.db, f.actors.operator, draft.id, { reason: '发布后再用旧读取删除' });
    const stale = { ...draft, status: 'draft' as const };
    await expect(f.db.transaction().execute((trx) => ruleVersionResource.remove!(trx, stale))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      f.db.transaction().execute((trx) => ruleVersionResource.update!.apply(trx, stale, { document: FAILING }, f.actors.operator)),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const row = await f.db.selectFrom('rule_set_versions').select(['status', 'document']).where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('published');
    expect(row.document).not.toEqual(FAILING);
  });

  it('refuses a test case whose expected outcome could never match', async () => {
    const error = await expectRefusal(
      createRecord(f.db, f.actors.platformAdmin, ruleTestCaseResource, {
        rule_set_key: 'invoice-type', name: '错误的期望', facts: { bidOpened: true, medium: 'paper', invoiceType: 'special' }, expected: { allowed: 'true' },
      }),
    );
    expect(error.fieldErrors?.expected).toContain('有效结果');
  });

  it('answers a sort on an inherited property name with a 422', async () => {
    const error = await expectRefusal(listRecords(f.db, f.actors.operator, ruleVersionResource, { ...page, sort: { field: 'constructor', order: 'asc' } }));
    expect(error.status).toBe(422);
  });

  it('keeps the shipped baseline intact through all of this', async () => {
    const baseline = await f.db.selectFrom('rule_set_versions').select('document').where('region_id', 'is', null).where('rule_set_key', '=', 'invoice-type').where('status', '=', 'published').executeTakeFirstOrThrow();
    expect(baseline.document).toEqual(JSON.parse(JSON.stringify(loadDefaultRuleDocument('invoice-type'))));
  });
});
