import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabase } from '@/db/create-database';
import type { Database } from '@/db/database';
import { testDatabaseKinds } from '@/testing/test-database';
import { useTestDatabase } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { JOB_LEASE_MS, runDueTimedJobs } from './run-due-timed-jobs';
import type { TimedJob } from './timed-job';

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database> }));
vi.mock('@/lib/database', () => ({ getDb: async () => state.db }));

const START = new Date('2026-11-24T02:00:00Z');

describe.each(testDatabaseKinds)('timed jobs on %s', (kind) => {
  const database = useTestDatabase(kind);
  const clock = useFixedClock(START);
  let serial = 0;
  beforeEach(() => {
    state.db = database.db;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  /** A job of the test's own that counts its runs. */
  function countingJob(everyMs = 60_000, run?: () => Promise<void>) {
    const job = { name: `test-job-${kind}-${++serial}`, everyMs, runs: 0, run: async () => {} } as TimedJob & { runs: number };
    job.run = async () => {
      job.runs += 1;
      await run?.();
    };
    return job;
  }
  const row = (name: string) => database.db.selectFrom('job_runs').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

  it('runs a job when it is due, then not again before its period is over', async () => {
    const job = countingJob(60_000);
    expect(await runDueTimedJobs(database.db, [job])).toEqual([job.name]);
    expect(await runDueTimedJobs(database.db, [job])).toEqual([]);
    clock.advance(59_999);
    expect(await runDueTimedJobs(database.db, [job])).toEqual([]);
    clock.advance(1);
    expect(await runDueTimedJobs(database.db, [job])).toEqual([job.name]);
    expect(job.runs).toBe(2);
    expect(await row(job.name)).toMatchObject({ runs: 2, locked_until: null, last_error: null, last_started_at: clock.now(), next_run_at: new Date(clock.now().getTime() + 60_000) });
  });

  it('writes a failed run\'s error and goes on with the other jobs', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = countingJob(60_000, async () => {
      throw new Error('数据库暂不可用');
    });
    const fine = countingJob();
    expect(await runDueTimedJobs(database.db, [failing, fine])).toEqual([failing.name, fine.name]);
    expect(await row(failing.name)).toMatchObject({ last_error: '数据库暂不可用', locked_until: null, runs: 1 });
    expect(fine.runs).toBe(1);
  });

  it('of two instances looking at once, one runs a due job', async () => {
    const other = kind === 'postgres' ? createDatabase({ kind: 'postgres', url: database.url!, maxConnections: 2 }) : database.db;
    try {
      let release: (() => void) | undefined;
      // The first run holds on until the test lets it go; later ones finish at once.
      const job = countingJob(60_000, () => (release ? Promise.resolve() : new Promise<void>((resolve) => (release = resolve))));
      const first = runDueTimedJobs(database.db, [job]);
      while (!release) await new Promise((resolve) => setTimeout(resolve, 5));
      // The first instance is running it: the second finds it taken.
      expect(await runDueTimedJobs(other, [job])).toEqual([]);
      release!();
      expect(await first).toEqual([job.name]);
      const both = await Promise.all([runDueTimedJobs(database.db, [job]), runDueTimedJobs(other, [job])]);
      expect(both).toEqual([[], []]);
      clock.advance(60_000);
      const again = await Promise.all([runDueTimedJobs(database.db, [job]), runDueTimedJobs(other, [job])]);
      expect(again.flat()).toEqual([job.name]);
      expect(job.runs).toBe(2);
    } finally {
      if (other !== database.db) await other.destroy();
    }
  });

  it('takes up a job whose instance died mid-run once its lease is over', async () => {
    const job = countingJob(60_000);
    await runDueTimedJobs(database.db, [job]);
    // Due again, claimed by an instance that then died (its lease set, never finished).
    clock.advance(60_000);
    await database.db.updateTable('job_runs').set({ locked_until: new Date(clock.now().getTime() + JOB_LEASE_MS) }).where('name', '=', job.name).execute();
    expect(await runDueTimedJobs(database.db, [job])).toEqual([]);
    clock.advance(JOB_LEASE_MS);
    expect(await runDueTimedJobs(database.db, [job])).toEqual([job.name]);
  });

  it('start with the server as a background loop, and not at all with DISABLE_SCHEDULED_JOBS=1 (the browser tests)', async () => {
    const { startScheduledJobs, stopScheduledJobs } = await import('./start-scheduled-jobs');
    const { TIMED_JOBS } = await import('./timed-jobs');
    const names = TIMED_JOBS.map((job) => job.name);
    expect(names).toEqual(['cancel-unpaid-orders', 'prune-rate-limit-windows', 'resume-statement-imports', 'activate-scheduled-versions', 'audit-chain-checkpoint']);
    const rows = () => database.db.selectFrom('job_runs').select('name').where('name', 'in', names).execute();
    await database.db.deleteFrom('job_runs').where('name', 'in', names).execute();

    vi.stubEnv('DISABLE_SCHEDULED_JOBS', '1');
    startScheduledJobs();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await rows()).toEqual([]);
    await stopScheduledJobs();

    vi.stubEnv('DISABLE_SCHEDULED_JOBS', '');
    startScheduledJobs();
    try {
      const deadline = Date.now() + 5_000;
      while ((await rows()).length < names.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await rows()).map((r) => r.name).sort()).toEqual([...names].sort());
    } finally {
      await stopScheduledJobs();
    }
  });
});
