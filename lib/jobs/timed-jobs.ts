import { pruneRateLimitWindows } from '@/lib/http/rate-limit';
import { cancelUnpaidOrders } from '@/lib/orders/cancel-unpaid-orders';
import { resumeStatementImports } from '@/lib/payments/statement/resume-statement-imports';
import type { TimedJob } from './timed-job';
import { activateDueVersions } from '@/lib/versioning/activate-due-versions';
import { takeDailyAuditCheckpoint } from '@/lib/audit/audit-checkpoint';

/**
 * The platform's timed jobs. Each is also safe to run on many instances at once (row locks decide), so the
 * job_runs claim only spares the instances the same work: one sweep a minute, not one per instance.
 */
export const TIMED_JOBS: readonly TimedJob[] = [
  // The deadline sweep: unpaid orders past their deposit deadline are cancelled (and their applicants told).
  { name: 'cancel-unpaid-orders', everyMs: 60_000, run: cancelUnpaidOrders },
  // Sign-in and /verify counts older than a day are of no use to any limit.
  { name: 'prune-rate-limit-windows', everyMs: 60 * 60_000, run: pruneRateLimitWindows },
  // An import a dead process left running is picked up after its lease; it launches and returns.
  { name: 'resume-statement-imports', everyMs: 60_000, run: resumeStatementImports },
  // Scheduled rule and form versions whose 生效时间 has come are marked published (decisions follow the times anyway).
  { name: 'activate-scheduled-versions', everyMs: 60_000, run: activateDueVersions },
  // The daily signed checkpoint of the audit chain's head (compliance also takes one on demand).
  { name: 'audit-chain-checkpoint', everyMs: 24 * 60 * 60_000, run: takeDailyAuditCheckpoint },
];
