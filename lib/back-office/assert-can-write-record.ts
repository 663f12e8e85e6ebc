import type { Actor } from '@/lib/auth/actor';
import { assertCanWrite, requireWriter } from '@/lib/auth/authorize';
import type { AnyResource } from './resource-definition';

/**
 * May the actor write this record of this resource: in its own region, or a nationwide resource's
 * record of no region, which any writer maintains (compliance still never writes).
 */
export function assertCanWriteRecord(actor: Actor, resource: AnyResource, regionId: string | null): void {
  if (resource.nationwide && regionId === null) requireWriter(actor);
  else assertCanWrite(actor, regionId);
}
