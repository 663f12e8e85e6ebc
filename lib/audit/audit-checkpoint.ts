import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/validation/parse-input';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { secret } from '@/lib/config/secrets';
import { now } from '@/lib/time/clock';
import { verifyAuditChain } from './verify-audit-chain';
import { requireAllRegionsOverseer } from './require-all-regions-overseer';

/** What a checkpoint says, as signed and as compliance downloads it (JSON). */
export interface AuditCheckpoint {
  /** The id of the chain's last row when it was taken. */
  row: number;
  /** That row's hash: the whole chain up to it, by the links. */
  hash: string;
  /** How many rows the chain had up to and including it. */
  rows: number;
  /** ISO time it was taken. */
  takenAt: string;
  /** The Ed25519 public key (SPKI, base64) that verifies `signature`. */
  publicKey: string;
  /** Ed25519 over the canonical text of the four fields above (checkpointText), base64. */
  signature: string;
}

/** The text that is signed: fixed order, no whitespace, so anyone can rebuild and check it. */
export const checkpointText = (c: Pick<AuditCheckpoint, 'row' | 'hash' | 'rows' | 'takenAt'>) =>
  JSON.stringify({ row: c.row, hash: c.hash, rows: c.rows, takenAt: c.takenAt });

// PKCS#8 DER header of an Ed25519 private key, followed by its 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The signing key: AUDIT_CHECKPOINT_PRIVATE_KEY, an Ed25519 key as PKCS#8 PEM, which a production deployment on
 * PostgreSQL must set (secret() refuses to start it without); on the embedded database a random 32-byte seed is
 * generated once into the data directory's secrets, so the demo's checkpoints verify across restarts and no
 * key anyone could derive from the source signs them.
 */
function signingKey(): KeyObject {
  const value = secret('AUDIT_CHECKPOINT_PRIVATE_KEY');
  if (value.includes('-----BEGIN')) return createPrivateKey(value.replace(/\\n/g, '\n'));
  const seed = Buffer.from(value, 'base64url');
  if (seed.length !== 32) throw new Error('AUDIT_CHECKPOINT_PRIVATE_KEY 应为 Ed25519 私钥（PKCS#8 PEM）');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/**
 * 审计链检查点: verifies the chain, then signs its head (row, hash, count, time) and keeps the checkpoint.
 * Taken daily and on demand; compliance downloads it and keeps it outside the system.
 */
export async function takeAuditCheckpoint(db: Kysely<Database>): Promise<AuditCheckpoint> {
  const report = await verifyAuditChain(db);
  if (!report.ok) throw new DomainError('SEAL_BROKEN', `审计链校验未通过，不能生成检查点：${report.message}`);
  const head = await db.selectFrom('audit_events').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!head) throw new DomainError('CONFLICT', '审计链为空，无需生成检查点');
  const key = signingKey();
  const body = { row: Number(head.id), hash: head.hash, rows: report.checked, takenAt: now().toISOString() };
  const checkpoint: AuditCheckpoint = {
    ...body,
    publicKey: createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64'),
    signature: sign(null, Buffer.from(checkpointText(body)), key).toString('base64'),
  };
  await db
    .insertInto('audit_checkpoints')
    .values({ chain_row_id: body.row, chain_hash: body.hash, chain_rows: body.rows, taken_at: body.takenAt, public_key: checkpoint.publicKey, signature: checkpoint.signature })
    .execute();
  return checkpoint;
}

export type CheckpointReport =
  | { ok: true; checked: number; message: string }
  | { ok: false; problem: 'bad_signature' | 'truncated' | 'replaced' | 'chain_broken'; message: string };

/**
 * Verifies the chain against a checkpoint kept outside: the checkpoint's signature, the chain itself,
 * and that the row it names is still there with the same hash and as many rows up to it — so rows cut
 * from the end (which leave a chain that is consistent in itself) are detected.
 */
export async function verifyAgainstCheckpoint(db: Kysely<Database>, checkpoint: AuditCheckpoint): Promise<CheckpointReport> {
  const publicKey = createPublicKey({ key: Buffer.from(checkpoint.publicKey, 'base64'), format: 'der', type: 'spki' });
  const genuine = verify(null, Buffer.from(checkpointText(checkpoint)), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  if (!genuine) return { ok: false, problem: 'bad_signature', message: '检查点的签名无效：检查点被改动过，或不是本平台签发的' };
  const expectedKey = createPublicKey(signingKey()).export({ format: 'der', type: 'spki' }).toString('base64');
  if (expectedKey !== checkpoint.publicKey) return { ok: false, problem: 'bad_signature', message: '检查点不是用本平台的密钥签发的' };
  const chain = await verifyAuditChain(db);
  if (!chain.ok) return { ok: false, problem: 'chain_broken', message: chain.message };
  const row = await db.selectFrom('audit_events').select('hash').where('id', '=', checkpoint.row).executeTakeFirst();
  const count = Number((await db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('id', '<=', checkpoint.row).executeTakeFirstOrThrow()).n);
  if (!row) {
    return { ok: false, problem: 'truncated', message: `审计链被截断：检查点记录的第 ${checkpoint.row} 条（共 ${checkpoint.rows} 条）已不存在，现有链只到 ${count} 条` };
  }
  if (row.hash !== checkpoint.hash || count !== checkpoint.rows) {
    return { ok: false, problem: 'replaced', message: `第 ${checkpoint.row} 条及之前的审计记录与检查点不符（被替换或删除）` };
  }
  return { ok: true, checked: chain.checked, message: `审计链与检查点一致：第 ${checkpoint.row} 条的哈希相符，之后又追加了 ${chain.checked - checkpoint.rows} 条` };
}

const checkpointSchema = z.object({
  row: z.number({ error: '检查点格式无效' }).int().positive(),
  hash: z.string({ error: '检查点格式无效' }).min(1),
  rows: z.number({ error: '检查点格式无效' }).int().positive(),
  takenAt: z.string({ error: '检查点格式无效' }),
  publicKey: z.string({ error: '检查点格式无效' }).min(1).max(200),
  signature: z.string({ error: '检查点格式无效' }).min(1).max(200),
});

/** On demand (POST /api/admin/audit-chain/checkpoint): compliance or the platform administrator takes one. */
export async function takeAuditCheckpointAs(db: Kysely<Database>, actor: Actor): Promise<AuditCheckpoint> {
  requireAllRegionsOverseer(actor, '生成或核对审计链检查点');
  return takeAuditCheckpoint(db);
}

/** POST /api/admin/audit-chain/verify-checkpoint with a checkpoint kept outside the system. */
export async function verifyCheckpointAs(db: Kysely<Database>, actor: Actor, raw: unknown): Promise<CheckpointReport> {
  requireAllRegionsOverseer(actor, '生成或核对审计链检查点');
  return verifyAgainstCheckpoint(db, parseInput(checkpointSchema, raw));
}

/** The daily checkpoint (a timed job): none while the chain is empty; a broken chain fails the job, loudly. */
export async function takeDailyAuditCheckpoint(db: Kysely<Database>): Promise<AuditCheckpoint | null> {
  const any = await db.selectFrom('audit_events').select('id').limit(1).executeTakeFirst();
  return any ? takeAuditCheckpoint(db) : null;
}
