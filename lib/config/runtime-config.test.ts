import { describe, expect, it } from 'vitest';
import { databasePoolSize, databaseTarget } from './runtime-config';

describe('the database a process uses', () => {
  it('is PostgreSQL with a pool of DATABASE_POOL_SIZE connections (10 unless set) when DATABASE_URL is set', () => {
    expect(databaseTarget({ DATABASE_URL: 'postgres://u:p@h/db' })).toEqual({ kind: 'postgres', url: 'postgres://u:p@h/db', maxConnections: 10 });
    expect(databaseTarget({ DATABASE_URL: 'postgres://u:p@h/db', DATABASE_POOL_SIZE: ' 24 ' })).toMatchObject({ maxConnections: 24 });
    expect(databaseTarget({}).kind).toBe('pglite');
  });

  it.each(['1', '0', '-3', '2.5', 'ten', '201'])('refuses DATABASE_POOL_SIZE=%s with a message saying what is allowed', (raw) => {
    expect(() => databasePoolSize({ DATABASE_POOL_SIZE: raw })).toThrow(/DATABASE_POOL_SIZE 应为 2 到 200 的整数/);
  });
});
