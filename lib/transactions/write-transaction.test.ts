import { sql, type Kysely } from 'kysely';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { testDatabaseKinds } from '@/testing/test-database';
import { useTestDatabase } from '@/testing/use-database';
import { writeTransaction } from './write-transaction';

const BUSY = { code: 'SYSTEM_BUSY', message: '系统繁忙，请稍后重试', status: 503 };

/** An error as pg and PGlite report one: the SQLSTATE in `code`. */
const databaseError = (code: string) => Object.assign(new Error(`database error ${code}`), { code });

/** A promise the test opens when one side of a race has got where the other must wait for it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

// A table of its own, so the races below lock rows nothing else in the schema depends on.
const bump = (db: Kysely<Database>, id: number) => sql`update write_transaction_probe set n = n + 1 where id = ${id}`.execute(db);
async function probe(db: Kysely<Database>): Promise<Record<number, number>> {
  const { rows } = await sql<{ id: number; n: number }>`select id, n from write_transaction_probe order by id`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.id, row.n]));
}

describe.each(testDatabaseKinds)('writeTransaction on %s', (kind) => {
  const t = useTestDatabase(kind);
  beforeAll(async () => {
    await sql`create table write_transaction_probe (id int primary key, n int not null)`.execute(t.db);
  });
  beforeEach(async () => {
    await sql`delete from write_transaction_probe`.execute(t.db);
    await sql`insert into write_transaction_probe (id, n) values (1, 0), (2, 0), (3, 0)`.execute(t.db);
  });

  it('commits what the work wrote and returns its value', async () => {
    const value = await writeTransaction(t.db, async (trx) => {
      await bump(trx, 1);
      return 'done';
    });
    expect(value).toBe('done');
    expect(await probe(t.db)).toEqual({ 1: 1, 2: 0, 3: 0 });
  });

  it.each(['40001', '40P01', '55P03'])('answers SQLSTATE %s with SYSTEM_BUSY and keeps nothing', async (code) => {
    const error = await expectRefusal(
      writeTransaction(t.db, async (trx) => {
        await bump(trx, 1);
        throw databaseError(code);
      }),
    );
    expect(error).toMatchObject(BUSY);
    expect(await probe(t.db)).toEqual({ 1: 0, 2: 0, 3: 0 });
  });

  it('answers a constraint the database enforces as before', async () => {
    const error = await expectRefusal(writeTransaction(t.db, (trx) => sql`insert into write_transaction_probe (id, n) values (1, 0)`.execute(trx)));
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
  });

  it('leaves a refusal of the use case and anything unexpected as they are', async () => {
    const refusal = new DomainError('NOT_FOUND', '订单不存在或您无权查看');
    await expect(writeTransaction(t.db, () => Promise.reject(refusal))).rejects.toBe(refusal);
    const unexpected = new Error('boom');
    await expect(writeTransaction(t.db, () => Promise.reject(unexpected))).rejects.toBe(unexpected);
  });

  it('joins the caller\'s transaction and lets whoever opened it answer for its errors', async () => {
    const raw = databaseError('40001');
    let joined: unknown;
    const error = await expectRefusal(
      writeTransaction(t.db, async (outer) => {
        await writeTransaction(outer, async (inner) => {
          joined = inner;
          await bump(inner, 2);
        });
        // Joined, the error reaches the outer work untranslated: the whole transaction is lost.
        await expect(writeTransaction(outer, () => Promise.reject(raw))).rejects.toBe(raw);
        throw raw;
      }),
    );
    expect(joined).toBeDefined();
    expect(error).toMatchObject(BUSY);
    expect(await probe(t.db)).toEqual({ 1: 0, 2: 0, 3: 0 });
  });

  // PGlite is one connection: two transactions never meet there. On a server they really do.
  describe.runIf(kind === 'postgres')('against another connection', () => {
    it('answers the victim of a real deadlock with SYSTEM_BUSY; the other change commits', async () => {
      const oneLocked = gate();
      const twoLocked = gate();
      const seen: unknown[] = [];
      // Each locks one row, waits until the other has locked the other row, then asks for it.
      const crossing = (first: number, second: number, locked: ReturnType<typeof gate>, other: ReturnType<typeof gate>) =>
        writeTransaction(t.db, async (trx) => {
          await bump(trx, first);
          locked.open();
          await other.opened;
          await bump(trx, second).catch((error: unknown) => {
            seen.push(error);
            throw error;
          });
        });
      const outcomes = await Promise.allSettled([crossing(1, 2, oneLocked, twoLocked), crossing(2, 1, twoLocked, oneLocked)]);

      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(seen).toEqual([expect.objectContaining({ code: '40P01' })]);
      const { reason } = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(reason).toBeInstanceOf(DomainError);
      expect(reason).toMatchObject(BUSY);
      // The survivor's two updates, none of the victim's.
      expect(await probe(t.db)).toEqual({ 1: 1, 2: 1, 3: 0 });
    });

    it('answers a real serialization failure with SYSTEM_BUSY and keeps the change that won', async () => {
      const snapshotTaken = gate();
      const otherCommitted = gate();
      const seen: unknown[] = [];
      const stale = writeTransaction(t.db, async (trx) => {
        await sql`set transaction isolation level repeatable read`.execute(trx);
        await probe(trx);
        snapshotTaken.open();
        await otherCommitted.opened;
        await bump(trx, 3).catch((error: unknown) => {
          seen.push(error);
          throw error;
        });
      });
      try {
        await snapshotTaken.opened;
        await writeTransaction(t.db, (trx) => sql`update write_transaction_probe set n = 10 where id = 3`.execute(trx));
      } finally {
        otherCommitted.open();
      }

      expect(await expectRefusal(stale)).toMatchObject(BUSY);
      expect(seen).toEqual([expect.objectContaining({ code: '40001' })]);
      expect(await probe(t.db)).toEqual({ 1: 0, 2: 0, 3: 10 });
    });
  });
});
