import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDemoFixture } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { createRecord } from '@/lib/back-office/create-record';
import { updateRecord } from '@/lib/back-office/update-record';
import { insurerResource } from '@/lib/insurers/insurer-resource';
import { DomainError } from '@/lib/errors/domain-error';
import { appendAuditEvent } from './append-audit-event';
import { checkAuditChain } from './check-audit-chain';
import { auditEventResource } from './audit-event-resource';
import { listRecords } from '@/lib/back-office/list-records';
import { verifyAuditChain } from './verify-audit-chain';

const insurer = (n: number) => ({
  region_id: '650100',
  name: `审计测试保险公司 ${n}`,
  receiving_account_name: '审计测试',
  receiving_account_bank: '测试银行',
  receiving_account_number: `62170000${String(n).padStart(8, '0')}`,
  contact_phone: '0991-7654321',
});

describe.each(testDatabaseKinds)('audit chain on %s', (kind) => {
  const f = useDemoFixture(kind);
  beforeAll(async () => {
    for (let n = 1; n <= 3; n++) {
      const created = await createRecord(f.db, f.actors.operator, insurerResource, insurer(n));
      await updateRecord(f.db, f.actors.operator, insurerResource, String(created.id), { active: false, reason: `停用 ${n}` });
    }
  });

  it('links every back-office write to the one before it', async () => {
    const rows = await f.db.selectFrom('audit_events').select(['id', 'prev_hash', 'hash']).orderBy('id').execute();
    expect(rows).toHaveLength(6);
    expect(rows[0]!.prev_hash).toBeNull();
    rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i]!.hash));
    expect(await verifyAuditChain(f.db)).toEqual({ ok: true, checked: 6 });
  });

  it('stays one unbroken chain when writers append at the same time', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => createRecord(f.db, f.actors.operator, insurerResource, insurer(100 + i))),
    );
    expect(await verifyAuditChain(f.db)).toEqual({ ok: true, checked: 14 });
  });

  it('filters the log by actor or reason, action and period; a bad time is a Chinese 422', async () => {
    const list = (filter: Record<string, unknown>) => listRecords(f.db, f.actors.compliance, auditEventResource, { sort: { field: 'id', order: 'asc' }, offset: 0, limit: 100, filter });
    const all = (await list({})).rows as unknown as { id: number; occurred_at: Date; reason: string | null }[];
    expect((await list({ q: '停用 2' })).rows.map((r) => r.id)).toEqual(all.filter((r) => r.reason === '停用 2').map((r) => r.id));
    expect((await list({ q: '13900000002', action: 'insurer.update' })).total).toBe(3);
    const last = all.at(-1)!;
    expect((await list({ occurred_from: new Date(last.occurred_at.getTime() + 1).toISOString() })).total).toBe(0);
    expect((await list({ occurred_to: new Date(last.occurred_at.getTime() + 1).toISOString() })).total).toBe(all.length);
    expect(await list({ occurred_from: '昨天' }).catch((e: DomainError) => [e.code, e.message])).toEqual(['VALIDATION_FAILED', '筛选的时间无效']);
    // A wall-clock time without its zone, or a bare number, is not a moment (new Date() would read both somehow).
    for (const odd of ['2026-01-01T10:00', '1']) {
      expect(await list({ occurred_to: odd }).catch((e: DomainError) => [e.code, e.message])).toEqual(['VALIDATION_FAILED', '筛选的时间无效']);
    }
  });

  it('writes nothing when the change it records is rolled back', async () => {
    const before = await verifyAuditChain(f.db);
    await expect(
      f.db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, f.actors.operator, { action: 'test.rollback', entityType: 'test', entityId: 'x', regionId: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await verifyAuditChain(f.db)).toEqual(before);
  });

  it.each([
    ['UPDATE', sql`update audit_events set reason = 'rewritten'`],
    ['DELETE', sql`delete from audit_events where id = 1`],
    ['TRUNCATE', sql`truncate audit_events`],
  ])('the database refuses %s', async (_op, statement) => {
    await expect(statement.execute(f.db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(f.db)).ok).toBe(true);
  });

  it('names the first tampered row when someone bypasses the trigger', async () => {
    const target = await f.db.selectFrom('audit_events').select('id').orderBy('id').offset(3).limit(1).executeTakeFirstOrThrow();
    // Only the table owner can do this; it is what a tampering administrator would have to do.
    await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(f.db);
    await sql`update audit_events set after = jsonb_set(after, '{name}', '"篡改后的名称"') where id = ${target.id}`.execute(f.db);
    await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(f.db);
    expect(await verifyAuditChain(f.db)).toMatchObject({ ok: false, brokenAt: target.id, problem: 'hash_mismatch', checked: 3 });
  });

  it('notices a removed row by the broken link', async () => {
    const fresh = await openDemoFixture(kind);
    try {
      for (let n = 1; n <= 3; n++) await createRecord(fresh.db, fresh.actors.operator, insurerResource, insurer(n));
      await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(fresh.db);
      await sql`delete from audit_events where id = 2`.execute(fresh.db);
      await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(fresh.db);
      expect(await verifyAuditChain(fresh.db)).toMatchObject({ ok: false, brokenAt: 3, problem: 'link_mismatch' });
    } finally {
      await fresh.close();
    }
  });

  it('lets compliance check the chain and refuses an operator', async () => {
    // The row before the tampered one (the 4th) is the last verified, as the audit log's banner says.
    const third = await f.db.selectFrom('audit_events').select('id').orderBy('id').offset(2).limit(1).executeTakeFirstOrThrow();
    expect(await checkAuditChain(f.db, f.actors.compliance)).toMatchObject({ ok: false, checked: 3, lastVerifiedRow: Number(third.id) });
    await expect(checkAuditChain(f.db, f.actors.operator)).rejects.toBeInstanceOf(DomainError);
  });
});
