import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { verifyAuditChain, type AuditChainReport } from './verify-audit-chain';

/** The chain spans every region, so only those who oversee all regions may check it. */
export async function checkAuditChain(db: Kysely<Database>, actor: Actor): Promise<AuditChainReport> {
  if (actor.role !== 'compliance' && actor.role !== 'platform_admin') {
    throw new DomainError('FORBIDDEN', '只有合规审计或平台管理员可以校验审计链');
  }
  return verifyAuditChain(db);
}
