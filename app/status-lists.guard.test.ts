import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : files(path, keep);
    return keep(entry.name) && !path.includes('/testing/') ? [path] : [];
  });
}

/** Every state any lifecycle declares (lib/**\/*-lifecycle.ts), by its stored name. */
async function lifecycleStates(): Promise<Set<string>> {
  const states = new Set<string>();
  for (const path of files('lib', (name) => /-lifecycle\.ts$/.test(name))) {
    const module: Record<string, unknown> = await import(join(ROOT, path));
    for (const value of Object.values(module)) {
      const names = (value as { stateNames?: unknown } | null)?.stateNames;
      if (Array.isArray(names)) for (const name of names) states.add(String(name));
    }
  }
  return states;
}

/** An array (or Set) literal of two or more quoted words: `['paid', 'insured']`. */
const WORD_LIST = /\[\s*(['"][a-z_]+['"]\s*,\s*)+['"][a-z_]+['"]\s*,?\s*\]/g;

function statusListsIn(text: string, states: Set<string>): string[] {
  return [...text.matchAll(WORD_LIST)]
    .map((match) => match[0])
    .filter((list) => [...list.matchAll(/['"]([a-z_]+)['"]/g)].every(([, word]) => states.has(word)));
}

/*
 * Pages render what the read models say: which actions a record allows comes with it (allowedActions,
 * allowed_actions), and a question about its state is a named predicate of its lifecycle (isPaid,
 * awaitsRefundAccount). A list of states in app/ is a status rule restated — the kind that drifted apart
 * in four panels before lib/lifecycle existed.
 */
describe('pages and admin components', () => {
  it('contain no list of lifecycle states', async () => {
    const states = await lifecycleStates();
    expect(states.size).toBeGreaterThan(20);
    const offenders = files('app', (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)).flatMap((path) =>
      statusListsIn(readFileSync(join(ROOT, path), 'utf8'), states).map((list) => `${relative('.', path)}: ${list}`),
    );
    expect(offenders).toEqual([]);
  });

  it('recognise a list of states however it is spelled', async () => {
    const states = await lifecycleStates();
    expect(statusListsIn("const PAID = ['payment_review', 'issued', 'surrender_review'];", states)).toHaveLength(1);
    expect(statusListsIn('new Set(["approved","rejected",])', states)).toHaveLength(1);
    expect(statusListsIn("{['pending_payment',\n  'payment_review'].includes(order.status) && <Button />}", states)).toHaveLength(1);
    expect(statusListsIn("const MEDIA = ['electronic', 'paper'];", states)).toEqual([]);
    expect(statusListsIn("order.status === 'paid'", states)).toEqual([]);
  });
});
