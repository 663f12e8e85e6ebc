import fs from 'node:fs';
import path from 'node:path';

/*
 * Migrating a new PGlite database and seeding the demo takes a test file about two seconds of CPU before its first
 * test; copying a database that was migrated (and seeded) once takes a fraction of it. The vitest global setup makes
 * the copies once per run (testing/vitest-global-setup.ts) and names their folder in the environment; a test file
 * that finds no folder (a bench, a Playwright worker, a run without the setup) migrates as before.
 */

export type PgliteSnapshotName = 'migrated' | 'demo';

export const PGLITE_SNAPSHOTS_ENV = 'TEST_PGLITE_SNAPSHOTS';

export function pgliteSnapshotPath(dir: string, name: PgliteSnapshotName): string {
  return path.join(dir, `${name}.tar`);
}

/** The dumped database of that name, or null when this run has none. */
export function readPgliteSnapshot(name: PgliteSnapshotName): Blob | null {
  const dir = process.env[PGLITE_SNAPSHOTS_ENV];
  if (!dir) return null;
  const file = pgliteSnapshotPath(dir, name);
  if (!fs.existsSync(file)) return null;
  return new Blob([fs.readFileSync(file)]);
}
