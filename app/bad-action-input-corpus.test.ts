import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { issuedOrderOnDemoProject, unpaidOrder } from '@/lib/orders/testing/test-orders';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import type { ActionResult } from '@/lib/http/run-action';

/**
 * Every server action (the exports of app/**\/actions.ts, found on disk), called the way a forged POST
 * could call it: any argument may be any JSON-able value. Each answers a refusal with a stable code and a
 * Chinese message — never the generic INTERNAL, which is what a 500 looks like to an action's caller.
 */

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, actor: null as Actor | null }));

vi.mock('@/lib/database', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth/current-actor', async () => {
  const { DomainError } = await import('@/lib/errors/domain-error');
  return {
    currentActor: async () => state.actor,
    requireActor: async () => {
      if (!state.actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
      return state.actor;
    },
  };
});
// The public actions (企业注册, 忘记密码) count tries per client address, read from the request's headers.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '198.51.100.1' }) }));
// Actions revalidate pages after a change; that needs a running Next.js server and is not under test.
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

const APP_DIR = path.resolve(import.meta.dirname);
const actionFiles = (fs.readdirSync(APP_DIR, { recursive: true }) as string[])
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => /(^|\/)actions\.ts$/.test(file))
  .sort();

const deep = (depth: number) => JSON.parse('{"a":['.repeat(depth) + '1' + ']}'.repeat(depth)) as unknown;

const ODD: unknown[] = [
  undefined,
  null,
  '',
  'x',
  42,
  -1,
  Number.NaN,
  true,
  [],
  {},
  ['x'],
  { a: 1 },
  'x'.repeat(100_000),
  '\u0000',
  '\ud800',
  '\u202e𠀀\ufeff',
  '2026-02-30',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  deep(60),
  deep(3_000),
  { sectionId: 1, productId: [], formData: 'x', formVersionId: {}, expectedPremiumFen: 'lots' },
  { sectionId: '\u0000', productId: '\ud800', formData: deep(3_000), formVersionId: null, expectedPremiumFen: 1e308 },
  { kind: 'refund', reason: 123, account: { name: [], number: {} } },
  { reason: 'x'.repeat(100_000), refundAccount: 'x', type: 'special', medium: 'paper', title: null, taxNumber: {} },
  { currentPassword: 1, newPassword: [], confirmPassword: {} },
  { currentPassword: '\ud800', newPassword: 'x'.repeat(100_000), confirmPassword: 'x'.repeat(100_000) },
];

const CJK = /[\u4e00-\u9fff]/;

function show(value: unknown): string {
  try {
    return String(JSON.stringify(value)).slice(0, 40);
  } catch {
    return '<deep>';
  }
}

describe.each(testDatabaseKinds)('every server action on bad input (%s)', (kind) => {
  const fixture = useDemoFixture(kind);
  useFixedClock();
  let orderIds: string[] = [];

  beforeAll(async () => {
    state.db = fixture.db;
    // The demo has no orders: an unpaid and an issued one of the bidder's let the order actions reach their input.
    const unpaid = await unpaidOrder(fixture, 'WLMQ-CG-2026-0342');
    const issued = await issuedOrderOnDemoProject(fixture, 'WLMQ-JS-2026-0158');
    orderIds = [unpaid.id, issued.id];
  }, 120_000);

  it('finds the actions', () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(2);
  });

  it.each(actionFiles)('%s answers every malformed call with a code and a Chinese message', async (file) => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    const module = (await import(/* @vite-ignore */ path.join(APP_DIR, file))) as Record<string, unknown>;
    const failures: string[] = [];
    const firsts = [...ODD, ...orderIds];
    const pairFirsts = [...orderIds, null, 'x', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    for (const [name, action] of Object.entries(module)) {
      if (typeof action !== 'function') continue;
      // An action reaches its second argument only once it has accepted the first, so the second is paired with
      // the firsts an action can accept (real records) and a few it cannot, not with every odd first again — the
      // full cross product repeated each first's refusal 26 times and was two thirds of the unit suite's time.
      // An action declaring one parameter gets no second argument at all (a forged extra one is never read).
      const pairs = action.length === 1 ? [] : pairFirsts.flatMap((first) => ODD.map((second) => [first, second]));
      const calls: unknown[][] = [...firsts.map((first) => [first]), ...pairs];
      for (const actor of [null, 'bidder', 'otherBidder', 'operator', 'compliance'] as const) {
        state.actor = actor ? fixture.actors[actor] : null;
        for (const args of calls) {
          const label = `${name}(${args.map(show).join(', ')}) as ${actor ?? 'anonymous'}`;
          try {
            const result = (await (action as (...a: unknown[]) => Promise<ActionResult<unknown>>)(...args)) as ActionResult<unknown>;
            if (!result.ok && (result.code === 'INTERNAL' || !CJK.test(result.message))) failures.push(`${label} → ${result.code} ${result.message}`);
          } catch (error) {
            failures.push(`${label} threw ${(error as Error).message}`);
          }
        }
      }
    }
    errorLog.mockRestore();
    expect(failures.slice(0, 40), `${failures.length} bad answers`).toEqual([]);
  }, 600_000);
});
