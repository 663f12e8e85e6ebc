import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { createRecord } from '@/lib/back-office/create-record';
import { loadActor } from '@/lib/auth/load-actor';
import { DEMO_REVIEWER_PHONE } from '@/testing/demo-fixture';
import { getRecord } from '@/lib/back-office/get-record';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { findEffectiveForm } from '@/lib/forms/find-effective-form';
import type { FormVersionRecord } from '@/lib/forms/form-version-record';
import { formVersionResource } from '@/lib/forms/form-version-resource';
import { decide } from '@/lib/rules/decide';
import { effectiveVersionQuery, findEffectiveVersion } from '@/lib/rules/find-effective-version';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { ruleVersionResource } from '@/lib/rules/rule-version-resource';
import { ruleDecisionResource, type RuleDecisionRecord } from '@/lib/rules/rule-decision-resource';
import { snapshotAt, type SnapshotRow } from './snapshot-resource';
import { activateDueVersions } from './activate-due-versions';

const URUMQI = '650100';
const KARAMAY = '650200';
const FACTS = { bidOpened: true, medium: 'paper', invoiceType: 'ordinary' } as const;
const HOUR = 3_600_000;

describe.each(testDatabaseKinds)('scheduled activation (生效时间) and versions as of a moment on %s', (kind) => {
  const f = useDemoFixture(kind, { hookTimeout: 120_000 });
  const clock = useFixedClock();
  const status = async (id: string) => ((await getRecord(f.db, f.actors.operator, ruleVersionResource, id)) as RuleVersionRecord).status;
  const draftRule = async (region: string | null = URUMQI, actor = region === null ? f.actors.platformAdmin : f.actors.operator) =>
    (await createRecord(f.db, actor, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: region })) as RuleVersionRecord;

  it('decides with the scheduled version from its time on, the cache switching at the moved clock', async () => {
    const before = (await findEffectiveVersion(f.db, 'invoice-type', URUMQI))!;
    const published = await draftRule();
    await runCommand(f.db, f.actors.operator, ruleVersionResource, published.id, 'publish', { body: { reason: '现行版本' } });
    const t0 = clock.now();
    const draft = await draftRule();
    const at = new Date(t0.getTime() + 2 * HOUR);
    const scheduled = (await runCommand(f.db, f.actors.operator, ruleVersionResource, draft.id, 'publish', { body: { reason: '两小时后生效', effective_at: at.toISOString() } })) as RuleVersionRecord;
    expect(scheduled).toMatchObject({ status: 'scheduled', effective_from: at });
    // Until then the published version decides, cached or not, logged or not.
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(published.id);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(published.id);
    clock.advance(2 * HOUR - 1);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(published.id);
    clock.advance(1);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(draft.id);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI, subject: { type: 'test', id: 'scheduled' } })).versionId).toBe(draft.id);
    // The states catch up at the series' next write; what decided when is answered from the times.
    expect(await status(draft.id)).toBe('scheduled');
    clock.advance(60_000);
    const next = await draftRule();
    await runCommand(f.db, f.actors.operator, ruleVersionResource, next.id, 'publish', { body: { reason: '再发布' } });
    expect([await status(published.id), await status(draft.id), await status(next.id)]).toEqual(['archived', 'archived', 'published']);

    const asOf = async (moment: Date) => (await effectiveVersionQuery(f.db, 'invoice-type', URUMQI, moment, true).executeTakeFirst())?.id;
    expect(await asOf(new Date(t0.getTime() - 1))).toBe(before.id);
    expect(await asOf(t0)).toBe(published.id);
    expect(await asOf(new Date(at.getTime() - 1))).toBe(published.id);
    expect(await asOf(at)).toBe(draft.id);
    expect(await asOf(clock.now())).toBe(next.id);
    // 克拉玛依 has no version of its own: the baseline decided there all along.
    const baseline = (await findEffectiveVersion(f.db, 'invoice-type', null))!;
    expect((await effectiveVersionQuery(f.db, 'invoice-type', KARAMAY, t0, true).executeTakeFirst())?.id).toBe(baseline.id);

    // 规则快照: the same answers with the scope, rules and forms together.
    const invoice = (rows: SnapshotRow[]) => rows.find((r) => r.id === 'rule:invoice-type');
    expect(invoice(await snapshotAt(f.db, URUMQI, new Date(at.getTime() - 1)))).toMatchObject({ version_id: published.id, scope: 'regional', resource: 'rule-versions' });
    expect(invoice(await snapshotAt(f.db, URUMQI, at))).toMatchObject({ version_id: draft.id, scope: 'regional' });
    const karamay = await snapshotAt(f.db, KARAMAY, t0);
    expect(invoice(karamay)).toMatchObject({ version_id: baseline.id, scope: 'baseline', scope_label: '平台基线' });
    const form = karamay.find((r) => r.id === 'form:application')!;
    expect(form).toMatchObject({ kind: 'form', resource: 'form-versions', label: '表单：投保信息' });
    // A form shows when it came into force, as a rule does.
    expect(form.effective_from).toBeInstanceOf(Date);
    expect(form.effective_from!.getTime()).toBeLessThanOrEqual(t0.getTime());
    // The decision log says which version decided and whether it was the region's own.
    const logged = await f.db.selectFrom('rule_decisions').select('id').where('subject_id', '=', 'scheduled').executeTakeFirstOrThrow();
    const explained = (await getRecord(f.db, f.actors.operator, ruleDecisionResource, logged.id)) as RuleDecisionRecord;
    expect(explained.version_scope).toBe('regional');
    expect(explained.explanation).toContain(`由本区域自己的版本 v${draft.version} 决定`);
  });

  it('lets a scheduled version be withdrawn before it takes effect, and not after', async () => {
    // Time moves on from the test before (the clock starts each test at the seed's moment).
    clock.set(new Date(clock.now().getTime() + 24 * HOUR));
    const current = (await findEffectiveVersion(f.db, 'invoice-type', URUMQI))!;
    const draft = await draftRule();
    const at = new Date(clock.now().getTime() + HOUR);
    await runCommand(f.db, f.actors.operator, ruleVersionResource, draft.id, 'publish', { body: { reason: '定时', effective_at: at.toISOString() } });
    const second = await draftRule();
    const twice = await expectRefusal(runCommand(f.db, f.actors.operator, ruleVersionResource, second.id, 'publish', { body: { reason: '再定时', effective_at: at.toISOString() } }));
    expect(twice.message).toBe(`已有待生效的定时发布版本 v${draft.version}，请先撤回它再定时发布新的版本`);
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, ruleVersionResource, draft.id, 'withdraw', { body: {} }))).fieldErrors?.reason).toBe('请填写撤回原因');
    const withdrawn = (await runCommand(f.db, f.actors.operator, ruleVersionResource, draft.id, 'withdraw', { body: { reason: '时间定错了' } })) as RuleVersionRecord;
    expect(withdrawn).toMatchObject({ status: 'draft', effective_from: null });
    clock.advance(HOUR);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(current.id);

    await runCommand(f.db, f.actors.operator, ruleVersionResource, second.id, 'publish', { body: { reason: '定时', effective_at: new Date(clock.now().getTime() + HOUR).toISOString() } });
    clock.advance(HOUR);
    const late = await expectRefusal(runCommand(f.db, f.actors.operator, ruleVersionResource, second.id, 'withdraw', { body: { reason: '太晚了' } }));
    expect(late.code).toBe('CONFLICT');
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(second.id);
    const audit = await f.db.selectFrom('audit_events').select('action').where('entity_id', '=', draft.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['rule_version.create', 'rule_version.publish', 'rule_version.withdraw']);
  });

  it('schedules an approved version when the approver gives a 生效时间', async () => {
    clock.set(new Date(clock.now().getTime() + 72 * HOUR));
    await f.db.updateTable('version_approval_settings').set({ approval_required: true }).where('scope', '=', URUMQI).execute();
    try {
      const current = (await findEffectiveVersion(f.db, 'invoice-type', URUMQI))!;
      const draft = await draftRule();
      await runCommand(f.db, f.actors.operator, ruleVersionResource, draft.id, 'submit', { body: { reason: '明早生效' } });
      const reviewer = (await loadActor(f.db, { phone: DEMO_REVIEWER_PHONE }))!;
      const at = new Date(clock.now().getTime() + HOUR);
      const approved = (await runCommand(f.db, reviewer, ruleVersionResource, draft.id, 'approve', { body: { comment: '同意，定时', effective_at: at.toISOString() } })) as RuleVersionRecord;
      expect(approved).toMatchObject({ status: 'scheduled', effective_from: at, publish_reason: '明早生效' });
      expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(current.id);
      clock.advance(HOUR);
      expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(draft.id);
    } finally {
      await f.db.updateTable('version_approval_settings').set({ approval_required: false }).where('scope', '=', URUMQI).execute();
    }
  });

  it('gives the bidder\'s form in force at the moment: a scheduled form from its time on', async () => {
    clock.set(new Date(clock.now().getTime() + 96 * HOUR));
    const current = (await findEffectiveForm(f.db, 'application', URUMQI))!;
    const draft = (await createRecord(f.db, f.actors.operator, formVersionResource, { form_key: 'application', region_id: URUMQI })) as FormVersionRecord;
    const at = new Date(clock.now().getTime() + HOUR);
    const scheduled = (await runCommand(f.db, f.actors.operator, formVersionResource, draft.id, 'publish', { body: { reason: '下个整点生效', effective_at: at.toISOString() } })) as FormVersionRecord;
    expect(scheduled.status).toBe('scheduled');
    expect((await findEffectiveForm(f.db, 'application', URUMQI))!.id).toBe(current.id);
    clock.advance(HOUR);
    expect((await findEffectiveForm(f.db, 'application', URUMQI))!.id).toBe(draft.id);
    expect((await findEffectiveForm(f.db, 'application', URUMQI, new Date(at.getTime() - 1), true))!.id).toBe(current.id);
    // The timed job brings the states in line with the clock.
    expect(await activateDueVersions(f.db)).toBeGreaterThanOrEqual(1); // with the rule version the earlier test left due
    const states = await f.db.selectFrom('form_versions').select(['id', 'status']).where('id', 'in', [current.id, draft.id]).execute();
    expect(Object.fromEntries(states.map((r) => [r.id, r.status]))).toEqual({ [current.id]: current.region_id === URUMQI ? 'archived' : 'published', [draft.id]: 'published' });
    expect(await activateDueVersions(f.db)).toBe(0);
  });
});
