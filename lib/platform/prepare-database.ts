import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { migrateToLatest } from '@/db/migrate';
import { isDemoMode } from '@/lib/config/runtime-config';
import { now } from '@/lib/time/clock';
import { installPlatformDefaults } from './install-platform-defaults';
import { seedDemo } from './seed-demo';
import { seedDemoOrders } from './seed-demo-orders';

export interface PreparedDatabase {
  /** The migrations this call applied (none when the schema was up to date). */
  migrationsApplied: string[];
  /** Whether the demo data was seeded now (demo mode, and a database without users). */
  demoSeeded: boolean;
}

/**
 * What a database gets before anything uses it, from the app's first request and from the command-line
 * tools alike: the migrations, the platform's defaults, and in demo mode the demo data (only into a
 * database without users). Shared so that `npm run admin:create` on a new database leaves it as the app
 * would have: run first on the embedded demo database, it must not leave it with one user and so keep
 * the demo data out for good.
 */
export async function prepareDatabase(db: Kysely<Database>, at: Date = now()): Promise<PreparedDatabase> {
  const migrated = await migrateToLatest(db);
  await installPlatformDefaults(db, at);
  const demoSeeded = isDemoMode() ? await seedDemo(db, at) : false;
  // Only with the base demo data just seeded: its sections are open now, so the demo orders can be applied for.
  if (demoSeeded) await seedDemoOrders(db);
  return { migrationsApplied: migrated.results?.map((r) => r.migrationName) ?? [], demoSeeded };
}
