import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';

/** Work done every so often by whichever instance gets to it first (run-due-timed-jobs.ts). */
export interface TimedJob {
  /** Its row in job_runs. */
  name: string;
  everyMs: number;
  run(db: Kysely<Database>): Promise<unknown>;
}
