import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import type { ListParams, } from './list-params';
import type { ListResult } from './resource-definition';

/**
 * Sorts, pages and counts an already filtered query. `sortable` maps the field names the client may
 * sort by to qualified columns, so a sort parameter never reaches SQL unchecked.
 */
export async function runListQuery<Row>(
  // The helper serves queries over different tables; only select, order and limit are used on it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query: SelectQueryBuilder<Database, any, Row>,
  params: ListParams,
  sortable: Record<string, string>,
): Promise<ListResult<Row>> {
  const column = Object.hasOwn(sortable, params.sort.field) ? sortable[params.sort.field] : undefined;
  if (!column) throw new DomainError('VALIDATION_FAILED', `不支持按 ${params.sort.field} 排序`);
  const tiebreak = sortable.id;
  let ordered = query.orderBy(sql.ref(column), params.sort.order);
  if (tiebreak && tiebreak !== column) ordered = ordered.orderBy(sql.ref(tiebreak), 'asc');
  const [rows, count] = await Promise.all([
    ordered.limit(params.limit).offset(params.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as Row[], total: Number(count.total) };
}

/** Reads an optional filter value of the expected primitive type; anything else is a 422. */
export function filterValue<T extends 'string' | 'boolean'>(
  filter: Record<string, unknown>,
  key: string,
  type: T,
): (T extends 'string' ? string : boolean) | undefined {
  const value = filter[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== type) throw new DomainError('VALIDATION_FAILED', `筛选条件 ${key} 无效`);
  return value as T extends 'string' ? string : boolean;
}

/** The ids of a getMany (`filter={"id":[…]}`), already checked by listRecords; never empty. */
export function filterIds(filter: Record<string, unknown>): (string | number)[] | undefined {
  return filter.id as (string | number)[] | undefined;
}

/** LIKE pattern for a user's search text, with its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
