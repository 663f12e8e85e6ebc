import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { formatDateTime } from '@/lib/time/format';
import { parseInput } from '@/lib/validation/parse-input';
import { getRuleSetCatalog, isRuleSetKey, type RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { summarizeOutcome } from '@/rules/explain-decision';
import { AUDIT_ENTITY_LABELS, auditActionLabel } from './audit-labels';
import { summarizeVersionChange } from './summarize-version-change';
import { requireAllRegionsOverseer } from './require-all-regions-overseer';

export const complianceReportInput = z.object({
  from: z.string().refine((v) => !Number.isNaN(Date.parse(v)), { error: '开始时间无效' }).transform((v) => new Date(v)),
  to: z.string().refine((v) => !Number.isNaN(Date.parse(v)), { error: '结束时间无效' }).transform((v) => new Date(v)),
  // An empty choice on the screen is 全部区域.
  region_id: z.string().regex(/^(\d{6})?$/, { error: '区域无效' }).nullish().transform((v) => v || null),
});

export interface ComplianceChange {
  at: Date;
  actor: string;
  action: string;
  entity: string;
  /** What changed, by name: `规则：开具发票规则` or `表单：投保信息` (the form's title), or the approval setting's scope. */
  subject: string;
  version: number | null;
  reason: string | null;
  /** Who approved this version (四眼原则), if anyone has. */
  approver: string | null;
  /** The change in business language (summarizeVersionChange), for publications and setting changes. */
  summary: string | null;
}

export interface ComplianceReport {
  period: { from: Date; to: Date; region_id: string | null; region_label: string };
  changes: ComplianceChange[];
  /** Per rule set and outcome, the outcome as the decision log words it. */
  decisions: { rule_set: string; outcome: string; count: number }[];
}

/**
 * 合规报告 for a period and a region (and the baseline, which decides there too): every rule and form
 * change from the audit chain — who, when, what, why (an approval names its approver as the actor and
 * carries the author's reason and the review comment), the version's approver and what changed — and
 * the decisions per rule set and outcome.
 */
export async function complianceReport(db: Kysely<Database>, actor: Actor, raw: unknown): Promise<ComplianceReport> {
  requireAllRegionsOverseer(actor, '下载合规报告');
  const input = parseInput(complianceReportInput, raw);
  if (input.to <= input.from) throw new DomainError('VALIDATION_FAILED', '结束时间须晚于开始时间', { to: '结束时间须晚于开始时间' });
  let regionLabel = '全部区域（含平台基线）';
  if (input.region_id !== null) {
    const region = await db.selectFrom('regions').select('name').where('id', '=', input.region_id).executeTakeFirst();
    if (!region) throw new DomainError('VALIDATION_FAILED', '区域不存在', { region_id: '区域不存在' });
    regionLabel = `${region.name}（含平台基线）`;
  }
  const inRegion = input.region_id === null ? sql<boolean>`true` : sql<boolean>`(region_id is null or region_id = ${input.region_id})`;
  const events = await db
    .selectFrom('audit_events')
    .select(['occurred_at', 'actor_label', 'action', 'entity_type', 'entity_id', 'region_id', 'before', 'after', 'reason'])
    .where('entity_type', 'in', ['rule_version', 'form_version', 'version_approval_setting'])
    .where('occurred_at', '>=', input.from)
    .where('occurred_at', '<', input.to)
    .where(inRegion)
    .orderBy('id')
    .execute();
  const subjects = await versionSubjects(db, events);
  const regionNames = new Map((await db.selectFrom('regions').select(['id', 'name']).execute()).map((r) => [r.id, r.name]));
  const changes = events.map((e) => {
    const known = subjects.get(e.entity_id);
    return {
      at: e.occurred_at,
      actor: e.actor_label,
      action: auditActionLabel(e.action),
      entity: AUDIT_ENTITY_LABELS[e.entity_type] ?? e.entity_type,
      subject: known?.subject ?? (e.entity_type === 'version_approval_setting' ? `审核设置：${e.entity_id === 'baseline' ? '平台基线' : (regionNames.get(e.entity_id) ?? e.entity_id)}` : ''),
      version: (e.after as { version?: number } | null)?.version ?? known?.version ?? null,
      reason: e.reason,
      approver: known?.approver ?? null,
      summary: summarizeVersionChange(e.action, e.entity_type, e.before, e.after, e.region_id),
    };
  });
  const { rows } = await sql<{ rule_set_key: string; outcome: unknown; count: string }>`
    select rule_set_key, outcome, count(*) as count from rule_decisions
     where decided_at >= ${input.from} and decided_at < ${input.to} and ${inRegion}
     group by rule_set_key, outcome order by rule_set_key`.execute(db);
  // Outcomes that differ only in detail the summary leaves out count together.
  const counted = new Map<string, { rule_set: string; outcome: string; count: number }>();
  for (const r of rows) {
    const known = isRuleSetKey(r.rule_set_key);
    const outcome = typeof r.outcome === 'string' ? JSON.parse(r.outcome) : r.outcome;
    const row = {
      rule_set: known ? getRuleSetCatalog(r.rule_set_key as RuleSetKey).label : r.rule_set_key,
      outcome: known ? summarizeOutcome(r.rule_set_key as RuleSetKey, outcome as never) : JSON.stringify(outcome),
      count: Number(r.count),
    };
    const key = `${row.rule_set}\u0000${row.outcome}`;
    const seen = counted.get(key);
    if (seen) seen.count += row.count;
    else counted.set(key, row);
  }
  const decisions = [...counted.values()].sort((a, b) => a.rule_set.localeCompare(b.rule_set, 'zh-CN') || b.count - a.count);
  return { period: { from: input.from, to: input.to, region_id: input.region_id, region_label: regionLabel }, changes, decisions };
}

type Subject = { subject: string; version: number; approver: string | null };

/** The rule set or form (by its title) each audited version belongs to, and who approved it. */
async function versionSubjects(db: Kysely<Database>, events: { entity_type: string; entity_id: string }[]): Promise<Map<string, Subject>> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.entity_type === type).map((e) => e.entity_id))].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const found = new Map<string, Subject>();
  const approver = (table: string) =>
    sql<string | null>`(select u.display_name from version_reviews r join users u on u.id = r.actor_id
      where r.version_table = ${table} and r.version_id = v.id and r.step = 'approve' order by r.id desc limit 1)`;
  const ruleIds = ids('rule_version');
  if (ruleIds.length) {
    const rules = await db.selectFrom('rule_set_versions as v').select(['v.id', 'v.rule_set_key', 'v.version', approver('rule_set_versions').as('approver')]).where('v.id', 'in', ruleIds).execute();
    for (const r of rules) {
      const label = isRuleSetKey(r.rule_set_key) ? getRuleSetCatalog(r.rule_set_key).label : r.rule_set_key;
      found.set(r.id, { subject: `规则：${label}`, version: r.version, approver: r.approver });
    }
  }
  const formIds = ids('form_version');
  if (formIds.length) {
    const forms = await db.selectFrom('form_versions as v').select(['v.id', 'v.form_key', 'v.version', sql<string | null>`v.schema->>'title'`.as('title'), approver('form_versions').as('approver')]).where('v.id', 'in', formIds).execute();
    for (const f of forms) found.set(f.id, { subject: `表单：${f.title ?? f.form_key}`, version: f.version, approver: f.approver });
  }
  return found;
}

const cell = (v: unknown) => {
  const text = v === null || v === undefined ? '' : String(v);
  // Quoted always; a leading = + - @ is defused so a spreadsheet never runs it as a formula.
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
};

/** The report as CSV (UTF-8 with BOM, so spreadsheet software reads the Chinese correctly). */
export function complianceReportCsv(report: ComplianceReport): string {
  const lines = [
    ['规则和表单变更'],
    ['区域', report.period.region_label, '期间', `${formatDateTime(report.period.from)} 至 ${formatDateTime(report.period.to)}`],
    ['时间', '操作人', '操作', '对象', '名称', '版本', '原因 / 审核意见', '审核人', '变更摘要'],
    ...report.changes.map((c) => [formatDateTime(c.at), c.actor, c.action, c.entity, c.subject, c.version ?? '', c.reason ?? '', c.approver ?? '', c.summary ?? '']),
    [],
    ['决策统计'],
    ['规则集', '结果', '次数'],
    ...report.decisions.map((d) => [d.rule_set, d.outcome, d.count]),
  ];
  return '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}
