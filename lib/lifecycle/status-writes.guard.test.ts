import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
/** The kernel is the one place a status column is written (lib/lifecycle/transition.ts). */
const KERNEL = 'lib/lifecycle/transition.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !path.includes('/testing/') ? [path] : [];
  });
}

/** `.set({ …, status: … })` in a query builder, or `update … set … status = …` in SQL. */
const STATUS_WRITES = [/\.set\(\s*\{[^}]*?\bstatus\s*[:,}]/gs, /\bupdate\s+\S+(\s+as\s+\w+)?\s+set\b[^;`]*?\bstatus\s*=/gis];

function statusWritesIn(text: string): string[] {
  return STATUS_WRITES.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0].replace(/\s+/g, ' ').slice(0, 80)));
}

describe('status columns', () => {
  it('are written only through the lifecycle kernel', () => {
    const offenders = ['lib', 'app', 'scripts']
      .flatMap(sourceFiles)
      .filter((path) => relative('.', path) !== KERNEL)
      .flatMap((path) => statusWritesIn(readFileSync(join(ROOT, path), 'utf8')).map((write) => `${path}: ${write}`));
    expect(offenders).toEqual([]);
  });

  it('are recognised however the write is spelled', () => {
    expect(statusWritesIn(".updateTable('invoices').set({ status: 'voided', void_reason: reason })")).toHaveLength(1);
    expect(statusWritesIn('.set({\n  reviewed_by: id,\n  status,\n})')).toHaveLength(1);
    expect(statusWritesIn("sql`update rule_versions set published_at = now(), status = 'archived' where id = 1`")).toHaveLength(1);
    expect(statusWritesIn("sql`update ${sql.table(series.table)} set status = 'archived' where id = ${id}`")).toHaveLength(1);
    expect(statusWritesIn(".set({ last_error: null, run_after: at })")).toEqual([]);
    expect(statusWritesIn(".where('status', '=', 'pending')")).toEqual([]);
  });
});
