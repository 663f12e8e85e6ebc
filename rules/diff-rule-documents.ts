import { sideBySideDiff, type DiffRow } from '@/lib/diff/side-by-side-diff';

export type { DiffRow };

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

/** Side-by-side diff of two rule documents, both printed the same way so that only real changes show. */
export function diffRuleDocuments(older: unknown, newer: unknown): { rows: DiffRow[]; changes: number } {
  return sideBySideDiff(formatRuleDocument(older), formatRuleDocument(newer));
}
