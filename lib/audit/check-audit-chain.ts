import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { now } from '@/lib/time/clock';
import { verifyAuditChain, type AuditChainReport } from './verify-audit-chain';
import { requireAllRegionsOverseer } from './require-all-regions-overseer';

/** The chain check as the audit log's banner shows it: the report, when, and the last row verified. */
export type AuditChainCheck = AuditChainReport & { checkedAt: Date; lastVerifiedRow: number | null };

/** The chain spans every region, so only those who oversee all regions may check it. */
export async function checkAuditChain(db: Kysely<Database>, actor: Actor): Promise<AuditChainCheck> {
  requireAllRegionsOverseer(actor, '校验审计链');
  const report = await verifyAuditChain(db);
  // The walk reads the chain in id order and accepts its first `checked` rows: the last of them is the
  // last row verified (the one before a break, or the head the walk reached).
  const last = await db.selectFrom('audit_events').select('id').orderBy('id').offset(Math.max(report.checked - 1, 0)).limit(1).executeTakeFirst();
  return { ...report, checkedAt: now(), lastVerifiedRow: report.checked > 0 && last ? Number(last.id) : null };
}
