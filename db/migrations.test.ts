import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';
import { testDatabaseKinds } from '@/testing/test-database';
import { useTestDatabase } from '@/testing/use-database';

describe.each(testDatabaseKinds)('migrations on %s', (kind) => {
  // Opened (and so migrated) before the first test, for every test to find the schema built.
  const database = useTestDatabase(kind);

  it('build the whole schema from an empty database', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = current_schema() order by table_name
    `.execute(database.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['audit_events', 'enterprises', 'insurers', 'products', 'projects', 'regions', 'sections', 'users']),
    );
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
  });

  it('are a no-op when run again', async () => {
    const result = await migrateToLatest(database.db);
    expect(result.results).toEqual([]);
  });

  it('store money as bigint and read it back exactly', async () => {
    const column = await sql<{ data_type: string }>`
      select data_type from information_schema.columns where table_name = 'sections' and column_name = 'deposit_fen'
    `.execute(database.db);
    expect(column.rows[0]?.data_type).toBe('bigint');
    const big = await sql<{ v: number }>`select 900719925474099::bigint as v`.execute(database.db);
    expect(big.rows[0]?.v).toBe(900719925474099);
    await expect(sql`select 9007199254740993::bigint as v`.execute(database.db)).rejects.toThrow(/safe integer/);
  });

  it('read calendar dates as YYYY-MM-DD text on both drivers', async () => {
    const day = await sql<{ d: unknown }>`select '2026-12-01'::date as d`.execute(database.db);
    expect(day.rows[0]?.d).toBe('2026-12-01');
    await database.db.transaction().execute(async (trx) => {
      const inside = await sql<{ d: unknown }>`select '2026-12-02'::date as d`.execute(trx);
      expect(inside.rows[0]?.d).toBe('2026-12-02');
    });
  });
});
