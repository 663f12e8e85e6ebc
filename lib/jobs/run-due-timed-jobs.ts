import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { now } from '@/lib/time/clock';
import { yieldToForeground } from './foreground-work';
import { failureText } from './retry-backoff';
import type { TimedJob } from './timed-job';

/**
 * A claimed run is its instance's for this long. Past it the run counts as abandoned (the instance died)
 * and any instance may run the job again; the jobs are safe to overlap, so a slow run that outlives it
 * costs only duplicate work.
 */
export const JOB_LEASE_MS = 10 * 60_000;

/**
 * Runs the timed jobs that are due and that no other instance is running: each due job's row is claimed
 * with FOR UPDATE SKIP LOCKED and a lease, so of several instances looking at once one takes it; the run
 * then says when the job is due next (its start + its period) and what went wrong, if anything. Returns the
 * names of the jobs this call ran.
 */
export async function runDueTimedJobs(db: Kysely<Database>, jobs: readonly TimedJob[], leaseMs = JOB_LEASE_MS): Promise<string[]> {
  if (jobs.length === 0) return [];
  const at = now();
  await db
    .insertInto('job_runs')
    .values(jobs.map((job) => ({ name: job.name, next_run_at: at })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const claimed = await db
    .updateTable('job_runs')
    .set({ locked_until: new Date(at.getTime() + leaseMs), last_started_at: at })
    .where('name', 'in', (eb) =>
      eb
        .selectFrom('job_runs')
        .select('name')
        .where('name', 'in', jobs.map((job) => job.name))
        .where('next_run_at', '<=', at)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', at)]))
        .forUpdate()
        .skipLocked(),
    )
    .returning('name')
    .execute();
  const ran: string[] = [];
  for (const job of jobs.filter((j) => claimed.some((c) => c.name === j.name))) {
    // A bank rush comes first (lib/jobs/foreground-work.ts).
    await yieldToForeground();
    let error: string | null = null;
    try {
      await job.run(db);
    } catch (cause) {
      console.error(`定时任务失败：${job.name}`, cause);
      error = failureText(cause);
    }
    await db
      .updateTable('job_runs')
      .set((eb) => ({
        locked_until: null,
        last_finished_at: now(),
        last_error: error,
        runs: eb('runs', '+', 1),
        next_run_at: new Date(at.getTime() + job.everyMs),
      }))
      .where('name', '=', job.name)
      .execute();
    ran.push(job.name);
  }
  return ran;
}
