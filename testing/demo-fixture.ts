import type { Kysely } from 'kysely';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import type { Database } from '@/db/database';
import { seedDemo } from '@/lib/platform/seed-demo';
import { openPgliteCopy, openTestDatabase, type TestDatabase, type TestDatabaseKind } from './test-database';

/** The moment the demo data is seeded at in tests; deadlines are days before and after it. */
export const SEEDED_AT = new Date('2026-11-24T02:00:00Z');

export const DEMO_PHONES = {
  bidder: '13900000001',
  otherBidder: '13900000004',
  operator: '13900000002',
  otherOperator: '13900000005',
  /** 乌鲁木齐市, may change values in rules but not their structure. */
  valuesOperator: '13900000007',
  compliance: '13900000003',
  platformAdmin: '13900000006',
} as const;

/** 王芳, the second full rule editor of 乌鲁木齐市 (not among DEMO_PHONES, so per-role tables stay as they were): reviews what `operator` submits. */
export const DEMO_REVIEWER_PHONE = '13900000009';

export type DemoActors = Record<keyof typeof DEMO_PHONES, Actor>;

export interface DemoFixture extends TestDatabase {
  actors: DemoActors;
}

/**
 * A fresh database of the given kind with the demo data and an actor for every demo account. Seeded at
 * SEEDED_AT unless told otherwise: a real server process runs on the real clock, so its data is seeded now.
 */
export async function openDemoFixture(kind: TestDatabaseKind, seededAt: Date = SEEDED_AT): Promise<DemoFixture> {
  const copy = kind === 'pglite' && seededAt.getTime() === SEEDED_AT.getTime() ? await openPgliteCopy('demo') : null;
  const database = copy ?? (await openTestDatabase(kind));
  if (!copy) await seedDemo(database.db, seededAt);
  return { ...database, actors: await demoActors(database.db) };
}

async function demoActors(db: Kysely<Database>): Promise<DemoActors> {
  const entries = await Promise.all(
    Object.entries(DEMO_PHONES).map(async ([key, phone]) => {
      const actor = await loadActor(db, { phone });
      if (!actor) throw new Error(`demo account ${phone} missing`);
      return [key, actor] as const;
    }),
  );
  return Object.fromEntries(entries) as DemoActors;
}
