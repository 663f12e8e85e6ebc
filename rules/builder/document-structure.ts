import { isPlainObject } from '../json-shape';

const VALUE = '‹值›';

/**
 * A rule document with every compared value and every outcome parameter's value blanked out: what an
 * operator with value-only permission must leave as it is. Two documents with the same structure differ
 * only in values (a threshold, a listed status, a rejection reason), never in which rules exist, which
 * conditions they test, with which operator, or which outcome they give.
 */
export function documentStructure(document: unknown): string {
  return JSON.stringify(blank(document, 'rules'));
}

type Place = 'rules' | 'rule' | 'node' | 'event';

function blank(value: unknown, place: Place): unknown {
  if (place === 'rules') return Array.isArray(value) ? value.map((rule) => blank(rule, 'rule')) : value;
  if (!isPlainObject(value)) return Array.isArray(value) && place === 'node' ? value.map((v) => blank(v, 'node')) : value;
  const copy: Record<string, unknown> = {};
  // Sorted: a stored document comes back from jsonb with its keys in the database's order, not the editor's.
  for (const [key, child] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (place === 'rule') copy[key] = key === 'conditions' ? blank(child, 'node') : key === 'event' ? blank(child, 'event') : child;
    else if (place === 'event') copy[key] = key === 'params' && isPlainObject(child) ? Object.fromEntries(Object.keys(child).sort().map((k) => [k, VALUE])) : child;
    else if ('fact' in value && key === 'value') copy[key] = VALUE;
    else copy[key] = blank(child, 'node');
  }
  return copy;
}
