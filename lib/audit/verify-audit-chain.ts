import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { auditHash } from './audit-hash';

export type AuditChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; problem: 'hash_mismatch' | 'link_mismatch'; message: string };

const BATCH = 500;

/**
 * Walks the chain from the first row: each row must link to the hash of the row before it and its own
 * hash must match its content. The first row that fails is named; rows after it are not trusted.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditChainReport> {
  let previousHash: string | null = null;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      if (row.prev_hash !== previousHash) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          problem: 'link_mismatch',
          message: `第 ${row.id} 条审计记录与前一条不衔接（前一条可能被删除或替换）`,
        };
      }
      const expected = auditHash(row.prev_hash, {
        occurredAt: row.occurred_at,
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        actorRole: row.actor_role,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        regionId: row.region_id,
        before: row.before,
        after: row.after,
        reason: row.reason,
      });
      if (expected !== row.hash) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          problem: 'hash_mismatch',
          message: `第 ${row.id} 条审计记录的内容与其哈希不符（记录被篡改）`,
        };
      }
      previousHash = row.hash;
      afterId = row.id;
      checked++;
    }
    if (rows.length < BATCH) return { ok: true, checked };
  }
}
