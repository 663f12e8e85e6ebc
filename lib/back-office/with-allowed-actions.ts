import type { Actor } from '@/lib/auth/actor';
import type { AnyResource, RegionalRecord } from './resource-definition';

/** The record as the back office is sent it: with what the reader may do to it now. */
export type RecordWithActions = RegionalRecord & { allowed_actions?: string[] };

export function withAllowedActions(resource: AnyResource, actor: Actor, row: RegionalRecord): RecordWithActions {
  return resource.allowedActions ? { ...row, allowed_actions: resource.allowedActions(row, actor) } : row;
}
