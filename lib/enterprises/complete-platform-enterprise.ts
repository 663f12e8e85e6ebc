import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { BASIC_ACCOUNT_COLUMNS, basicAccountInput } from './basic-account-input';

const inputSchema = z.object({
  legal_representative: requiredText('法定代表人', 50),
  email: z.email({ error: '电子邮箱格式不正确' }).max(200),
  ...basicAccountInput,
});

export interface EnterpriseCompletion {
  /** The enterprise still lacks its basic account (a trading platform created it): the form is shown. */
  needed: boolean;
  name: string;
  uscc: string;
}

/** Whether the bidder's enterprise still has its basic account to complete (only one a trading platform created). */
export async function enterpriseCompletion(db: Kysely<Database>, actor: Actor): Promise<EnterpriseCompletion | null> {
  if (actor.role !== 'bidder' || !actor.enterpriseId) return null;
  const e = await db.selectFrom('enterprises').select(['name', 'uscc', 'platform_id', 'basic_account_number']).where('id', '=', actor.enterpriseId).executeTakeFirst();
  if (!e) return null;
  return { needed: e.platform_id !== null && e.basic_account_number === '', name: e.name, uscc: e.uscc };
}

/**
 * 完善企业信息: an enterprise a trading platform created (trusted, so no 企业认证审核) gives its legal
 * representative, e-mail and basic account before it applies — once; afterwards a correction of the basic
 * account is an operator's 修正基本户, with a reason, as for every other enterprise.
 */
export async function completePlatformEnterprise(db: Kysely<Database>, actor: Actor, input: unknown): Promise<void> {
  if (actor.role !== 'bidder' || !actor.enterpriseId) throw new DomainError('FORBIDDEN', '只有投标企业的用户可以完善企业信息');
  const data = parseInput(inputSchema, input);
  await writeTransaction(db, async (trx) => {
    const before = await trx.selectFrom('enterprises').selectAll().where('id', '=', actor.enterpriseId!).forUpdate().executeTakeFirstOrThrow();
    if (!before.platform_id || before.basic_account_number !== '') {
      throw new DomainError('CONFLICT', '企业信息已完善；如需修正基本户，请联系区域管理员');
    }
    await trx.updateTable('enterprises').set(data).where('id', '=', before.id).execute();
    await appendAuditEvent(trx, actor, {
      action: 'enterprise.complete_profile',
      entityType: 'enterprise',
      entityId: before.id,
      regionId: before.region_id,
      before: Object.fromEntries((['legal_representative', 'email', ...BASIC_ACCOUNT_COLUMNS] as const).map((column) => [column, before[column]])),
      after: data,
    });
  });
}
