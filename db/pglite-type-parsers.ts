import type { PGlite, Transaction } from '@electric-sql/pglite';

type Parsers = Record<number, (text: string) => unknown>;

/**
 * PGlite 0.5 ignores the `parsers` given to its constructor for some types (dates come back as Date
 * objects whatever is configured), but honours parsers given with each query. Kysely passes none, so
 * this wraps the instance to add ours to every query, inside transactions too, making PGlite read
 * values exactly as the `pg` driver is configured to.
 */
export function withTypeParsers(pglite: PGlite, parsers: Parsers): PGlite {
  const query = <T>(target: Pick<PGlite, 'query'>) =>
    ((sql: string, params?: unknown[], options?: Parameters<PGlite['query']>[2]) =>
      target.query<T>(sql, params, { ...options, parsers: { ...parsers, ...options?.parsers } })) as PGlite['query'];
  // Properties are read from the target itself (not through the proxy): PGlite keeps its state in
  // private fields, which a getter cannot reach with the proxy as `this`.
  return new Proxy(pglite, {
    get(target, property) {
      if (property === 'query') return query(target);
      if (property === 'transaction') {
        return <T>(callback: (tx: Transaction) => Promise<T>) =>
          target.transaction((tx) => callback(new Proxy(tx, { get: (t, p) => (p === 'query' ? query(t) : bound(t, p)) })));
      }
      return bound(target, property);
    },
  });
}

function bound(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property);
  return typeof value === 'function' ? value.bind(target) : value;
}
