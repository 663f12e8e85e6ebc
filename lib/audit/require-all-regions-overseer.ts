import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';

/**
 * The audit chain and the compliance report span every region, so only those who oversee all regions —
 * compliance and the platform administrator — may read, check or anchor them. `what` completes the refusal:
 * 只有合规审计或平台管理员可以{what}.
 */
export function requireAllRegionsOverseer(actor: Actor, what: string): void {
  if (actor.role !== 'compliance' && actor.role !== 'platform_admin') throw new DomainError('FORBIDDEN', `只有合规审计或平台管理员可以${what}`);
}
