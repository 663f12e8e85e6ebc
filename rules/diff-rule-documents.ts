import { diffLines } from 'diff';

export type DiffRowKind = 'same' | 'removed' | 'added' | 'changed';

/** One row of a side-by-side view: the left (older) line, the right (newer) line, or both. */
export interface DiffRow {
  kind: DiffRowKind;
  left?: { line: number; text: string };
  right?: { line: number; text: string };
}

// PostgreSQL's jsonb stores keys in its own order (shortest first); people read a rule as name, priority,
// conditions, event, and a condition as fact, operator, value. Known keys go first in that order.
const KEY_ORDER = ['name', 'priority', 'all', 'any', 'not', 'fact', 'operator', 'value', 'conditions', 'event', 'type', 'params'];

function readableOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readableOrder);
  if (!value || typeof value !== 'object') return value;
  const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
  const entries = Object.entries(value).sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries.map(([k, v]) => [k, readableOrder(v)]));
}

/** A rule document as the editor and the diff show it: pretty-printed, keys in reading order. */
export const formatRuleDocument = (document: unknown): string => JSON.stringify(readableOrder(document), null, 2);

/**
 * Side-by-side line diff of two rule documents, both pretty-printed the same way so that only real
 * changes show. Removed and added runs that meet are paired into "changed" rows, as reviewers read them.
 */
export function diffRuleDocuments(older: unknown, newer: unknown): { rows: DiffRow[]; changes: number } {
  const rows: DiffRow[] = [];
  let left = 1;
  let right = 1;
  let changes = 0;
  const parts = diffLines(formatRuleDocument(older), formatRuleDocument(newer));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const lines = splitLines(part.value);
    if (!part.added && !part.removed) {
      for (const text of lines) rows.push({ kind: 'same', left: { line: left++, text }, right: { line: right++, text } });
      continue;
    }
    changes++;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const added = splitLines(next.value);
      for (let j = 0; j < Math.max(lines.length, added.length); j++) {
        const l = lines[j];
        const r = added[j];
        rows.push({
          kind: l !== undefined && r !== undefined ? 'changed' : l !== undefined ? 'removed' : 'added',
          ...(l !== undefined ? { left: { line: left++, text: l } } : {}),
          ...(r !== undefined ? { right: { line: right++, text: r } } : {}),
        });
      }
      i++;
    } else if (part.removed) {
      for (const text of lines) rows.push({ kind: 'removed', left: { line: left++, text } });
    } else {
      for (const text of lines) rows.push({ kind: 'added', right: { line: right++, text } });
    }
  }
  return { rows, changes };
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
