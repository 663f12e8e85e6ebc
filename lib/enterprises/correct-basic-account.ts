import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { readableRegions, requireWriter } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { parseInput } from '@/lib/validation/parse-input';
import { BASIC_ACCOUNT_COLUMNS, basicAccountInput } from './basic-account-input';
import { enterpriseResource, type EnterpriseRecord } from './enterprise-resource';
import { lockEnterpriseForChange } from './lock-enterprise-for-change';

const inputSchema = z.object({
  ...basicAccountInput,
  reason: z
    .string({ error: '请填写修正原因' })
    .trim()
    .min(2, { error: '请填写修正原因（至少 2 个字）' })
    .max(500, { error: '修正原因不能超过 500 个字符' }),
});

/**
 * 修正基本户: the enterprise's basic deposit account (基本存款账户) as the platform has it registered. It decides
 * whether a premium came from the enterprise itself (the payment-source rules) and whether a surrender's
 * refund may simply go back the way the premium came, so a correction needs a reason and leaves the old and
 * the new account in the audit chain. Every reader takes the account from the enterprise row when it needs
 * it (reconciliation, surrender, the application form's prefill, the bidder's pages); nothing keeps a copy,
 * so the correction holds from the next request on. Refunds already owed keep the payee they were given.
 */
export async function correctBasicAccount(db: Kysely<Database>, actor: Actor, rawId: string, input: unknown): Promise<EnterpriseRecord> {
  requireWriter(actor);
  const id = parseInput(enterpriseResource.idSchema, rawId);
  const { reason, ...account } = parseInput(inputSchema, input);
  return writeTransaction(db, async (trx) => {
    const { record, row } = await lockEnterpriseForChange(trx, actor, String(id));
    const before = Object.fromEntries(BASIC_ACCOUNT_COLUMNS.map((column) => [column, row[column]]));
    if (BASIC_ACCOUNT_COLUMNS.every((column) => row[column] === account[column])) {
      throw new DomainError('VALIDATION_FAILED', '基本户信息没有变化，无需修正');
    }
    await trx.updateTable('enterprises').set(account).where('id', '=', row.id).execute();
    await appendAuditEvent(trx, actor, {
      action: 'enterprise.correct_basic_account',
      entityType: 'enterprise',
      entityId: row.id,
      regionId: record.region_id,
      before,
      after: account,
      reason,
    });
    return (await enterpriseResource.findById(trx, row.id, readableRegions(actor)))!;
  });
}
