import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { declaredList } from '@/lib/back-office/declared-list';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { DomainError } from '@/lib/errors/domain-error';
import type { AuditCheckpoint } from './audit-checkpoint';
import { requireAllRegionsOverseer } from './require-all-regions-overseer';

export interface AuditCheckpointRecord {
  id: number;
  /** The chain's last row when it was taken, its hash and the number of rows up to it. */
  chain_row_id: number;
  chain_hash: string;
  chain_rows: number;
  taken_at: Date;
  public_key: string;
  signature: string;
  /** The chain is the platform's, not a region's. */
  region_id: null;
}

/** Checkpoints are the chain's overseers' (compliance and the platform administrator): everyone else is refused. */
const assertChainOverseer = (actor: Actor) => requireAllRegionsOverseer(actor, '查看审计链检查点');

function selectCheckpoints(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('audit_checkpoints as c')
    .select([
      'c.id', sql<number>`c.chain_row_id::int8`.as('chain_row_id'), 'c.chain_hash', sql<number>`c.chain_rows::int8`.as('chain_rows'),
      'c.taken_at', 'c.public_key', 'c.signature', sql<null>`null`.as('region_id'),
    ]);
}

/** The checkpoint as it was signed and as compliance keeps it outside the system (the file 下载 saves). */
export function checkpointFile(record: AuditCheckpointRecord): AuditCheckpoint {
  return {
    row: Number(record.chain_row_id),
    hash: record.chain_hash,
    rows: Number(record.chain_rows),
    takenAt: new Date(record.taken_at).toISOString(),
    publicKey: record.public_key,
    signature: record.signature,
  };
}

const idSchema = z.coerce.number({ error: '检查点编号无效' }).int({ error: '检查点编号无效' }).positive({ error: '检查点编号无效' }).max(Number.MAX_SAFE_INTEGER, { error: '检查点编号无效' });

/**
 * 审计链检查点: the signed checkpoints taken daily and on demand, newest first. Read-only: a checkpoint is
 * taken by POST /api/admin/audit-chain/checkpoint; each can be downloaded and the chain verified against it.
 */
export const auditCheckpointResource: ResourceDefinition<AuditCheckpointRecord> = {
  name: 'audit-checkpoints',
  entityType: 'audit_checkpoint',
  label: '审计链检查点',
  idSchema,
  defaultSort: 'id',
  authorizeRead: assertChainOverseer,
  list: declaredList({
    from: selectCheckpoints,
    id: 'c.id',
    region: 'everyone',
    filters: {},
    sortable: { id: 'c.id', taken_at: 'c.taken_at' },
  }),
  findById: (db, id) => selectCheckpoints(db).where('c.id', '=', Number(id)).executeTakeFirst(),
  allowedActions: (_record, actor) => (actor.role === 'compliance' || actor.role === 'platform_admin' ? ['download', 'verify'] : []),
};

/** GET /api/admin/audit-chain/checkpoint/<id>: one kept checkpoint as its signed file. */
export async function downloadAuditCheckpoint(db: Kysely<Database>, actor: Actor, rawId: string): Promise<{ fileName: string; content: Uint8Array }> {
  assertChainOverseer(actor);
  const parsed = idSchema.safeParse(rawId);
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', '检查点编号无效');
  const record = await selectCheckpoints(db).where('c.id', '=', parsed.data).executeTakeFirst();
  if (!record) throw new DomainError('NOT_FOUND', '检查点不存在');
  const file = checkpointFile(record);
  return { fileName: `audit-checkpoint-${file.row}.json`, content: new TextEncoder().encode(JSON.stringify(file, null, 2)) };
}
