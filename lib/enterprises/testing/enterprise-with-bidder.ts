import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, EnterpriseStatus } from '@/db/database';
import { usccCheckCharacter } from '@/forms/formats/uscc';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/** The check character of an 8-digit organization code (GB 11714), which characters 9–17 of a USCC are. */
function organizationCode(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const rest = 11 - (body.split('').reduce((sum, c, i) => sum + Number(c) * weights[i]!, 0) % 11);
  return body + (rest === 11 ? '0' : rest === 10 ? 'X' : String(rest));
}

/**
 * A credit code of 乌鲁木齐市 (企业, 工商) no other enterprise has, correct in both its check characters: the
 * organization code's (GB 11714) and the whole code's (GB 32100).
 */
export function freshUscc(): string {
  const first17 = `91650100${organizationCode(digits(8))}`;
  return first17 + usccCheckCharacter(first17);
}

export interface EnterpriseWithBidder {
  enterpriseId: string;
  uscc: string;
  name: string;
  bidder: Actor;
}

/**
 * For tests: an enterprise put straight into the database in `status` (待认证审核 unless told), as the
 * registration would leave it, with one bidder account that registered it. `regionId: null` makes one of
 * the enterprises from before registration existed.
 */
export async function enterpriseWithBidder(
  db: Kysely<Database>,
  { status = 'pending_review', regionId = '650100', reviewReason = null }: { status?: EnterpriseStatus; regionId?: string | null; reviewReason?: string | null } = {},
): Promise<EnterpriseWithBidder> {
  const uscc = freshUscc();
  const name = `新疆测试建材有限公司${uscc.slice(8, 14)}`;
  const phone = `137${digits(8)}`;
  const enterprise = await db
    .insertInto('enterprises')
    .values({
      name, uscc, region_id: regionId, status, review_reason: reviewReason,
      legal_representative: '测试法人', contact_name: '测试联系人', contact_phone: phone, email: 'test@example.cn',
      basic_account_bank: '中国银行乌鲁木齐分行', basic_account_name: name, basic_account_number: `6217${digits(12)}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ phone, display_name: '测试投标人', password_hash: 'not-a-real-hash', role: 'bidder', enterprise_id: enterprise.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('enterprises').set({ registered_by: user.id }).where('id', '=', enterprise.id).execute();
  const bidder = await loadActor(db, { phone });
  if (!bidder) throw new Error('test bidder missing');
  return { enterpriseId: enterprise.id, uscc, name, bidder };
}
