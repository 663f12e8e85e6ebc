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
import { decide } from '@/lib/rules/decide';
import { complianceReport, complianceReportCsv } from './compliance-report';
import { downloadComplianceReport } from './download-compliance-report';
import { summarizeVersionChange } from './summarize-version-change';
import { pdfText } from '@/testing/pdf-text';

// Table cells wrap; the words are compared without pdftotext's line breaks.
const reportText = (bytes: Uint8Array) => pdfText(bytes).replace(/\s+/g, '');

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
    expect(report.changes.map((c) => [c.subject, c.approver])).toEqual(Array(3).fill(['规则：发票规则', '王芳（乌鲁木齐市）']));
    expect(report.changes.map((c) => c.summary)).toEqual([null, null, `本区域首个版本（v${draft.version}），此前使用平台基线`]);
    expect(report.changes.map((c) => [c.actor, c.action, c.version, c.reason])).toEqual([
      ['张伟（乌鲁木齐市）（13900000002）', '新建规则版本', draft.version, null],
      ['张伟（乌鲁木齐市）（13900000002）', '提交规则版本审核', draft.version, '试行数电票'],
      ['王芳（乌鲁木齐市）（13900000009）', '审核通过并发布规则版本', draft.version, '试行数电票（审核意见：同意）'],
    ]);
    const csv = complianceReportCsv(report);
    expect(csv.startsWith('\uFEFF"规则和表单变更"')).toBe(true);
    expect(csv).toContain('"王芳（乌鲁木齐市）（13900000009）","审核通过并发布规则版本","规则版本","规则：发票规则"');
    // Another region's changes are not in 克拉玛依's report; operators get no report.
    expect((await complianceReport(f.db, f.actors.compliance, { ...period, region_id: '650200' })).changes).toEqual([]);
    expect((await expectRefusal(complianceReport(f.db, f.actors.operator, period))).code).toBe('FORBIDDEN');
    expect((await expectRefusal(complianceReport(f.db, f.actors.compliance, { ...period, to: period.from }))).code).toBe('VALIDATION_FAILED');
  });

  it('names its file by the Beijing days of the period', async () => {
    // 00:00 Beijing on 15 March is still 14 March in UTC.
    const file = await downloadComplianceReport(f.db, f.actors.compliance, { from: '2026-03-15T00:00:00+08:00', to: '2026-03-16T00:00:00+08:00', region_id: '650100', format: 'csv' });
    expect(file.fileName).toBe('合规报告-650100-2026-03-15至2026-03-16.csv');
  });

  it('is a Chinese PDF with the changes and the decision statistics; an empty period says so; bad input is refused', async () => {
    clock.advance(3_600_000); // after the other test's changes, on the same database
    const from = clock.now();
    clock.advance(60_000);
    const draft = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: '650100' })) as RuleVersionRecord;
    await runCommand(f.db, f.actors.operator, ruleVersionResource, draft.id, 'submit', { body: { reason: '试行数电票' } });
    await runCommand(f.db, (await loadActor(f.db, { phone: DEMO_REVIEWER_PHONE }))!, ruleVersionResource, draft.id, 'approve', { body: { comment: '同意试行' } });
    for (const id of ['PDF-1', 'PDF-2']) {
      await decide(f.db, 'invoice-type', { bidOpened: false, medium: 'paper', invoiceType: 'ordinary' }, { region: '650100', subject: { type: 'invoice_request', id } });
    }
    await decide(f.db, 'invoice-type', { bidOpened: true, medium: 'paper', invoiceType: 'ordinary' }, { region: '650100', subject: { type: 'invoice_request', id: 'PDF-3' } });
    clock.advance(60_000);
    const period = { from: from.toISOString(), to: clock.now().toISOString(), region_id: '650100' };

    const file = await downloadComplianceReport(f.db, f.actors.compliance, { ...period, format: 'pdf' });
    expect(file.contentType).toBe('application/pdf');
    expect(file.fileName).toMatch(/^合规报告-650100-.*\.pdf$/);
    const text = reportText(file.content);
    expect(text).toContain('合规报告');
    expect(text).toContain('乌鲁木齐市（含平台基线）');
    expect(text).toContain('规则和表单变更（共3条）');
    for (const words of ['提交规则版本审核', '审核通过并发布规则版本', '试行数电票（审核意见：同意试行）', '规则：发票规则', '王芳（乌鲁木齐市）']) expect(text).toContain(words);
    expect(text).toContain('决策统计（共3次决策）');
    const report = await complianceReport(f.db, f.actors.compliance, period);
    expect(report.decisions.map((d) => [d.rule_set, d.count])).toEqual([['发票规则', 2], ['发票规则', 1]]);
    for (const d of report.decisions) expect(text).toContain(`${d.rule_set}${d.outcome}${d.count}`.replace(/\s+/g, ''));

    const long = new Date('2020-01-01T00:00:00Z');
    const empty = reportText((await downloadComplianceReport(f.db, f.actors.compliance, { from: long.toISOString(), to: new Date(long.getTime() + 3_600_000).toISOString(), format: 'pdf' })).content);
    expect(empty).toContain('全部区域');
    expect(empty).toContain('本期间内没有规则或表单变更。');
    expect(empty).toContain('本期间内没有规则决策。');

    const csv = new TextDecoder().decode((await downloadComplianceReport(f.db, f.actors.compliance, period)).content);
    expect(csv).toContain('"发票规则","不予开具：开标后方可申请发票","2"');

    for (const bad of [{ ...period, region_id: '999999' }, { ...period, region_id: 'x' }, { ...period, from: '昨天' }, { ...period, format: 'docx' }]) {
      const refusal = await expectRefusal(downloadComplianceReport(f.db, f.actors.compliance, bad));
      expect(refusal.code).toBe('VALIDATION_FAILED');
      expect(refusal.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await expectRefusal(downloadComplianceReport(f.db, f.actors.operator, { ...period, format: 'pdf' }))).code).toBe('FORBIDDEN');
  });
});

