// For the outbox tests: one app instance's outbox worker as a process of its own, so a test can kill it
// (SIGKILL) in the middle of a delivery. Delivers callbacks only, signed with TEST_PLATFORM_SECRET.
import { createDatabase } from '@/db/create-database';
import { deliverDueOutboxMessages } from '@/lib/outbox/deliver-due-messages';
import { platformCallbackDeliverer } from '@/lib/outbox/deliver-platform-callback';

const db = createDatabase({ kind: 'postgres', url: process.env.TEST_WORKER_DATABASE_URL!, maxConnections: 2 });
const secret = process.env.TEST_PLATFORM_SECRET!;
const result = await deliverDueOutboxMessages(db, {
  deliverers: {
    platform_callback: platformCallbackDeliverer(async () => ({ secret, algorithm: 'sha256' })),
    email: async () => {
      throw new Error('no e-mail here');
    },
  },
});
console.log(JSON.stringify(result));
await db.destroy();
