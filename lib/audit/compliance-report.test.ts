import { describe, expect, it } from 'vitest';
import { DEMO_REVIEWER_PHONE } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { loadActor } from '@/lib/auth/load-actor';
import { createRecord } from '@/lib/back-office/create-record';
import { runCommand } from '@/lib/back-office/run-command';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { ruleVersionResource } from '@/lib/rules/rule-version-resource';
import { complianceReport, complianceReportCsv } from './compliance-report';

describe.each(testDatabaseKinds)('合规报告 on %s', (kind) => {
  const f = useDemoFixture(kind, { hookTimeout: 120_000 });
  const clock = useFixedClock();

  it('lists the period\'s rule changes with who, why and the approver, for compliance only', async () => {
    const from = clock.now();
    clock.advance(60_000);
    const draft = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: '650100' })) as RuleVersionRecord;
    await runCommand(f.db, f.actors.operator, ruleVersionResource, draft.id, 'submit', { body: { reason: '试行数电票' } });
    await runCommand(f.db, (await loadActor(f.db, { phone: DEMO_REVIEWER_PHONE }))!, ruleVersionResource, draft.id, 'approve', { body: { comment: '同意' } });
    clock.advance(60_000);
    const period = { from: from.toISOString(), to: clock.now().toISOString(), region_id: '650100' };
    const report = await complianceReport(f.db, f.actors.compliance, period);
    expect(report.changes.map((c) => [c.actor, c.action, c.version, c.reason])).toEqual([
      ['张伟（乌鲁木齐市）（13900000002）', '新建规则版本', draft.version, null],
      ['张伟（乌鲁木齐市）（13900000002）', '提交规则版本审核', draft.version, '试行数电票'],
      ['王芳（乌鲁木齐市）（13900000009）', '审核通过并发布规则版本', draft.version, '试行数电票（审核意见：同意）'],
    ]);
    const csv = complianceReportCsv(report);
    expect(csv.startsWith('\uFEFF"规则和表单变更"')).toBe(true);
    expect(csv).toContain('"王芳（乌鲁木齐市）（13900000009）","审核通过并发布规则版本","规则版本"');
    // Another region's changes are not in 克拉玛依's report; operators get no report.
    expect((await complianceReport(f.db, f.actors.compliance, { ...period, region_id: '650200' })).changes).toEqual([]);
    expect((await expectRefusal(complianceReport(f.db, f.actors.operator, period))).code).toBe('FORBIDDEN');
    expect((await expectRefusal(complianceReport(f.db, f.actors.compliance, { ...period, to: period.from }))).code).toBe('VALIDATION_FAILED');
  });
});
