import { z } from 'zod';
import { DomainError } from '@/lib/errors/domain-error';
import { assertWellFormedText } from '@/lib/validation/well-formed-text';

/** A list request in react-admin's simple REST shape, already decoded from the query string. */
export interface ListParams {
  sort: { field: string; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
  filter: Record<string, unknown>;
}

const MAX_PAGE = 200;

const jsonParam = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: '不是合法的 JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const querySchema = z.object({
  sort: jsonParam(z.tuple([z.string().max(64), z.enum(['ASC', 'DESC', 'asc', 'desc'])])).optional(),
  range: jsonParam(z.tuple([z.number().int().min(0), z.number().int().min(0)])).optional(),
  filter: jsonParam(z.record(z.string(), z.unknown())).optional(),
});

/** Decodes `sort=["name","ASC"]&range=[0,24]&filter={...}`; a malformed parameter is a 422, not a 500. */
export function parseListParams(search: URLSearchParams, defaultSort: string): ListParams {
  const parsed = querySchema.safeParse({
    sort: search.get('sort') ?? undefined,
    range: search.get('range') ?? undefined,
    filter: search.get('filter') ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('VALIDATION_FAILED', `查询参数 ${String(issue?.path[0] ?? '')} 无效`);
  }
  // Filters reach SQL parameters, which would quietly turn a lone surrogate into U+FFFD.
  assertWellFormedText(parsed.data);
  const [field, order] = parsed.data.sort ?? [defaultSort, 'ASC'];
  const [start, end] = parsed.data.range ?? [0, 24];
  if (end < start) throw new DomainError('VALIDATION_FAILED', '查询参数 range 无效');
  return {
    sort: { field, order: order.toLowerCase() as 'asc' | 'desc' },
    offset: start,
    limit: Math.min(end - start + 1, MAX_PAGE),
    filter: parsed.data.filter ?? {},
  };
}
