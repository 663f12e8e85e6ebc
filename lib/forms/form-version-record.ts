import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, RuleVersionStatus } from '@/db/database';
import type { ReviewedVersionFields } from '@/lib/versioning/reviewed-version-fields';

export interface FormVersionRecord extends ReviewedVersionFields {
  id: string;
  form_key: string;
  region_id: string | null;
  version: number;
  status: RuleVersionStatus;
  schema: Record<string, unknown>;
  ui_schema: Record<string, unknown>;
  note: string;
  created_at: Date;
  created_by_name: string | null;
  updated_at: Date;
  published_at: Date | null;
  published_by_name: string | null;
  publish_reason: string | null;
}

export function selectFormVersions(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('form_versions as f')
    .leftJoin('users as creator', 'creator.id', 'f.created_by')
    .leftJoin('users as publisher', 'publisher.id', 'f.published_by')
    .leftJoin('users as updater', 'updater.id', 'f.updated_by')
    .leftJoin('users as submitter', 'submitter.id', 'f.submitted_by')
    .select([
      'f.id', 'f.form_key', 'f.region_id', 'f.version', 'f.status', 'f.schema', 'f.ui_schema', 'f.note',
      'f.created_at', 'creator.display_name as created_by_name', 'f.updated_at',
      'f.published_at', 'publisher.display_name as published_by_name', 'f.publish_reason',
      'f.submitted_at', 'submitter.display_name as submitted_by_name', 'f.submit_reason', 'f.effective_from',
      sql<boolean>`coalesce((select s.approval_required from version_approval_settings s where s.scope = coalesce(f.region_id, 'baseline')), true)`.as('approval_required'),
      sql<string[]>`array_remove(array[f.created_by::text, f.updated_by::text, f.submitted_by::text], null)`.as('author_ids'),
      sql<string[]>`array_remove(array[creator.phone, updater.phone, submitter.phone], null)`.as('author_phones'),
    ]);
}

export function findFormVersion(db: Kysely<Database> | Transaction<Database>, id: string): Promise<FormVersionRecord | undefined> {
  return selectFormVersions(db).where('f.id', '=', id).executeTakeFirst();
}
