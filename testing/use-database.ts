import { afterAll, beforeAll } from 'vitest';
import { openDemoFixture, SEEDED_AT, type DemoFixture } from './demo-fixture';
import { openTestDatabase, type TestDatabase, type TestDatabaseKind } from './test-database';

/*
 * The database of a describe block (usually `describe.each(testDatabaseKinds)`), opened before its first test
 * and closed after its last: call one of these in the block's body instead of a `let` and a pair of hooks.
 * The object returned reads the open database, so use it inside the block's tests and hooks, not while the
 * block is being collected. Hooks run in the order they are registered, so a `beforeAll` after the call sees
 * the database open, and an `afterAll` after it runs while the database is still open.
 */

interface Options {
  /** For the hook that opens the database, when it needs longer than the configured hookTimeout. */
  hookTimeout?: number;
}

/** A fresh demo database of the given kind, with an actor for every demo account (see openDemoFixture). */
export function useDemoFixture(kind: TestDatabaseKind, options: Options & { seededAt?: Date } = {}): DemoFixture {
  const current = useOpened(kind, () => openDemoFixture(kind, options.seededAt ?? SEEDED_AT), options, 'useDemoFixture');
  return {
    kind,
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
    get actors() {
      return current().actors;
    },
    close: () => current().close(),
  };
}

/** A fresh, migrated database of the given kind with no demo data (see openTestDatabase). */
export function useTestDatabase(kind: TestDatabaseKind, options: Options = {}): TestDatabase {
  const current = useOpened(kind, () => openTestDatabase(kind), options, 'useTestDatabase');
  return {
    kind,
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
    close: () => current().close(),
  };
}

function useOpened<T extends TestDatabase>(kind: TestDatabaseKind, open: () => Promise<T>, options: Options, name: string): () => T {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
  }, options.hookTimeout);
  afterAll(async () => {
    const closing = opened;
    opened = undefined;
    await closing?.close();
  });
  return () => {
    if (!opened) throw new Error(`the ${kind} database is open only in the tests and hooks of the describe block that called ${name}`);
    return opened;
  };
}
