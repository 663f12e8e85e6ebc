import { z } from 'zod';
import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '@/db/database';
import type { RegionScope } from '@/lib/auth/authorize';
import { DomainError } from '@/lib/errors/domain-error';
import type { ListParams } from './list-params';
import type { ListResult } from './resource-definition';
import { containsPattern, filterValue, runListQuery } from './run-list-query';

// The declarations serve queries over different tables; only where, order and limit are used on them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyQuery<Row> = SelectQueryBuilder<Database, any, Row>;

/**
 * A filter of the list: by default an exact match of the named column on a string value. `values` names the
 * only values allowed (others are a 422); `where` is for a value that is not a column match (a derived state,
 * 'baseline' for no region).
 */
export type FilterDeclaration<Row> =
  | string
  | {
      column?: string;
      /** 'uuid' is a string checked to be one, so a malformed id is a 422 rather than a database error. */
      type?: 'string' | 'boolean' | 'uuid';
      values?: readonly string[];
      /** `filter` is the whole filter, for values that only mean something together (year and month). */
      where?(query: AnyQuery<Row>, value: string | boolean, filter: Record<string, unknown>): AnyQuery<Row>;
    };

/** Whose rows an operator sees: its region's, and with `orPlatform` the platform's own (no region) too. */
export type RegionDeclaration = { column: string | Expression<string | null>; orPlatform?: boolean } | 'everyone';

export interface ListDeclaration<Row, Out = Row> {
  /** What a row of the list reads. */
  from(db: Kysely<Database>): AnyQuery<Row>;
  /**
   * The record's id column, for react-admin's getMany (`filter={"id":[…]}`); null for records whose id is
   * made of two columns, which are never fetched that way.
   */
  id: string | null;
  region: RegionDeclaration;
  filters?: Record<string, FilterDeclaration<Row>>;
  /** The columns the search box (`q`) looks in: case-insensitive, anywhere in the text, wildcards literal. */
  search?: readonly string[];
  /** Field name → qualified column the client may sort by; `id` is the tiebreak. */
  sortable: Record<string, string>;
  /** What each row is sent as, when that differs from what the query reads. */
  present?(row: Row): Out;
}

const UUID = z.uuid();

function regionCondition(region: Exclude<RegionDeclaration, 'everyone'>, scope: string): Expression<SqlBool> {
  const column = typeof region.column === 'string' ? sql.ref(region.column) : region.column;
  return region.orPlatform ? sql<SqlBool>`(${column} = ${scope} or ${column} is null)` : sql<SqlBool>`${column} = ${scope}`;
}

/**
 * A resource's `list()` from its declaration: the reader's region, the getMany ids, each declared filter
 * and the search box, then sorting, paging and the count (runListQuery). Every list applies its filters
 * the same way, so a filter value of the wrong type is always a 422, never a 500.
 */
export function declaredList<Row, Out = Row>(declaration: ListDeclaration<Row, Out>) {
  return async (db: Kysely<Database>, scope: RegionScope, params: ListParams): Promise<ListResult<Out>> => {
    let query = declaration.from(db);
    if (scope !== null && declaration.region !== 'everyone') query = query.where(regionCondition(declaration.region, scope));
    const ids = params.filter.id as (string | number)[] | undefined;
    if (ids && declaration.id) query = query.where(sql.ref(declaration.id), 'in', ids);
    for (const [name, filter] of Object.entries(declaration.filters ?? {})) {
      const spec = typeof filter === 'string' ? { column: filter } : filter;
      const value = filterValue(params.filter, name, spec.type === 'boolean' ? 'boolean' : 'string');
      if (value === undefined) continue;
      const valid = spec.values ? spec.values.includes(String(value)) : spec.type !== 'uuid' || UUID.safeParse(value).success;
      if (!valid) throw new DomainError('VALIDATION_FAILED', `筛选条件 ${name} 无效`);
      if (spec.where) query = spec.where(query, value, params.filter);
      else query = query.where(sql.ref(spec.column ?? name), '=', value);
    }
    const search = declaration.search ?? [];
    const q = search.length ? filterValue(params.filter, 'q', 'string') : undefined;
    if (q) {
      const pattern = containsPattern(q);
      query = query.where((eb) => eb.or(search.map((column) => eb(sql.ref(column), 'ilike', pattern))));
    }
    const page = await runListQuery(query, params, declaration.sortable);
    const present = declaration.present;
    return present ? { ...page, rows: page.rows.map((row) => present(row)) } : (page as unknown as ListResult<Out>);
  };
}

/** The region filter of lists that hold the platform's baseline too: 'baseline' is the rows of no region. */
export function regionOrBaseline<Row>(column: string): FilterDeclaration<Row> {
  return {
    where: (query, value) => (value === 'baseline' ? query.where(sql.ref(column), 'is', null) : query.where(sql.ref(column), '=', value)),
  };
}
