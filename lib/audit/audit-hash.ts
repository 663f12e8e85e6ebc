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

/** Makes a record safe to store in jsonb and to hash: dates become ISO strings. */
export function toAuditJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export function auditHash(prevHash: string | null, content: AuditContent): string {
  const payload = canonicalJson({
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
  return createHash('sha256').update(payload).digest('hex');
}
