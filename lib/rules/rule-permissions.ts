import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';

/**
 * How far an actor may change a region's rules: `full` changes anything; `values` changes only the
 * values compared in conditions and the outcomes' parameters (the structure of every rule stays).
 */
export type RuleEditingMode = 'full' | 'values';

/** The editing mode a back-office writer has in a region, or why it has none. */
function editingModeOf(actor: Actor, regionId: string | null): RuleEditingMode | DomainError {
  if (actor.role === 'platform_admin') return 'full';
  if (regionId === null) return new DomainError('FORBIDDEN', '平台基线规则只能由平台管理员修改');
  if (actor.role !== 'operator' || regionId !== actor.regionId) return new DomainError('OTHER_REGION', '您只能编辑本区域的规则');
  if (actor.canEditRules) return 'full';
  if (actor.canEditRuleValues) return 'values';
  return new DomainError('FORBIDDEN', '您没有编辑规则的权限，请联系平台管理员授权');
}

/**
 * Rules decide money and eligibility, so editing them is a permission of its own: the platform
 * administrator edits the baseline (and may act for any region); a regional operator edits only its
 * own region's versions, and only when granted the rule-editing (or value-only) permission.
 */
export function ruleEditingMode(actor: Actor, regionId: string | null): RuleEditingMode {
  requireWriter(actor);
  const mode = editingModeOf(actor, regionId);
  if (mode instanceof DomainError) throw mode;
  return mode;
}

/** ruleEditingMode as a question, for what the back office offers: null when the actor may not edit there. */
export function mayEditRules(actor: Actor, regionId: string | null): RuleEditingMode | null {
  if (actor.role !== 'platform_admin' && actor.role !== 'operator') return null;
  const mode = editingModeOf(actor, regionId);
  return mode instanceof DomainError ? null : mode;
}

/** Any change at all: drafting, saving values, publishing. */
export function assertCanEditRules(actor: Actor, regionId: string | null): void {
  ruleEditingMode(actor, regionId);
}

/** Changes only a full rule editor makes: the structure of rules, a rollback to an older document. */
export function assertCanEditRuleStructure(actor: Actor, regionId: string | null): void {
  if (ruleEditingMode(actor, regionId) !== 'full') {
    throw new DomainError('RULE_STRUCTURE_FORBIDDEN', '您只有修改规则取值的权限：可以修改条件中的取值和结果参数，不能增删规则或条件、更换事实、运算符或结果类型');
  }
}

/**
 * The platform's test cases gate every region's publishing, so only the platform administrator changes
 * them; a region's own cases are kept by whoever may edit that region's rules.
 */
export function assertCanEditTestCases(actor: Actor, regionId: string | null): void {
  requireWriter(actor);
  if (regionId === null && actor.role !== 'platform_admin') throw new DomainError('FORBIDDEN', '平台测试用例只能由平台管理员维护；区域管理员可为本区域添加或覆盖测试用例');
  if (regionId !== null) assertCanEditRules(actor, regionId);
}
