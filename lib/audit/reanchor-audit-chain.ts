import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { appendAuditEvent } from './append-audit-event';
import { auditHash, auditPayload } from './audit-hash';
import { auditChainRows } from './audit-chain-rows';
import { auditContentOfRow } from './audit-row-content';
import { findSurrogateWitness } from './lone-surrogate-witness';
import { isReanchored, loadReanchorings, REANCHOR_ACTION, type ReanchoredRow } from './reanchoring';

const inputSchema = z.object({ reason: requiredText('重新锚定的原因', 500) });

export interface ReanchorResult {
  reanchoredRows: number[];
  /** The hash of the re-anchoring event itself, the chain's new head. */
  hash: string;
}

/**
 * The migration path for a chain holding rows written before text was checked at the boundary (a lone
 * surrogate hashed as sent, stored as U+FFFD). The whole chain is scanned; every row whose content no
 * longer matches its hash must be proven to differ only in that way (a surrogate witness), and then one
 * event is appended naming each such row with its recorded hash, the hash of its stored content and
 * the witness. Nothing is rewritten (the table is append-only); verification honours the event, and any
 * later change to those rows, or to any other, is detected again. A removed row, or a mismatch that is
 * not this encoding problem, is refused: it may be real tampering, which re-anchoring must never hide.
 */
export async function reanchorAuditChain(db: Kysely<Database>, actor: Actor, input: unknown): Promise<ReanchorResult> {
  if (actor.role !== 'platform_admin') throw new DomainError('FORBIDDEN', '只有平台管理员可以重新锚定审计链');
  const { reason } = parseInput(inputSchema, input);
  const reanchorings = await loadReanchorings(db);
  const rows: ReanchoredRow[] = [];
  let previousHash: string | null = null;
  for await (const row of auditChainRows(db)) {
    if (row.prev_hash !== previousHash) {
      throw new DomainError('CONFLICT', `第 ${row.id} 条审计记录与前一条不衔接（可能有记录被删除），不能重新锚定，请按篡改处理`);
    }
    previousHash = row.hash;
    const content = auditContentOfRow(row);
    const storedContentHash = auditHash(row.prev_hash, content);
    if (storedContentHash === row.hash || isReanchored(row, storedContentHash, reanchorings)) continue;
    const surrogates = findSurrogateWitness(auditPayload(row.prev_hash, content), row.hash);
    if (!surrogates) {
      throw new DomainError(
        'CONFLICT',
        `第 ${row.id} 条审计记录的内容与其哈希不符，且不能归因于不成对代理项的旧编码问题（可能被篡改），不能重新锚定`,
      );
    }
    rows.push({ id: row.id, recordedHash: row.hash, storedContentHash, surrogates });
  }
  if (!rows.length) throw new DomainError('CONFLICT', '审计链中没有需要重新锚定的记录');
  const ids = rows.map((row) => row.id);
  const hash = await writeTransaction(db, (trx) =>
    appendAuditEvent(trx, actor, {
      action: REANCHOR_ACTION,
      entityType: 'audit_chain',
      entityId: ids.join(','),
      regionId: null,
      after: { rows },
      reason,
    }),
  );
  return { reanchoredRows: ids, hash };
}
