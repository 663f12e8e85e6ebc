import { createDatabase } from '../db/create-database';
import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../lib/platform/seed-demo';
import { seedDemoOrders } from '../lib/platform/seed-demo-orders';
import { databaseTarget } from '../lib/config/runtime-config';

// `npm run db:seed`: migrates, then seeds the demo data into an empty database (a database with users is left alone).
const db = createDatabase(databaseTarget());
try {
  await migrateToLatest(db);
  const seeded = await seedDemo(db, new Date());
  if (seeded) await seedDemoOrders(db);
  console.log(seeded ? 'demo data seeded' : 'database already has users; nothing seeded');
} finally {
  await db.destroy();
}
