import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, RuleVersionStatus } from '@/db/database';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import type { ReviewedVersionFields } from '@/lib/versioning/reviewed-version-fields';

export interface RuleVersionRecord extends ReviewedVersionFields {
  id: string;
  rule_set_key: RuleSetKey;
  region_id: string | null;
  version: number;
  status: RuleVersionStatus;
  document: unknown;
  note: string;
  copied_from: string | null;
  created_at: Date;
  created_by_name: string | null;
  updated_at: Date;
  updated_by_name: string | null;
  published_at: Date | null;
  published_by_name: string | null;
  publish_reason: string | null;
  archived_at: Date | null;
}

/** Versions with their authors' names, as the back office shows them. */
export function selectRuleVersions(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('rule_set_versions as v')
    .leftJoin('users as creator', 'creator.id', 'v.created_by')
    .leftJoin('users as updater', 'updater.id', 'v.updated_by')
    .leftJoin('users as publisher', 'publisher.id', 'v.published_by')
    .leftJoin('users as submitter', 'submitter.id', 'v.submitted_by')
    .select([
      'v.id', 'v.rule_set_key', 'v.region_id', 'v.version', 'v.status', 'v.document', 'v.note', 'v.copied_from',
      'v.created_at', 'creator.display_name as created_by_name',
      'v.updated_at', 'updater.display_name as updated_by_name',
      'v.published_at', 'publisher.display_name as published_by_name', 'v.publish_reason', 'v.archived_at',
      'v.submitted_at', 'submitter.display_name as submitted_by_name', 'v.submit_reason', 'v.effective_from',
      sql<boolean>`coalesce((select s.approval_required from version_approval_settings s where s.scope = coalesce(v.region_id, 'baseline')), true)`.as('approval_required'),
      sql<string[]>`array_remove(array[v.created_by::text, v.updated_by::text, v.submitted_by::text], null)`.as('author_ids'),
      sql<string[]>`array_remove(array[creator.phone, updater.phone, submitter.phone], null)`.as('author_phones'),
    ]);
}

export function findRuleVersion(db: Kysely<Database> | Transaction<Database>, id: string): Promise<RuleVersionRecord | undefined> {
  return selectRuleVersions(db).where('v.id', '=', id).executeTakeFirst();
}
