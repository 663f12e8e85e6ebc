import type { Lifecycle } from '../lifecycle';

/** '=' for an action that is possible and leaves the state as it is; otherwise the state it leads to. */
export type ExpectedOutcome<S extends string> = S | '=';

/** A lifecycle written out by hand in a test: for each state, every action possible from it. */
export type LifecycleTable<S extends string, A extends string> = Record<S, Partial<Record<A, ExpectedOutcome<S>>>>;

/**
 * The lifecycle as a table of every state × every action — what the definition allows and where it leads —
 * in the shape a test writes its expectation in, so `expect(tableOf(lc)).toEqual(expected)` fails on any
 * edge added, removed or redirected.
 */
export function tableOf<S extends string, A extends string>(lifecycle: Lifecycle<S, A>): LifecycleTable<S, A> {
  const table = {} as LifecycleTable<S, A>;
  for (const state of lifecycle.stateNames) {
    const row: Partial<Record<A, ExpectedOutcome<S>>> = {};
    for (const name of lifecycle.actionNames) {
      const action = lifecycle.actions[name];
      if (action.from.includes(state)) row[name] = action.to ?? '=';
    }
    table[state] = row;
  }
  return table;
}

/** Every (state, action) pair, for tests that try each one against the database. */
export function everyStateAndAction<S extends string, A extends string>(lifecycle: Lifecycle<S, A>): [S, A][] {
  return lifecycle.stateNames.flatMap((state) => lifecycle.actionNames.map((action) => [state, action] as [S, A]));
}
