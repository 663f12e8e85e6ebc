import { createHash } from 'node:crypto';

export interface AuditContent {
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  regionId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** JSON with object keys sorted at every depth: jsonb does not keep key order, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Every string (and key) as the database will keep it: a lone surrogate becomes U+FFFD, as it would on
 * its way into a text column. Input is refused before it gets here (parseInput); this is the second
 * line, so that nothing can make the hash describe other text than the row holds.
 */
export function toStoredText<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed() as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(toStoredText) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toWellFormed(), toStoredText(v)])) as T;
}

/** Makes a record safe to store in jsonb and to hash: dates become ISO strings, text as it is stored. */
export function toAuditJson(value: unknown): unknown {
  return value === undefined ? null : toStoredText(JSON.parse(JSON.stringify(value)) as unknown);
}

/** The exact text a row's hash is taken over: its content and the hash of the row before it. */
export function auditPayload(prevHash: string | null, content: AuditContent): string {
  return canonicalJson({
    prevHash,
    occurredAt: content.occurredAt.toISOString(),
    actorId: content.actorId,
    actorLabel: content.actorLabel,
    actorRole: content.actorRole,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    regionId: content.regionId,
    before: content.before,
    after: content.after,
    reason: content.reason,
  });
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export function auditHash(prevHash: string | null, content: AuditContent): string {
  return sha256Hex(auditPayload(prevHash, content));
}
