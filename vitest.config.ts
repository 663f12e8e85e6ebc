import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['{app,lib,db,rules,forms}/**/*.test.{ts,tsx}', 'proxy.test.ts'],
    environment: 'node',
    // Migrates and seeds one PGlite database per run for the test files to copy (testing/pglite-snapshots.ts).
    globalSetup: ['testing/vitest-global-setup.ts'],
    // Each file boots its own databases (PGlite in memory, and a fresh PostgreSQL database in CI).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Policies render on the calling thread; render-off-thread.test.ts starts the render threads itself.
    env: { TZ: 'UTC', POLICY_RENDER_THREADS: '0' },
  },
});
