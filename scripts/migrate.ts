import { createDatabase } from '../db/create-database';
import { migrateToLatest } from '../db/migrate';
import { databaseTarget } from '../lib/config/runtime-config';

// `npm run db:migrate`: brings the configured database (DATABASE_URL, else the embedded one) up to date.
const target = databaseTarget();
const db = createDatabase(target);
try {
  const result = await migrateToLatest(db);
  const applied = result.results?.map((r) => r.migrationName) ?? [];
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.destroy();
}
