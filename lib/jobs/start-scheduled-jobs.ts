import { getDb } from '@/lib/database';
import { pruneRateLimitWindows } from '@/lib/http/rate-limit';
import { cancelUnpaidOrders } from '@/lib/orders/cancel-unpaid-orders';
import { resumeStatementImports } from '@/lib/payments/statement/resume-statement-imports';

const EVERY_MS = 60_000;
const KEY = Symbol.for('bid-guarantee.scheduled-jobs');

/**
 * Timed work of the platform, run inside each app process. Every job is safe to run on many instances
 * at once (row locks decide), so a deployment of several instances needs no coordinator.
 */
export function startScheduledJobs(): void {
  const holder = globalThis as { [KEY]?: NodeJS.Timeout };
  if (holder[KEY] || process.env.DISABLE_SCHEDULED_JOBS === '1') return;
  // resumeStatementImports picks up an import a dead process left running; it launches and returns.
  const jobs = { cancelUnpaidOrders, pruneRateLimitWindows, resumeStatementImports };
  const run = async () => {
    for (const [name, job] of Object.entries(jobs)) {
      try {
        await job(await getDb());
      } catch (error) {
        console.error(`scheduled job failed: ${name}`, error);
      }
    }
  };
  holder[KEY] = setInterval(run, EVERY_MS);
  holder[KEY].unref();
}
