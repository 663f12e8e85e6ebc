import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { installBaselineHolidays } from '@/lib/calendar/install-baseline-holidays';
import { installBaselineForms } from '@/lib/forms/install-baseline-forms';
import { installBaselineRuleSets } from '@/lib/rules/install-baseline-rule-sets';

/** What every installation needs before its first request, demo or not: baseline rules and forms, official holidays. */
export async function installPlatformDefaults(db: Kysely<Database>, at: Date): Promise<void> {
  await installBaselineRuleSets(db, at);
  await installBaselineForms(db, at);
  await installBaselineHolidays(db);
}
