import { createDatabase } from '../db/create-database';
import { databaseTarget } from '../lib/config/runtime-config';
import { cancelUnpaidOrders } from '../lib/orders/cancel-unpaid-orders';

// `npm run jobs:cancel-unpaid`: the deadline sweep once, for a cron on a PostgreSQL deployment. The app
// also runs it every minute; running both (or many) at once is safe.
const db = createDatabase(databaseTarget());
try {
  console.log(`cancelled ${await cancelUnpaidOrders(db)} unpaid order(s) past their deposit deadline`);
} finally {
  await db.destroy();
}
