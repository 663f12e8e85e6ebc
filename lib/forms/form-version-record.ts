import type { Kysely, Transaction } from 'kysely';
import type { Database, RuleVersionStatus } from '@/db/database';

export interface FormVersionRecord {
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
    .select([
      'f.id', 'f.form_key', 'f.region_id', 'f.version', 'f.status', 'f.schema', 'f.ui_schema', 'f.note',
      'f.created_at', 'creator.display_name as created_by_name', 'f.updated_at',
      'f.published_at', 'publisher.display_name as published_by_name', 'f.publish_reason',
    ]);
}

export function findFormVersion(db: Kysely<Database> | Transaction<Database>, id: string): Promise<FormVersionRecord | undefined> {
  return selectFormVersions(db).where('f.id', '=', id).executeTakeFirst();
}
