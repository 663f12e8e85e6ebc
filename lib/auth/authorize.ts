import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from './actor';

/** `null` means every region; otherwise the only region the actor may see. */
export type RegionScope = string | null;

export function requireBackOffice(actor: Actor): void {
  if (actor.role === 'bidder') throw new DomainError('FORBIDDEN', '投标人账号无权访问管理后台');
}

export function readableRegions(actor: Actor): RegionScope {
  requireBackOffice(actor);
  return actor.role === 'operator' ? actor.regionId : null;
}

/** A record without a region (the platform baseline) is readable by the whole back office. */
export function assertCanRead(actor: Actor, regionId: string | null): void {
  const scope = readableRegions(actor);
  if (scope !== null && regionId !== null && regionId !== scope) {
    throw new DomainError('OTHER_REGION', '您只能查看本区域的数据');
  }
}

/** Checked before anything else about a write, so a read-only caller learns nothing from validation. */
export function requireWriter(actor: Actor): void {
  requireBackOffice(actor);
  if (actor.role === 'compliance') throw new DomainError('READ_ONLY_ROLE', '合规审计账号为只读，不能修改数据');
}

export function assertCanWrite(actor: Actor, regionId: string | null): void {
  requireWriter(actor);
  if (actor.role === 'operator' && regionId !== actor.regionId) {
    throw new DomainError('OTHER_REGION', '您只能管理本区域的数据');
  }
}

/** assertCanWrite as a question: for read models that say which actions the reader may take. */
export function mayWrite(actor: Actor, regionId: string | null): boolean {
  return actor.role === 'platform_admin' || (actor.role === 'operator' && regionId === actor.regionId);
}
