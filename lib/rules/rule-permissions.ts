import type { Actor } from '@/lib/auth/actor';
import { requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';

/**
 * Rules decide money and eligibility, so editing them is a permission of its own: the platform
 * administrator edits the baseline (and may act for any region); a regional operator edits only its
 * own region's versions, and only when granted the rule-editing permission.
 */
export function assertCanEditRules(actor: Actor, regionId: string | null): void {
  requireWriter(actor);
  if (actor.role === 'platform_admin') return;
  if (regionId === null) throw new DomainError('FORBIDDEN', '平台基线规则只能由平台管理员修改');
  if (actor.role !== 'operator' || regionId !== actor.regionId) throw new DomainError('OTHER_REGION', '您只能编辑本区域的规则');
  if (!actor.canEditRules) throw new DomainError('FORBIDDEN', '您没有编辑规则的权限，请联系平台管理员授权');
}

/** Test cases gate every region's publishing, so only the platform administrator changes them. */
export function assertCanEditTestCases(actor: Actor): void {
  requireWriter(actor);
  if (actor.role !== 'platform_admin') throw new DomainError('FORBIDDEN', '规则测试用例只能由平台管理员维护');
}
