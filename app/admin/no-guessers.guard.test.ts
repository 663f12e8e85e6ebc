import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/*
 * react-admin's guessers (ShowGuesser, ListGuesser, EditGuesser) print every raw column with its English
 * name and log the code they guessed: a scaffold, not a screen for operators (#18: the audit log's entry
 * view was one). Every back-office view is written out.
 */
describe('the back office', () => {
  it('uses none of react-admin\'s guessers', () => {
    const guessing = sources(__dirname).filter((path) => /\b(Show|List|Edit)Guesser\b/.test(readFileSync(path, 'utf8')));
    expect(guessing).toEqual([]);
  });
});
