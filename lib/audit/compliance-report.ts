import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { formatDateTime } from '@/lib/time/format';
import { parseInput } from '@/lib/validation/parse-input';
import { getRuleSetCatalog, isRuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { auditActionLabel } from './audit-labels';

export const complianceReportInput = z.object({
  from: z.string().refine((v) => !Number.isNaN(Date.parse(v)), { error: '开始时间无效' }).transform((v) => new Date(v)),
  to: z.string().refine((v) => !Number.isNaN(Date.parse(v)), { error: '结束时间无效' }).transform((v) => new Date(v)),
  region_id: z.string().regex(/^\d{6}$/, { error: '区域无效' }).nullish().transform((v) => v ?? null),
});

export interface ComplianceReport {
  changes: { at: Date; actor: string; action: string; entity: string; version: number | null; reason: string | null }[];
  decisions: { rule_set: string; outcome: string; count: number }[];
}

/**
 * 合规报告 for a period and a region (and the baseline, which decides there too): every rule and form
 * change from the audit chain — who, when, what, why (an approval names its approver as the actor and
 * carries the author's reason and the review comment) — and the decisions per rule set and outcome.
 */
export async function complianceReport(db: Kysely<Database>, actor: Actor, raw: unknown): Promise<ComplianceReport> {
  if (actor.role !== 'compliance' && actor.role !== 'platform_admin') throw new DomainError('FORBIDDEN', '只有合规审计或平台管理员可以下载合规报告');
  const input = parseInput(complianceReportInput, raw);
  if (input.to <= input.from) throw new DomainError('VALIDATION_FAILED', '结束时间须晚于开始时间', { to: '结束时间须晚于开始时间' });
  const inRegion = sql<boolean>`(region_id is null or region_id = ${input.region_id})`;
  const events = await db
    .selectFrom('audit_events')
    .select(['occurred_at', 'actor_label', 'action', 'entity_type', 'after', 'reason'])
    .where('entity_type', 'in', ['rule_version', 'form_version', 'version_approval_setting'])
    .where('occurred_at', '>=', input.from)
    .where('occurred_at', '<', input.to)
    .where(inRegion)
    .orderBy('id')
    .execute();
  const changes = events.map((e) => ({
    at: e.occurred_at,
    actor: e.actor_label,
    action: auditActionLabel(e.action),
    entity: e.entity_type === 'rule_version' ? '规则版本' : e.entity_type === 'form_version' ? '表单版本' : '变更审核设置',
    version: (e.after as { version?: number } | null)?.version ?? null,
    reason: e.reason,
  }));
  const { rows } = await sql<{ rule_set_key: string; outcome: string; count: string }>`
    select rule_set_key, outcome::text as outcome, count(*) as count from rule_decisions
     where decided_at >= ${input.from} and decided_at < ${input.to} and ${inRegion}
     group by rule_set_key, outcome::text order by rule_set_key, count(*) desc`.execute(db);
  const decisions = rows.map((r) => ({
    rule_set: isRuleSetKey(r.rule_set_key) ? getRuleSetCatalog(r.rule_set_key).label : r.rule_set_key,
    outcome: r.outcome,
    count: Number(r.count),
  }));
  return { changes, decisions };
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
    ['时间', '操作人', '操作', '对象', '版本', '原因 / 审核意见'],
    ...report.changes.map((c) => [formatDateTime(c.at), c.actor, c.action, c.entity, c.version ?? '', c.reason ?? '']),
    [],
    ['决策统计'],
    ['规则集', '结果', '次数'],
    ...report.decisions.map((d) => [d.rule_set, d.outcome, d.count]),
  ];
  return '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}
