import type { Kysely } from 'kysely';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from '@/db/database';
import {
  daysFrom, DEMO_PASSWORD, demoEnterprises, demoInsurers, demoNotice, demoProducts, demoProjects, demoRegions, demoUsers,
} from './demo-data';

/**
 * Seeds the demo data once: a database that already has users is left alone, so restarting the app
 * keeps whatever the demo users changed.
 */
export async function seedDemo(db: Kysely<Database>, at: Date): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing) return false;

    await trx.insertInto('regions').values(demoRegions).onConflict((oc) => oc.doNothing()).execute();

    const enterpriseIds = new Map<string, string>();
    for (const { key, ...enterprise } of demoEnterprises) {
      const row = await trx.insertInto('enterprises').values(enterprise).returning('id').executeTakeFirstOrThrow();
      enterpriseIds.set(key, row.id);
    }

    await trx
      .insertInto('users')
      .values(
        demoUsers.map((u) => ({
          phone: u.phone,
          display_name: u.name,
          password_hash: passwordHash,
          role: u.role,
          region_id: u.region ?? null,
          enterprise_id: u.enterprise ? enterpriseIds.get(u.enterprise)! : null,
          can_edit_rules: u.canEditRules ?? false,
          can_edit_rule_values: u.canEditRuleValues ?? false,
        })),
      )
      .execute();
    // Each demo enterprise's bidder registered it, so it is the one who approves people asking to join.
    for (const [key, enterpriseId] of enterpriseIds) {
      const first = demoUsers.find((u) => u.enterprise === key)!;
      await trx
        .updateTable('enterprises')
        .set((eb) => ({ registered_by: eb.selectFrom('users').select('id').where('phone', '=', first.phone) }))
        .where('id', '=', enterpriseId)
        .execute();
    }

    // The demo's one-person journeys (an operator drafts and publishes) keep working: its scopes start with
    // the four-eyes approval switched off, which the platform administrator switches on in 变更审核设置.
    // A scope without a setting (any real deployment's) requires approval.
    await trx
      .insertInto('version_approval_settings')
      .values(['baseline', ...demoRegions.map((r) => r.id)].map((scope) => ({ scope, approval_required: false, updated_at: at })))
      .execute();

    const insurerIds = new Map<string, string>();
    for (const { key, region, ...insurer } of demoInsurers) {
      const row = await trx
        .insertInto('insurers')
        .values({ ...insurer, region_id: region, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      insurerIds.set(key, row.id);
    }

    await trx
      .insertInto('products')
      .values(
        demoProducts.map(({ insurer, ...product }) => ({
          ...product,
          insurer_id: insurerIds.get(insurer)!,
          notice: demoNotice,
          updated_at: at,
        })),
      )
      .execute();

    for (const { region, sections, depositDeadlineInDays, bidOpeningInDays, ...project } of demoProjects) {
      const row = await trx
        .insertInto('projects')
        .values({
          ...project,
          region_id: region,
          deposit_deadline: daysFrom(at, depositDeadlineInDays),
          bid_opening_at: daysFrom(at, bidOpeningInDays),
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('sections')
        .values(sections.map((s) => ({ ...s, project_id: row.id })))
        .execute();
    }
    return true;
  });
}
