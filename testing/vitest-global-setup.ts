import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '@/db/create-database';
import { seedDemo } from '@/lib/platform/seed-demo';
import { SEEDED_AT } from './demo-fixture';
import { PGLITE_SNAPSHOTS_ENV, pgliteSnapshotPath, type PgliteSnapshotName } from './pglite-snapshots';
import { prepareTestDatabase } from './test-database';

/** Once per vitest run: a migrated PGlite database and a demo one, dumped for every test file to copy. */
export async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-pglite-snapshots-'));
  const { db, pglite } = openPglite({ kind: 'pglite', dataDir: null });
  try {
    await prepareTestDatabase(db);
    await dump(pglite, dir, 'migrated');
    await seedDemo(db, SEEDED_AT);
    await dump(pglite, dir, 'demo');
  } finally {
    await db.destroy();
  }
  process.env[PGLITE_SNAPSHOTS_ENV] = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

async function dump(pglite: PGlite, dir: string, name: PgliteSnapshotName) {
  const archive = await pglite.dumpDataDir('none');
  fs.writeFileSync(pgliteSnapshotPath(dir, name), Buffer.from(await archive.arrayBuffer()));
}
