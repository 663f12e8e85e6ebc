import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { now } from '@/lib/time/clock';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import type { ValidRuleDocument } from '@/rules/rule-document-types';
import { findRuleVersion, type RuleVersionRecord } from './rule-version-record';
import { lockSeries, nextVersionNumber, type DocumentSeries } from '@/lib/versioning/document-series';

/** Serializes writers of one rule set in one region: version numbers and the single published version. */
export function lockRuleSet(trx: Transaction<Database>, key: RuleSetKey, regionId: string | null): Promise<void> {
  return lockSeries(trx, ruleSeries(key, regionId));
}

export const ruleSeries = (key: RuleSetKey, regionId: string | null): DocumentSeries => ({ table: 'rule_set_versions', key, regionId });

export interface NewDraft {
  ruleSetKey: RuleSetKey;
  regionId: string | null;
  document: ValidRuleDocument;
  note: string;
  copiedFrom: string | null;
}

/** A new draft numbered after the rule set's last version in that region. */
export async function insertRuleDraft(trx: Transaction<Database>, actor: Actor, draft: NewDraft): Promise<RuleVersionRecord> {
  const series = ruleSeries(draft.ruleSetKey, draft.regionId);
  await lockSeries(trx, series);
  const version = await nextVersionNumber(trx, series);
  const at = now();
  const row = await trx
    .insertInto('rule_set_versions')
    .values({
      rule_set_key: draft.ruleSetKey,
      region_id: draft.regionId,
      version,
      status: 'draft',
      document: JSON.stringify(draft.document),
      note: draft.note,
      copied_from: draft.copiedFrom,
      created_by: actor.userId,
      created_at: at,
      updated_by: actor.userId,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findRuleVersion(trx, row.id))!;
}
