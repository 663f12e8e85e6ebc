import { getDb } from '@/lib/database';
import { startBackgroundLoop, type BackgroundLoop } from './background-loop';
import { runDueTimedJobs } from './run-due-timed-jobs';
import { TIMED_JOBS } from './timed-jobs';

/** How often an instance looks whether a timed job is due; the jobs' own periods are a minute and more. */
const POLL_MS = 10_000;
const KEY = Symbol.for('bid-guarantee.scheduled-jobs');
const holder = globalThis as { [KEY]?: BackgroundLoop };

/**
 * The timed jobs (timed-jobs.ts), run inside each app process by a background loop like the outbox's and
 * the document renderer's: every instance looks every few seconds, and the job_runs claims make one of them
 * run each due job. DISABLE_SCHEDULED_JOBS=1 leaves them off (the browser tests move the clock themselves).
 */
export function startScheduledJobs(): void {
  if (holder[KEY] || process.env.DISABLE_SCHEDULED_JOBS === '1') return;
  holder[KEY] = startBackgroundLoop(
    async () => {
      await runDueTimedJobs(await getDb(), TIMED_JOBS);
      return false;
    },
    { idlePollMs: POLL_MS, failureMessage: '定时任务轮询失败，稍后重试' },
  );
}

export async function stopScheduledJobs(): Promise<void> {
  const loop = holder[KEY];
  holder[KEY] = undefined;
  await loop?.stop();
}