describe('变更摘要', () => {
  it('names added, removed and changed rules and form fields in business words', () => {
    const rule = (name: string, value = false) => ({ name, priority: 1, conditions: { all: [{ fact: 'bidOpened', operator: 'equal', value }] }, event: { type: 'refused' } });
    expect(summarizeVersionChange('rule_version.publish', 'rule_version', { version: 1, document: [rule('甲'), rule('乙')] }, { version: 2, document: [rule('甲', true), rule('丙')] }))
      .toBe('相对 v1：新增规则「丙」；删除规则「乙」；修改规则「甲」');
    expect(summarizeVersionChange('rule_version.approve', 'rule_version', null, { version: 1, document: [] })).toBe('首个版本（v1）');
    const form = (fields: Record<string, string>) => ({ type: 'object', properties: Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, { type: 'string', title: t }])) });
    expect(summarizeVersionChange('form_version.approve', 'form_version', { version: 3, schema: form({ a: '联系人' }), ui_schema: {} }, { version: 4, schema: form({ b: '联系电话' }), ui_schema: {} }))
      .toBe('相对 v3：新增字段「联系电话」；删除字段「联系人」');
    expect(summarizeVersionChange('form_version.approve', 'form_version', { version: 3, schema: form({ a: '联系人' }), ui_schema: {} }, { version: 4, schema: form({ a: '联系人' }), ui_schema: { a: { 'ui:widget': 'textarea' } } }))
      .toBe('相对 v3：修改了字段的标题、校验或显示方式');
    expect(summarizeVersionChange('version_approval_setting.update', 'version_approval_setting', { approval_required: true }, { approval_required: false })).toBe('需要审核 → 无需审核');
    expect(summarizeVersionChange('rule_version.submit', 'rule_version', null, { version: 2, document: [] })).toBeNull();
  });
});
