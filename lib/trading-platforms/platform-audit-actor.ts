import type { AuditActor } from '@/lib/audit/append-audit-event';
import type { SignedPlatform } from './platform-request';

/**
 * A signed request's platform as the audit chain names it: no user, role `trading_platform`, and in the
 * label its name and code — 新疆公共资源交易网（xj-ggzy） — where a person's name and phone would be.
 */
export function platformAuditActor(platform: Pick<SignedPlatform, 'name' | 'code'>): AuditActor {
  return { userId: null, role: 'trading_platform', name: platform.name, phone: platform.code };
}
