import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { filterIds } from '@/lib/back-office/run-list-query';
import { getRuleSetCatalog, isRuleSetKey, RULE_SET_KEYS, type RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { inRegionOrPlatform } from '@/lib/regions/region-filters';

export interface RuleSetRecord {
  id: RuleSetKey;
  label: string;
  facts: { name: string; label: string }[];
  outcomes: { type: string; label: string }[];
  baseline_version: number | null;
  baseline_version_id: string | null;
  /** Published regional versions the reader may see: region id → version number. */
  regional_versions: { region_id: string; version: number; version_id: string }[];
  drafts: number;
  region_id: null;
}

/** 规则集: the three rule sets with what is published where; a read-only overview, not a table. */
export const ruleSetResource: ResourceDefinition<RuleSetRecord> = {
  name: 'rule-sets',
  entityType: 'rule_set',
  label: '规则集',
  idSchema: z.string().refine(isRuleSetKey, { error: '规则集无效' }),
  defaultSort: 'id',

  async list(db, scope, params) {
    const ids = filterIds(params.filter);
    const keys = RULE_SET_KEYS.filter((k) => !ids || ids.includes(k));
    let versions = db
      .selectFrom('rule_set_versions')
      .select(['id', 'rule_set_key', 'region_id', 'version', 'status'])
      .where('status', 'in', ['published', 'draft']);
    if (scope !== null) versions = versions.where(inRegionOrPlatform('region_id', scope));
    const rows = await versions.execute();
    const records = keys.map((key): RuleSetRecord => {
      const catalog = getRuleSetCatalog(key);
      const own = rows.filter((r) => r.rule_set_key === key);
      const baseline = own.find((r) => r.status === 'published' && r.region_id === null);
      return {
        id: key,
        label: catalog.label,
        facts: catalog.facts.map((f) => ({ name: f.name, label: f.label })),
        outcomes: catalog.outcomes.map((o) => ({ type: o.type, label: o.label })),
        baseline_version: baseline?.version ?? null,
        baseline_version_id: baseline?.id ?? null,
        regional_versions: own
          .filter((r) => r.status === 'published' && r.region_id !== null)
          .map((r) => ({ region_id: r.region_id!, version: r.version, version_id: r.id })),
        drafts: own.filter((r) => r.status === 'draft').length,
        region_id: null,
      };
    });
    return { rows: records.slice(params.offset, params.offset + params.limit), total: records.length };
  },

  // Aggregates over regions, so it must see only what the reader's scope allows, like the list.
  async findById(db, id, scope) {
    const { rows } = await ruleSetResource.list(db as Kysely<Database>, scope, { sort: { field: 'id', order: 'asc' }, offset: 0, limit: 1, filter: { id: [String(id)] } });
    return rows[0];
  },
};
