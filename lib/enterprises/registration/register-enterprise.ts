import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import type { Actor } from '@/lib/auth/actor';
import { withConfirmedMobile } from '@/lib/auth/mobile-codes/with-confirmed-mobile';
import { hashPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { assertWellFormedText } from '@/lib/validation/well-formed-text';
import { assertPhoneFree, lockPhone } from './phone-availability';
import { holdBackFloods } from './registration-limits';
import { parseRegistration, usccField, type JoinRegistration, type NewEnterpriseRegistration } from './registration-schema';

export type RegistrationOutcome =
  /** A new enterprise (待认证审核) and its first user, who may sign in at once. */
  | { kind: 'registered'; enterpriseId: string; enterpriseName: string; userId: string }
  /** The USCC was on the platform already: a request to join it, for its first user to decide. */
  | { kind: 'join_requested'; enterpriseId: string; enterpriseName: string; requestId: string };

type ExistingEnterprise = { id: string; name: string; region_id: string | null };

/**
 * 企业注册 (/register, no account needed). One enterprise per 统一社会信用代码: a new code creates the
 * enterprise, waiting for its region's 企业认证审核, and the registering person as its first bidder user;
 * a code already on the platform makes the registration a request to join that enterprise instead, and the
 * enterprise's fields are ignored. Everything is checked before the mobile code is looked at, so a refused
 * form costs no code and no try; the code is then used up in the same transaction as what it confirms.
 */
export async function registerEnterprise(db: Kysely<Database>, input: unknown, clientAddress: string): Promise<RegistrationOutcome> {
  await holdBackFloods(db, 'submitsPerHour', clientAddress);
  assertWellFormedText(input);
  const existing = await enterpriseByUscc(db, (input as { uscc?: unknown } | null)?.uscc);
  const data = existing ? parseRegistration(input, true) : parseRegistration(input, false);
  await assertPhoneFree(db, data.phone);
  if (!existing) await assertActiveRegion(db, (data as NewEnterpriseRegistration).regionId);
  return withConfirmedMobile(db, { phone: data.phone, purpose: 'register', code: data.code }, async (trx) => {
    await lockPhone(trx, data.phone);
    await assertPhoneFree(trx, data.phone);
    // Hashed (slowly, on purpose) only once the code is confirmed, so a stream of bad codes costs little.
    const passwordHash = await hashPassword(data.password);
    return existing ? requestToJoin(trx, existing, data, passwordHash) : createEnterprise(trx, data as NewEnterpriseRegistration, passwordHash);
  });
}

/** The enterprise a well-formed USCC names, if it is on the platform; a malformed one is the form's to report. */
export async function enterpriseByUscc(db: Kysely<Database>, raw: unknown): Promise<ExistingEnterprise | undefined> {
  const uscc = usccField.safeParse(raw);
  if (!uscc.success) return undefined;
  return db.selectFrom('enterprises').select(['id', 'name', 'region_id']).where('uscc', '=', uscc.data).executeTakeFirst();
}

async function assertActiveRegion(db: Kysely<Database>, regionId: string): Promise<void> {
  const region = await db.selectFrom('regions').select('id').where('id', '=', regionId).where('active', '=', true).executeTakeFirst();
  if (!region) throw new DomainError('VALIDATION_FAILED', '提交的信息有误：请选择有效的所属区域', { regionId: '请选择有效的所属区域' });
}

async function createEnterprise(trx: Transaction<Database>, data: NewEnterpriseRegistration, passwordHash: string): Promise<RegistrationOutcome> {
  const at = now();
  const enterprise = await trx
    .insertInto('enterprises')
    .values({
      name: data.enterpriseName,
      uscc: data.uscc,
      legal_representative: data.legalRepresentative,
      contact_name: data.contactName,
      contact_phone: data.contactPhone,
      email: data.email,
      basic_account_bank: data.basicAccountBank,
      basic_account_name: data.basicAccountName,
      basic_account_number: data.basicAccountNumber,
      region_id: data.regionId,
      // Where the enterprise lifecycle starts (enterpriseLifecycle.initial): waiting for 企业认证审核.
      status: 'pending_review',
      created_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const user = await trx
    .insertInto('users')
    .values({ phone: data.phone, display_name: data.personName, password_hash: passwordHash, role: 'bidder', enterprise_id: enterprise.id, created_at: at })
    .returning(['id', 'phone', 'display_name'])
    .executeTakeFirstOrThrow();
  await trx.updateTable('enterprises').set({ registered_by: user.id }).where('id', '=', enterprise.id).execute();
  const registrant: Actor = {
    userId: user.id, role: 'bidder', name: user.display_name, phone: user.phone, regionId: null, enterpriseId: enterprise.id,
    canEditRules: false, canEditRuleValues: false,
  };
  await appendAuditEvent(trx, registrant, {
    action: 'enterprise.register',
    entityType: 'enterprise',
    entityId: enterprise.id,
    regionId: enterprise.region_id,
    after: { ...enterprise, registered_by: user.id, first_user: { id: user.id, display_name: user.display_name, phone: user.phone } },
  });
  return { kind: 'registered', enterpriseId: enterprise.id, enterpriseName: enterprise.name, userId: user.id };
}

async function requestToJoin(trx: Transaction<Database>, enterprise: ExistingEnterprise, data: JoinRegistration, passwordHash: string): Promise<RegistrationOutcome> {
  const request = await trx
    .insertInto('enterprise_join_requests')
    .values({ enterprise_id: enterprise.id, display_name: data.personName, phone: data.phone, password_hash: passwordHash, created_at: now() })
    .returning(['id', 'enterprise_id', 'display_name', 'phone', 'status', 'created_at'])
    .executeTakeFirstOrThrow();
  // The person has no account until the enterprise's first user approves: recorded by name and phone.
  await appendAuditEvent(trx, { userId: null, role: 'bidder', name: data.personName, phone: data.phone }, {
    action: 'enterprise.join_request',
    entityType: 'enterprise_join_request',
    entityId: request.id,
    regionId: enterprise.region_id,
    after: { ...request, enterprise_name: enterprise.name },
  });
  return { kind: 'join_requested', enterpriseId: enterprise.id, enterpriseName: enterprise.name, requestId: request.id };
}
