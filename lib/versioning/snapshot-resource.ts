import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { DomainError } from '@/lib/errors/domain-error';
import { findEffectiveForm } from '@/lib/forms/find-effective-form';
import { effectiveVersionQuery } from '@/lib/rules/find-effective-version';
import { now } from '@/lib/time/clock';
import { getRuleSetCatalog, RULE_SET_KEYS } from '@/rules/catalog/rule-set-catalogs';

export interface SnapshotRow {
  /** `rule:<key>` or `form:<key>`. */
  id: string;
  kind: 'rule' | 'form';
  /** rule-versions or form-versions: where the version's page is. */
  resource: 'rule-versions' | 'form-versions';
  key: string;
  label: string;
  version_id: string;
  version: number;
  /** The region's own version, or the platform baseline because the region had none in force. */
  scope: 'regional' | 'baseline';
  scope_label: string;
  effective_from: Date | null;
  region_id: string | null;
}

const filterSchema = z.object({
  region_id: z.string().regex(/^\d{6}$/, { error: '区域无效' }).nullish(),
  at: z.string().refine((v) => !Number.isNaN(Date.parse(v)), { error: '时间无效' }).nullish(),
});

/** The rule and form versions in force in a region (or the baseline) at a moment, past or present. */
export async function snapshotAt(db: Kysely<Database>, regionId: string | null, at: Date): Promise<SnapshotRow[]> {
  const pastMoment = at.getTime() < now().getTime();
  const rows: SnapshotRow[] = [];
  const scopeOf = (r: string | null) => (r === null ? 'baseline' : 'regional') as SnapshotRow['scope'];
  const scopeLabel = (r: string | null) => (r === null ? '平台基线' : '区域版本');
  for (const key of RULE_SET_KEYS) {
    const v = await effectiveVersionQuery(db, key, regionId, at, pastMoment).select(['effective_from', 'published_at']).executeTakeFirst();
    if (!v) continue;
    rows.push({
      id: `rule:${key}`, kind: 'rule', resource: 'rule-versions', key, label: `规则：${getRuleSetCatalog(key).label}`,
      version_id: v.id, version: v.version, scope: scopeOf(v.region_id), scope_label: scopeLabel(v.region_id),
      effective_from: v.effective_from ?? v.published_at, region_id: regionId,
    });
  }
  const { rows: keys } = await sql<{ form_key: string }>`select distinct form_key from form_versions order by form_key`.execute(db);
  for (const { form_key } of keys) {
    // A region's applicants fill its own form or the platform's; the baseline alone is the platform's.
    const form = regionId === null
      ? await db.selectFrom('form_versions').select(['id', 'version', 'region_id']).where('form_key', '=', form_key).where('region_id', 'is', null)
          .where(sql<boolean>`(status in ('published', 'scheduled', 'archived') and coalesce(effective_from, published_at) <= ${at})`)
          .orderBy(sql`coalesce(effective_from, published_at) desc, version desc`).limit(1).executeTakeFirst()
      : await findEffectiveForm(db, form_key, regionId, at, true);
    if (!form) continue;
    // A form is named by its title (投保信息) as its applicants see it, and in force from its 生效时间 or publication.
    const shown = await db.selectFrom('form_versions')
      .select([sql<string | null>`schema->>'title'`.as('title'), sql<Date>`coalesce(effective_from, published_at)`.as('in_force_from')])
      .where('id', '=', form.id).executeTakeFirstOrThrow();
    rows.push({
      id: `form:${form_key}`, kind: 'form', resource: 'form-versions', key: form_key, label: `表单：${shown.title ?? form_key}`,
      version_id: form.id, version: form.version, scope: scopeOf(form.region_id), scope_label: scopeLabel(form.region_id),
      effective_from: shown.in_force_from, region_id: regionId,
    });
  }
  return rows;
}

/**
 * 规则快照: pick a region and a moment → the rule and form versions in force there and then, each with a
 * link to its version page and whether it was the region's own or the baseline. An operator sees its region.
 */
export const snapshotResource: ResourceDefinition<SnapshotRow> = {
  name: 'rule-snapshots',
  entityType: 'rule_snapshot',
  label: '规则快照',
  idSchema: z.string().regex(/^(rule|form):[a-z0-9-]+$/, { error: '快照条目无效' }),
  defaultSort: 'id',
  async list(db, scope, params) {
    const parsed = filterSchema.safeParse(params.filter);
    if (!parsed.success) throw new DomainError('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? '筛选条件无效');
    const region = scope ?? parsed.data.region_id ?? null;
    if (scope !== null && parsed.data.region_id && parsed.data.region_id !== scope) throw new DomainError('OTHER_REGION', '您只能查看本区域的规则快照');
    const at = parsed.data.at ? new Date(parsed.data.at) : now();
    const rows = await snapshotAt(db, region, at);
    return { rows, total: rows.length };
  },
  findById: async () => undefined,
};
