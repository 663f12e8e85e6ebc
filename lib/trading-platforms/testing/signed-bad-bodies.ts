import type { z } from 'zod';
import { findMalformedText } from '@/lib/validation/well-formed-text';
import { projectPushSchema } from '../push-project';
import { projectEventSchema } from '../record-platform-project-event';

/** A request body as sent (the exact text that is signed), and what it is. */
export interface BadBody {
  label: string;
  raw: string;
}

/** Values of the wrong kind, put in place of each field in turn. */
export const ODD_PLATFORM_VALUES: unknown[] = [
  null, '', ' ', 'x'.repeat(20_000), '中'.repeat(5_000), -1, 0, 1e308, 2026.5, '12', true, {}, [], ['x'], { a: 1 },
  '2026-02-30T10:00:00+08:00', '2026-13-45', 'yesterday', '\u0000', '\ud800', '\u202e\ufeff𠀀', '\ud83d',
];

const text = (value: unknown) => JSON.stringify(value);

/** Whether the interface would take the body (the same check the route makes): such a body is not bad input. */
function accepted(schema: z.ZodType, raw: string): boolean {
  const parsed = JSON.parse(raw) as unknown;
  return findMalformedText(parsed) === null && schema.safeParse(parsed).success;
}

/**
 * `valid` with each top-level field (and each field of its array items under `itemsKey`) replaced by each
 * odd value, removed, and joined by a field the interface does not have; wrong types for the whole body;
 * with only the ones the interface refuses kept.
 */
function badVariants(schema: z.ZodType, valid: Record<string, unknown>, itemsKey?: string): BadBody[] {
  const bodies: BadBody[] = [
    { label: 'extra field', raw: text({ ...valid, unexpected: 1 }) },
    { label: 'extra field named like a known one', raw: text({ ...valid, Name: 'x' }) },
    { label: '__proto__', raw: text(valid).replace(/^\{/, '{"__proto__":{"admin":true},') },
  ];
  for (const key of Object.keys(valid)) {
    const { [key]: _dropped, ...without } = valid;
    bodies.push({ label: `${key} missing`, raw: text(without) });
    for (const [i, value] of ODD_PLATFORM_VALUES.entries()) bodies.push({ label: `${key} = odd #${i}`, raw: text({ ...valid, [key]: value }) });
  }
  const items = itemsKey ? (valid[itemsKey] as Record<string, unknown>[]) : undefined;
  if (itemsKey && items?.[0]) {
    const item = items[0];
    bodies.push({ label: `${itemsKey}[0] extra field`, raw: text({ ...valid, [itemsKey]: [{ ...item, unexpected: 1 }] }) });
    bodies.push({ label: `${itemsKey} huge`, raw: text({ ...valid, [itemsKey]: Array.from({ length: 500 }, (_, n) => ({ ...item, code: `S${n}` })) }) });
    bodies.push({ label: `${itemsKey} duplicated`, raw: text({ ...valid, [itemsKey]: [item, item] }) });
    for (const key of Object.keys(item)) {
      const { [key]: _dropped, ...without } = item;
      bodies.push({ label: `${itemsKey}[0].${key} missing`, raw: text({ ...valid, [itemsKey]: [without] }) });
      for (const [i, value] of ODD_PLATFORM_VALUES.entries()) {
        bodies.push({ label: `${itemsKey}[0].${key} = odd #${i}`, raw: text({ ...valid, [itemsKey]: [{ ...item, [key]: value }] }) });
      }
    }
  }
  return bodies.filter((b) => !accepted(schema, b.raw));
}

/** Bodies that are no project push, built from a valid one (PUT /projects/{projectCode}). */
export const badProjectPushes = (valid: Record<string, unknown>) => badVariants(projectPushSchema, valid, 'sections');

/** Bodies that are no project event, built from a valid one (POST /projects/{projectCode}/events). */
export const badProjectEvents = (valid: Record<string, unknown>) => badVariants(projectEventSchema, valid);
