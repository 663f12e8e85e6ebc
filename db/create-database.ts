import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { lockDataDir } from './data-dir-lock';
import { DATE_OID, INT8_OID, keepText, parseInt8 } from './int8';
import { registerPgliteSource, registerPostgresSource } from './notification-channel';
import { withTypeParsers } from './pglite-type-parsers';

export type DatabaseTarget =
  /** A PostgreSQL server, `postgres://…`. */
  | { kind: 'postgres'; url: string; maxConnections?: number }
  /**
   * Embedded PGlite: a data directory, or `null` for an in-memory database (tests). `from` starts an in-memory
   * database as a copy of a dumped one (PGlite's dumpDataDir), which the tests use to skip migrating each time.
   */
  | { kind: 'pglite'; dataDir: string | null; from?: Blob };

export function createDatabase(target: DatabaseTarget): Kysely<Database> {
  if (target.kind === 'postgres') {
    const max = target.maxConnections ?? 10;
    const pool = new pg.Pool({
      connectionString: target.url,
      max,
      // A connection once opened is kept: opening one (a server process, authentication, its first
      // catalog reads) is what made the first notifications of a rush after a lull wait longest.
      min: max,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === INT8_OID ? parseInt8 : oid === DATE_OID ? keepText : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server drops (a restart, a failover, an administrator) is reported here; without
    // a listener that report would end the process. The pool opens a new connection when next needed.
    pool.on('error', (error) => console.warn(`数据库空闲连接已断开：${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    // Listening sessions (notification-channel.ts) are the handle's too: destroy() ends them with the pool.
    const closeListeners = registerPostgresSource(db, { connectionString: target.url });
    const endPool = pool.end.bind(pool);
    pool.end = (async () => {
      await closeListeners();
      return endPool();
    }) as typeof pool.end;
    return db;
  }
  return openPglite(target).db;
}

/** A PGlite database and the PGlite instance under it, for the callers that need the instance too (dumping it). */
export function openPglite(target: Extract<DatabaseTarget, { kind: 'pglite' }>): { db: Kysely<Database>; pglite: PGlite } {
  if (target.dataDir) {
    fs.mkdirSync(target.dataDir, { recursive: true });
    lockDataDir(target.dataDir);
  }
  const pglite = withTypeParsers(target.from ? new PGlite({ loadDataDir: target.from }) : new PGlite(target.dataDir ?? undefined), {
    [INT8_OID]: parseInt8,
    [DATE_OID]: keepText,
  });
  // PGlite is one connection; Kysely's PGlite adapter says so, and Kysely then hands it to one caller
  // (one query, or one whole transaction) at a time.
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  registerPgliteSource(db, pglite);
  return { db, pglite };
}
