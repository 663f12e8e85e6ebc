import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from './actor';
import { requireWriter } from './authorize';

/**
 * For what only a platform administrator may change (regions, staff accounts). Compliance is told it only
 * reads and a bidder that it has no back office, as everywhere else, before an operator is told this.
 */
export function requirePlatformAdmin(actor: Actor, what: string): void {
  requireWriter(actor);
  if (actor.role !== 'platform_admin') throw new DomainError('FORBIDDEN', `只有平台管理员可以${what}`);
}
