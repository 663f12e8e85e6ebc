import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { auditHash } from './audit-hash';
import { auditChainRows } from './audit-chain-rows';
import { auditContentOfRow } from './audit-row-content';
import { isReanchored, loadReanchorings } from './reanchoring';

export type AuditChainReport =
  | {
      ok: true;
      checked: number;
      /** Rows accepted by a re-anchoring event (reanchor-audit-chain.ts); present only when there are any. */
      reanchoredRows?: number[];
    }
  | { ok: false; checked: number; brokenAt: number; problem: 'hash_mismatch' | 'link_mismatch'; message: string };

/**
 * Walks the chain from the first row: each row must link to the hash of the row before it and its own
 * hash must match its content (or the row is accepted by a later re-anchoring event, which is itself
 * verified when the walk reaches it). The first row that fails is named; rows after it are not trusted.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditChainReport> {
  const reanchorings = await loadReanchorings(db);
  const reanchoredRows: number[] = [];
  let previousHash: string | null = null;
  let checked = 0;
  for await (const row of auditChainRows(db)) {
    if (row.prev_hash !== previousHash) {
      return {
        ok: false,
        checked,
        brokenAt: row.id,
        problem: 'link_mismatch',
        message: `第 ${row.id} 条审计记录与前一条不衔接（前一条可能被删除或替换）`,
      };
    }
    const expected = auditHash(row.prev_hash, auditContentOfRow(row));
    if (expected !== row.hash) {
      if (!isReanchored(row, expected, reanchorings)) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          problem: 'hash_mismatch',
          message: `第 ${row.id} 条审计记录的内容与其哈希不符（记录被篡改）`,
        };
      }
      reanchoredRows.push(row.id);
    }
    previousHash = row.hash;
    checked++;
  }
  return reanchoredRows.length ? { ok: true, checked, reanchoredRows } : { ok: true, checked };
}
