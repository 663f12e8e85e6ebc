import { sql, type RawBuilder } from 'kysely';

/**
 * Which versions of a series can be in force at `at`, as a condition on its table's row: a version decides
 * from its 生效时间 (effective_from; older rows: when published) until the next version of the series takes
 * effect, so the one in force is the latest to have taken effect. For "now" (`pastMoment` false) the
 * published version always counts (it is in force by definition) and a scheduled one once its time has
 * come; for a past moment the archived versions count too, each from the moment it took effect.
 */
export function inForceAt(at: Date, pastMoment: boolean): RawBuilder<boolean> {
  const since = sql`coalesce(effective_from, published_at)`;
  return pastMoment
    ? sql<boolean>`(status in ('published', 'scheduled', 'archived') and ${since} <= ${at})`
    : sql<boolean>`(status = 'published' or (status = 'scheduled' and effective_from <= ${at}))`;
}

/**
 * The latest to have taken effect first (within the region's own versions, which come before the
 * baseline's); at the same moment the later version (a publish at the very time a scheduled one took effect).
 */
export const latestInForceFirst = sql`coalesce(effective_from, published_at) desc, version desc`;

/** When the versions in force change next after `at` by the clock alone: the earliest scheduled 生效时间 still to come. */
export const nextActivationAfter = (at: Date) => sql<Date | null>`min(effective_from) filter (where status = 'scheduled' and effective_from > ${at})`;
