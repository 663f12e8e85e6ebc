import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { lockDataDir } from './data-dir-lock';
import { INT8_OID, parseInt8 } from './int8';
import { SerialPGliteDialect } from './serial-pglite-dialect';

export type DatabaseTarget =
  /** A PostgreSQL server, `postgres://…`. */
  | { kind: 'postgres'; url: string; maxConnections?: number }
  /** Embedded PGlite: a data directory, or `null` for an in-memory database (tests). */
  | { kind: 'pglite'; dataDir: string | null };

export function createDatabase(target: DatabaseTarget): Kysely<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.maxConnections ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (target.dataDir) {
    fs.mkdirSync(target.dataDir, { recursive: true });
    lockDataDir(target.dataDir);
  }
  const pglite = new PGlite(target.dataDir ?? undefined, { parsers: { [INT8_OID]: parseInt8 } });
  return new Kysely<Database>({ dialect: new SerialPGliteDialect({ pglite }) });
}
