import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * Rows of `regionId` or of the platform (no region): what a regional reader may see (the baseline is
 * readable by the whole back office, as in assertCanRead) and what can decide for that region.
 */
export function inRegionOrPlatform(column: string, regionId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} = ${regionId} or ${sql.ref(column)} is null)`;
}

/** Rows of exactly this region, or of the platform itself when `regionId` is null. */
export function inSameRegion(column: string, regionId: string | null): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} is not distinct from ${regionId}`;
}
