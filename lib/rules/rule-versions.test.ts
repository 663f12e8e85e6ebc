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
import { decide } from './decide';
import { publishRuleVersion } from './publish-rule-version';
import { rollbackRuleVersion } from './rollback-rule-version';
import { ruleDecisionResource, type RuleDecisionRecord } from './rule-decision-resource';
import type { RuleVersionRecord } from './rule-version-record';
import { ruleVersionResource } from './rule-version-resource';
import { simulateRuleVersion } from './simulate-rule-version';
import { testRuleVersion } from './test-rule-version';

const URUMQI = '650100';
const KARAMAY = '650200';

/** Invoice rules that also allow electronic special invoices after bid opening. */
const ALLOW_ELECTRONIC_SPECIAL = [
  { name: '开标前不予开具发票', priority: 20, conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: false }] }, event: { type: 'refused', params: { reason: 'before_bid_opening' } } },
  { name: '开标后均可开具', priority: 1, conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value: true }] }, event: { type: 'allowed' } },
];
const ELECTRONIC_SPECIAL = { bidOpened: true, medium: 'electronic', invoiceType: 'special' } as const;


describe.each(testDatabaseKinds)('rule versions on %s', (kind) => {
  const f = useDemoFixture(kind);

  const newDraft = (actor: DemoFixture['actors'][keyof DemoFixture['actors']], region: string | null, key = 'invoice-type') =>
    createRecord(f.db, actor, ruleVersionResource, { rule_set_key: key, region_id: region, note: '测试草稿' }) as Promise<RuleVersionRecord>;

  const published = (key: string, region: string | null) =>
    f.db
      .selectFrom('rule_set_versions')
      .select(['id', 'version'])
      .where('rule_set_key', '=', key as 'invoice-type')
      .where('status', '=', 'published')
      .where((eb) => (region === null ? eb('region_id', 'is', null) : eb('region_id', '=', region)))
      .execute();

  it('decides with the shipped baseline until a region publishes its own version', async () => {
    const decision = await decide(f.db, 'invoice-type', ELECTRONIC_SPECIAL, { region: URUMQI });
    expect(decision.outcome).toEqual({ allowed: false, reason: 'electronic_special_not_supported' });
    expect(decision.version).toBe(1);
    expect(decision.firedRules).toEqual(['电子发票仅支持增值税普通发票']);
  });

  it('refuses facts that do not fit the catalog before any rule runs', async () => {
    const error = await expectRefusal(decide(f.db, 'invoice-type', { bidOpened: 'yes' } as never, { region: URUMQI }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('判定依据');
  });

  it('saves a draft only when its document validates, naming the JSON path of each error', async () => {
    const draft = await newDraft(f.actors.operator, URUMQI);
    expect(draft).toMatchObject({ status: 'draft', region_id: URUMQI, version: 1, created_by_name: f.actors.operator.name });
    const bad = [{ ...ALLOW_ELECTRONIC_SPECIAL[1], conditions: { all: [{ fact: 'bidOpend', operator: 'equal', value: true }] } }];
    const error = await expectRefusal(updateRecord(f.db, f.actors.operator, ruleVersionResource, draft.id, { document: JSON.stringify(bad) }));
    expect(error.fieldErrors?.document).toContain('$[0].conditions.all[0].fact');
    const malformed = await expectRefusal(updateRecord(f.db, f.actors.operator, ruleVersionResource, draft.id, { document: '[{"name": ' }));
    expect(malformed.code).toBe('VALIDATION_FAILED');
    const unchanged = (await getRecord(f.db, f.actors.operator, ruleVersionResource, draft.id)) as RuleVersionRecord;
    expect(unchanged.document).toEqual(draft.document);
    await deleteRecord(f.db, f.actors.operator, ruleVersionResource, draft.id);
  });

  it('keeps operators to their own region and the baseline to the platform administrator', async () => {
    expect((await expectRefusal(newDraft(f.actors.operator, null))).message).toContain('平台管理员');
    expect((await expectRefusal(newDraft(f.actors.operator, KARAMAY))).status).toBe(403);
    // The other region's operator has not been granted the rule-editing permission.
    expect((await expectRefusal(newDraft(f.actors.otherOperator, KARAMAY))).message).toContain('没有编辑规则的权限');
    expect((await expectRefusal(newDraft(f.actors.compliance, URUMQI))).code).toBe('READ_ONLY_ROLE');
    const baselineDraft = await newDraft(f.actors.platformAdmin, null);
    expect(baselineDraft.region_id).toBeNull();
    await deleteRecord(f.db, f.actors.platformAdmin, ruleVersionResource, baselineDraft.id);
  });

  it('will not publish a draft that fails the test cases, and changes nothing', async () => {
    const draft = await newDraft(f.actors.operator, URUMQI);
    await updateRecord(f.db, f.actors.operator, ruleVersionResource, draft.id, { document: ALLOW_ELECTRONIC_SPECIAL });
    const results = await testRuleVersion(f.db, f.actors.operator, draft.id);
    expect(results.filter((r) => !r.passed).map((r) => r.name)).toEqual(['开标后电子专用发票，拒绝']);
    const error = await expectRefusal(publishRuleVersion(f.db, f.actors.operator, draft.id, { reason: '试行电子专票' }));
    expect(error.code).toBe('RULE_TESTS_FAILED');
    expect(error.message).toContain('开标后电子专用发票，拒绝');
    expect(await published('invoice-type', URUMQI)).toEqual([]);
    await deleteRecord(f.db, f.actors.operator, ruleVersionResource, draft.id);
  });

  it('publishes a regional version that the next decision uses, with the audit record and the log', async () => {
    // The platform administrator changes the case so that the regional rule may pass the gate.
    await f.db.updateTable('rule_test_cases').set({ expected: JSON.stringify({ allowed: true }), name: '开标后电子专用发票（乌鲁木齐试行允许）' })
      .where('name', '=', '开标后电子专用发票，拒绝').execute();
    const draft = await newDraft(f.actors.operator, URUMQI);
    await updateRecord(f.db, f.actors.operator, ruleVersionResource, draft.id, { document: ALLOW_ELECTRONIC_SPECIAL, reason: '允许电子专票' });
    const missingReason = await expectRefusal(publishRuleVersion(f.db, f.actors.operator, draft.id, {}));
    expect(missingReason.fieldErrors?.reason).toBe('请填写发布原因');

    const { version, previous, testResults } = await publishRuleVersion(f.db, f.actors.operator, draft.id, { reason: '乌鲁木齐试行电子专用发票' });
    expect(version).toMatchObject({ status: 'published', publish_reason: '乌鲁木齐试行电子专用发票', published_by_name: f.actors.operator.name });
    expect(previous).toBeNull();
    expect(testResults.every((r) => r.passed)).toBe(true);

    const urumqi = await decide(f.db, 'invoice-type', ELECTRONIC_SPECIAL, { region: URUMQI, subject: { type: 'invoice_request', id: 'IR-1' } });
    expect(urumqi).toMatchObject({ outcome: { allowed: true }, versionId: version.id });
    const karamay = await decide(f.db, 'invoice-type', ELECTRONIC_SPECIAL, { region: KARAMAY, subject: { type: 'invoice_request', id: 'IR-2' } });
    expect(karamay.outcome).toEqual({ allowed: false, reason: 'electronic_special_not_supported' });

    const audit = await f.db.selectFrom('audit_events').selectAll().where('action', '=', 'rule_version.publish').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_id: version.id, region_id: URUMQI, reason: '乌鲁木齐试行电子专用发票', actor_id: f.actors.operator.userId });
    expect((audit.after as { document: unknown }).document).toEqual(ALLOW_ELECTRONIC_SPECIAL);

    const logged = await listRecords(f.db, f.actors.compliance, ruleDecisionResource, { sort: { field: 'decided_at', order: 'asc' }, offset: 0, limit: 10, filter: { rule_set_key: 'invoice-type' } });
    const rows = logged.rows as RuleDecisionRecord[];
    expect(rows.map((r) => [r.subject_id, r.version, r.region_id])).toEqual([
      ['IR-1', version.version, URUMQI],
      ['IR-2', 1, KARAMAY],
    ]);
    const explained = (await getRecord(f.db, f.actors.compliance, ruleDecisionResource, rows[1]!.id)) as RuleDecisionRecord;
    expect(explained.explanation).toContain('✓ 已触发：电子发票仅支持增值税普通发票');
    // Operators see only their own region's decisions.
    const other = await listRecords(f.db, f.actors.otherOperator, ruleDecisionResource, { sort: { field: 'decided_at', order: 'asc' }, offset: 0, limit: 10, filter: {} });
    expect((other.rows as RuleDecisionRecord[]).map((r) => r.subject_id)).toEqual(['IR-2']);
  });

  it('never edits a published version', async () => {
    const [current] = await published('invoice-type', URUMQI);
    const error = await expectRefusal(updateRecord(f.db, f.actors.operator, ruleVersionResource, current!.id, { document: ALLOW_ELECTRONIC_SPECIAL }));
    expect(error.code).toBe('CONFLICT');
  });

  it('leaves exactly one published version when two publishes race', async () => {
    const first = await newDraft(f.actors.operator, URUMQI);
    const second = await newDraft(f.actors.operator, URUMQI);
    const outcomes = await Promise.allSettled([
      publishRuleVersion(f.db, f.actors.operator, first.id, { reason: '并发发布 A' }),
      publishRuleVersion(f.db, f.actors.operator, second.id, { reason: '并发发布 B' }),
    ]);
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    const now = await published('invoice-type', URUMQI);
    expect(now).toHaveLength(1);
    expect([first.version, second.version]).toContain(now[0]!.version);
    const statuses = await f.db.selectFrom('rule_set_versions').select(['version', 'status']).where('region_id', '=', URUMQI).orderBy('version').execute();
    expect(statuses.filter((s) => s.status === 'published')).toHaveLength(1);
  });

  it('rolls back by publishing a copy of an older version', async () => {
    const [current] = await published('invoice-type', URUMQI);
    const firstRegional = await f.db.selectFrom('rule_set_versions').select(['id', 'version', 'document']).where('region_id', '=', URUMQI)
      .where('rule_set_key', '=', 'invoice-type').where('publish_reason', '=', '乌鲁木齐试行电子专用发票').executeTakeFirstOrThrow();
    const { version } = await rollbackRuleVersion(f.db, f.actors.operator, firstRegional.id, { reason: '恢复首个试行版本' });
    expect(version.version).toBeGreaterThan(current!.version);
    expect(version).toMatchObject({ status: 'published', copied_from: firstRegional.id, note: `回滚至 v${firstRegional.version}` });
    expect(version.document).toEqual(firstRegional.document);
    expect((await expectRefusal(rollbackRuleVersion(f.db, f.actors.operator, version.id, { reason: '再回滚' }))).code).toBe('CONFLICT');
  });

  it('simulates a draft on typed facts and on past decisions without writing anything', async () => {
    const draft = await newDraft(f.actors.platformAdmin, null);
    await updateRecord(f.db, f.actors.platformAdmin, ruleVersionResource, draft.id, { document: ALLOW_ELECTRONIC_SPECIAL });
    const decisionsBefore = await f.db.selectFrom('rule_decisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();

    const typed = await simulateRuleVersion(f.db, f.actors.compliance, draft.id, { facts: ELECTRONIC_SPECIAL });
    expect(typed).toMatchObject({ mode: 'facts', outcome: { allowed: true } });
    if (typed.mode === 'facts') expect(typed.explanation.text).toContain('✓ 已触发：开标后均可开具');

    const replay = await simulateRuleVersion(f.db, f.actors.compliance, draft.id, { recent: 50 });
    expect(replay).toMatchObject({ mode: 'recent', checked: 2 });
    // IR-2 (克拉玛依, refused by the baseline) would now be allowed; IR-1 was already allowed.
    if (replay.mode === 'recent') expect(replay.changed.map((c) => [c.subjectId, c.simulated])).toEqual([['IR-2', expect.stringContaining('可开具')]]);

    const decisionsAfter = await f.db.selectFrom('rule_decisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(decisionsAfter).toEqual(decisionsBefore);
    await expect(simulateRuleVersion(f.db, f.actors.compliance, draft.id, { facts: { bidOpened: true } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
