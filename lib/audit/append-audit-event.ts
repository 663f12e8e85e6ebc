import { sql, type Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { now } from '@/lib/time/clock';
import { auditHash, toAuditJson, toStoredText } from './audit-hash';
import { auditContentOfRow } from './audit-row-content';

export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId: string;
  regionId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Who made the change: a signed-in actor, someone without an account yet (a person asking to join an
 * enterprise), recorded by name and phone with no user id, or a trading platform's signed request (role
 * `trading_platform`, its name and code in place of a person's).
 */
export type AuditActor = Pick<Actor, 'name' | 'phone'> & { role: Actor['role'] | 'trading_platform'; userId: string | null };

// Any constant shared by all writers: appends take turns on it, so each new row links to the last one.
export const AUDIT_CHAIN_LOCK = 7_220_001;

/**
 * Appends one link to the audit chain inside the caller's transaction, so the change and its record
 * commit together or not at all. The hash is taken over the content as the database keeps it, and the
 * row is read back and hashed again before the transaction may commit: a value the database stores
 * differently from how it was sent aborts the change instead of leaving a row that fails verification.
 */
export async function appendAuditEvent(trx: Transaction<Database>, actor: AuditActor, event: AuditEventInput) {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const content = toStoredText({
    occurredAt: now(),
    actorId: actor.userId,
    actorLabel: `${actor.name}（${actor.phone}）`,
    actorRole: actor.role,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    regionId: event.regionId,
    before: toAuditJson(event.before),
    after: toAuditJson(event.after),
    reason: event.reason ?? null,
  });
  const prevHash = last?.hash ?? null;
  const hash = auditHash(prevHash, content);
  const stored = await trx
    .insertInto('audit_events')
    .values({
      occurred_at: content.occurredAt,
      actor_id: content.actorId,
      actor_label: content.actorLabel,
      actor_role: content.actorRole,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      region_id: content.regionId,
      before: content.before === null ? null : JSON.stringify(content.before),
      after: content.after === null ? null : JSON.stringify(content.after),
      reason: content.reason,
      prev_hash: prevHash,
      hash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (auditHash(stored.prev_hash, auditContentOfRow(stored)) !== hash) {
    throw new Error(`audit event ${stored.id} (${event.action}) would not verify as stored; the change is rolled back`);
  }
  return hash;
}
