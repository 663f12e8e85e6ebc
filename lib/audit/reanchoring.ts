import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuditEvent, Database } from '@/db/database';
import { auditPayload, sha256Hex } from './audit-hash';
import { auditContentOfRow } from './audit-row-content';
import { withWitness } from './lone-surrogate-witness';

export const REANCHOR_ACTION = 'audit_chain.reanchor';

/** What a re-anchoring event records for each row it accepts (its `after`). */
export const reanchoredRowSchema = z.object({
  id: z.number().int().positive(),
  /** The hash written with the row, which the next row links to. */
  recordedHash: z.string(),
  /** The hash of the row's content as stored: the row's new base, pinning exactly what it holds now. */
  storedContentHash: z.string(),
  /** See lone-surrogate-witness.ts. */
  surrogates: z.array(z.string().regex(/^d[89a-f][0-9a-f]{2}$/).nullable()),
});
export type ReanchoredRow = z.infer<typeof reanchoredRowSchema>;

const reanchorEventSchema = z.object({ rows: z.array(reanchoredRowSchema) });

export interface Reanchoring extends ReanchoredRow {
  /** The re-anchoring event; it is itself a link of the chain and verified as one. */
  eventId: number;
}

/** Every row accepted by a re-anchoring event, by row id. A malformed event accepts nothing. */
export async function loadReanchorings(db: Kysely<Database>): Promise<Map<number, Reanchoring>> {
  const events = await db.selectFrom('audit_events').select(['id', 'after']).where('action', '=', REANCHOR_ACTION).orderBy('id').execute();
  const accepted = new Map<number, Reanchoring>();
  for (const event of events) {
    const parsed = reanchorEventSchema.safeParse(event.after);
    if (!parsed.success) continue;
    for (const row of parsed.data.rows) if (row.id < event.id) accepted.set(row.id, { ...row, eventId: event.id });
  }
  return accepted;
}

/**
 * A row whose content does not match its hash is still sound if a later re-anchoring event names it,
 * with the hash it was written with and the hash of what it holds now, and its witness reproduces the
 * recorded hash from the stored content. The witness is checked here again, not trusted from the event:
 * an event forged to cover a real change could not supply one.
 */
export function isReanchored(row: AuditEvent, storedContentHash: string, reanchorings: Map<number, Reanchoring>): boolean {
  const reanchoring = reanchorings.get(row.id);
  if (!reanchoring) return false;
  if (reanchoring.recordedHash !== row.hash || reanchoring.storedContentHash !== storedContentHash) return false;
  const payload = auditPayload(row.prev_hash, auditContentOfRow(row));
  return sha256Hex(withWitness(payload, reanchoring.surrogates)) === row.hash;
}
