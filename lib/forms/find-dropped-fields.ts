import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import { listDataPaths } from '@/forms/list-data-paths';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead } from '@/lib/auth/authorize';
import { notFound } from '@/lib/errors/domain-error';
import { parseInput } from '@/lib/validation/parse-input';
import { inRegionOrPlatform, inSameRegion } from '@/lib/regions/region-filters';
import { findFormVersion } from './form-version-record';

export interface DroppedField {
  path: string;
  label: string;
  /** Earlier orders holding a value there; they stay readable with the version they were filled in. */
  orders: number;
}

export interface DroppedFieldsReport {
  /** The version applicants fill today, that the draft would replace. */
  comparedWith: { id: string; version: number; regionId: string | null } | null;
  fields: DroppedField[];
}

/**
 * Fields (data paths) of the form applicants fill today that the draft no longer has — dropped or
 * renamed — with how many earlier orders hold a value there. Publishing is still allowed: those orders
 * keep their own version; the operator is told before giving the reason.
 */
export async function findDroppedFields(db: Kysely<Database>, actor: Actor, rawId: string): Promise<DroppedFieldsReport> {
  const id = parseInput(z.uuid({ error: '表单版本编号无效' }), rawId);
  const draft = await findFormVersion(db, id);
  if (!draft) throw notFound('表单版本');
  assertCanRead(actor, draft.region_id);
  const current = await db
    .selectFrom('form_versions')
    .select(['id', 'version', 'region_id', 'schema'])
    .where('form_key', '=', draft.form_key)
    .where('status', '=', 'published')
    .where('id', '!=', draft.id)
    .where(draft.region_id === null ? inSameRegion('region_id', null) : inRegionOrPlatform('region_id', draft.region_id))
    .orderBy('region_id', 'asc')
    .limit(1)
    .executeTakeFirst();
  if (!current) return { comparedWith: null, fields: [] };
  const kept = new Set(listDataPaths(draft.schema).map((p) => p.path));
  const dropped = listDataPaths(current.schema).filter((p) => !kept.has(p.path));
  const fields: DroppedField[] = [];
  for (const { path, label } of dropped) {
    let query = db
      .selectFrom('orders as o')
      .innerJoin('form_versions as v', 'v.id', 'o.form_version_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('v.form_key', '=', draft.form_key)
      .where(inSameRegion('v.region_id', current.region_id))
      .where(sql<boolean>`o.form_data #> array[${sql.join(path.split('.'))}]::text[] is not null`);
    // A region's operator counts its own region's orders only.
    if (draft.region_id !== null) {
      query = query
        .innerJoin('sections as s', 's.id', 'o.section_id')
        .innerJoin('projects as p', 'p.id', 's.project_id')
        .where('p.region_id', '=', draft.region_id);
    }
    const { n } = await query.executeTakeFirstOrThrow();
    fields.push({ path, label, orders: Number(n) });
  }
  return { comparedWith: { id: current.id, version: current.version, regionId: current.region_id }, fields };
}
