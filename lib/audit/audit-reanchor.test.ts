import { sql, type Transaction } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/database';
import { openDemoFixture, type DemoFixture } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import type { Actor } from '@/lib/auth/actor';
import { createRecord } from '@/lib/back-office/create-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { insurerResource } from '@/lib/insurers/insurer-resource';
import { now } from '@/lib/time/clock';
import { appendAuditEvent } from './append-audit-event';
import { auditHash, auditPayload } from './audit-hash';
import { auditContentOfRow } from './audit-row-content';
import { reanchorAuditChain } from './reanchor-audit-chain';
import { REANCHOR_ACTION } from './reanchoring';
import { verifyAuditChain } from './verify-audit-chain';

const insurer = (n: number) => ({
  region_id: '650100',
  name: `锚定测试保险公司 ${n}`,
  receiving_account_name: '锚定测试',
  receiving_account_bank: '测试银行',
  receiving_account_number: `62170000${String(n).padStart(8, '0')}`,
  contact_phone: '0991-7654321',
});

/**
 * How rows were appended before text was checked and normalized: hashed over the reason as sent, while
 * the text column keeps U+FFFD for its lone surrogate. The shape of the broken rows a chain may hold.
 */
async function appendTheOldWay(trx: Transaction<Database>, actor: Actor, reason: string) {
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const content = {
    occurredAt: now(),
    actorId: actor.userId,
    actorLabel: `${actor.name}（${actor.phone}）`,
    actorRole: actor.role,
    action: 'project.update',
    entityType: 'project',
    entityId: '00000000-0000-4000-8000-000000000001',
    regionId: '650100',
    before: { status: 'normal' },
    after: { status: 'suspended' },
    reason,
  };
  const prevHash = last?.hash ?? null;
  const row = await trx
    .insertInto('audit_events')
    .values({
      occurred_at: content.occurredAt, actor_id: content.actorId, actor_label: content.actorLabel, actor_role: content.actorRole,
      action: content.action, entity_type: content.entityType, entity_id: content.entityId, region_id: content.regionId,
      before: JSON.stringify(content.before), after: JSON.stringify(content.after), reason: content.reason,
      prev_hash: prevHash, hash: auditHash(prevHash, content),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What a tampering table owner would do: bypass the append-only trigger for one statement. */
async function tamper(db: DemoFixture['db'], statement: ReturnType<typeof sql>) {
  await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(db);
  try {
    await statement.execute(db);
  } finally {
    await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(db);
  }
}

describe.each(testDatabaseKinds)('re-anchoring the audit chain on %s', (kind) => {
  const f = useDemoFixture(kind);
  let oldRow: number;
  beforeAll(async () => {
    for (const n of [1, 2]) await createRecord(f.db, f.actors.operator, insurerResource, insurer(n));
    oldRow = await f.db.transaction().execute((trx) => appendTheOldWay(trx, f.actors.operator, '招标文件澄清\ud800'));
    await createRecord(f.db, f.actors.operator, insurerResource, insurer(3));
  });

  const countEvents = async () => Number((await f.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('detects a row written the old way: the database kept U+FFFD where the hash saw a lone surrogate', async () => {
    const stored = await f.db.selectFrom('audit_events').select('reason').where('id', '=', oldRow).executeTakeFirstOrThrow();
    expect(stored.reason).toBe('招标文件澄清\ufffd');
    expect(await verifyAuditChain(f.db)).toMatchObject({ ok: false, brokenAt: oldRow, problem: 'hash_mismatch', checked: oldRow - 1 });
  });

  it('lets only a platform administrator re-anchor, with a reason, and appends nothing otherwise', async () => {
    const before = await countEvents();
    expect((await expectRefusal(reanchorAuditChain(f.db, f.actors.compliance, { reason: '迁移' }))).code).toBe('FORBIDDEN');
    expect((await expectRefusal(reanchorAuditChain(f.db, f.actors.operator, { reason: '迁移' }))).code).toBe('FORBIDDEN');
    expect((await expectRefusal(reanchorAuditChain(f.db, f.actors.platformAdmin, { reason: ' ' }))).code).toBe('VALIDATION_FAILED');
    expect(await countEvents()).toBe(before);
  });

  it('re-anchors by one appended, audited event naming the row, its hashes and the surrogate; then the chain verifies', async () => {
    const result = await reanchorAuditChain(f.db, f.actors.platformAdmin, { reason: '修复旧版本写入的不成对代理项（issue #16）' });
    expect(result.reanchoredRows).toEqual([oldRow]);
    const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const broken = await f.db.selectFrom('audit_events').selectAll().where('id', '=', oldRow).executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      action: REANCHOR_ACTION,
      entity_type: 'audit_chain',
      entity_id: String(oldRow),
      actor_id: f.actors.platformAdmin.userId,
      reason: '修复旧版本写入的不成对代理项（issue #16）',
      hash: result.hash,
      after: { rows: [{ id: oldRow, recordedHash: broken.hash, storedContentHash: auditHash(broken.prev_hash, auditContentOfRow(broken)), surrogates: ['d800'] }] },
    });
    expect(await verifyAuditChain(f.db)).toEqual({ ok: true, checked: event.id, reanchoredRows: [oldRow] });
    expect((await expectRefusal(reanchorAuditChain(f.db, f.actors.platformAdmin, { reason: '再来一次' }))).code).toBe('CONFLICT');
  });

  it('still detects later real tampering: of another row, of the re-anchored row, of the re-anchoring event', async () => {
    const event = await f.db.selectFrom('audit_events').select('id').where('action', '=', REANCHOR_ACTION).executeTakeFirstOrThrow();
    const other = oldRow + 1;
    await tamper(f.db, sql`update audit_events set after = jsonb_set(after, '{name}', '"篡改后的名称"') where id = ${other}`);
    expect(await verifyAuditChain(f.db)).toMatchObject({ ok: false, brokenAt: other, problem: 'hash_mismatch' });
    await tamper(f.db, sql`update audit_events set after = jsonb_set(after, '{name}', ${JSON.stringify(insurer(3).name)}::jsonb) where id = ${other}`);
    expect((await verifyAuditChain(f.db)).ok).toBe(true);

    await tamper(f.db, sql`update audit_events set reason = '招标文件澄清' where id = ${oldRow}`);
    expect(await verifyAuditChain(f.db)).toMatchObject({ ok: false, brokenAt: oldRow, problem: 'hash_mismatch' });
    await tamper(f.db, sql`update audit_events set reason = '招标文件澄清\ufffd' where id = ${oldRow}`);
    await tamper(f.db, sql`update audit_events set reason = '篡改' where id = ${event.id}`);
    expect(await verifyAuditChain(f.db)).toMatchObject({ ok: false, brokenAt: event.id, problem: 'hash_mismatch' });
  });

  it('never re-anchors real tampering, nor honours a forged re-anchoring event that covers it', async () => {
    const fresh = await openDemoFixture(kind);
    try {
      for (const n of [1, 2, 3]) await createRecord(fresh.db, fresh.actors.operator, insurerResource, insurer(n));
      await tamper(fresh.db, sql`update audit_events set after = jsonb_set(after, '{name}', '"篡改\ufffd"') where id = 2`);
      const refused = await expectRefusal(reanchorAuditChain(fresh.db, fresh.actors.platformAdmin, { reason: '试图掩盖' }));
      expect([refused.code, refused.message]).toEqual(['CONFLICT', '第 2 条审计记录的内容与其哈希不符，且不能归因于不成对代理项的旧编码问题（可能被篡改），不能重新锚定']);
      expect(await fresh.db.selectFrom('audit_events').select('id').where('action', '=', REANCHOR_ACTION).execute()).toEqual([]);

      // Someone who can write the table appends a well-linked event claiming row 2 — without a witness that holds.
      const row = await fresh.db.selectFrom('audit_events').selectAll().where('id', '=', 2).executeTakeFirstOrThrow();
      const storedContentHash = auditHash(row.prev_hash, auditContentOfRow(row));
      await fresh.db.transaction().execute((trx) =>
        appendAuditEvent(trx, fresh.actors.platformAdmin, {
          action: REANCHOR_ACTION, entityType: 'audit_chain', entityId: '2', regionId: null,
          after: { rows: [{ id: 2, recordedHash: row.hash, storedContentHash, surrogates: ['d800'] }] }, reason: '伪造',
        }),
      );
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ ok: false, brokenAt: 2, problem: 'hash_mismatch' });
      expect(auditPayload(row.prev_hash, auditContentOfRow(row))).toContain('\ufffd');
    } finally {
      await fresh.close();
    }
  });

  it('refuses to re-anchor over a removed row', async () => {
    const fresh = await openDemoFixture(kind);
    try {
      for (const n of [1, 2, 3]) await createRecord(fresh.db, fresh.actors.operator, insurerResource, insurer(n));
      await tamper(fresh.db, sql`delete from audit_events where id = 2`);
      const refused = await expectRefusal(reanchorAuditChain(fresh.db, fresh.actors.platformAdmin, { reason: '删除' }));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain('第 3 条审计记录与前一条不衔接');
    } finally {
      await fresh.close();
    }
  });

  it('hashes what is stored even when a lone surrogate reaches the chain past every boundary', async () => {
    const fresh = await openDemoFixture(kind);
    try {
      await fresh.db.transaction().execute((trx) =>
        appendAuditEvent(trx, fresh.actors.operator, {
          action: 'project.update', entityType: 'project', entityId: 'p\udc00', regionId: '650100',
          before: { ['k\ud800']: 'v\udfff' }, after: { note: '好评👍' }, reason: '原因\ud800',
        }),
      );
      const row = await fresh.db.selectFrom('audit_events').selectAll().executeTakeFirstOrThrow();
      expect([row.reason, row.entity_id, row.before]).toEqual(['原因\ufffd', 'p\ufffd', { 'k\ufffd': 'v\ufffd' }]);
      expect(await verifyAuditChain(fresh.db)).toEqual({ ok: true, checked: 1 });
    } finally {
      await fresh.close();
    }
  });
});
