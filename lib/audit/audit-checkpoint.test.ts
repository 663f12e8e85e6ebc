import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { appendAuditEvent } from './append-audit-event';
import { takeAuditCheckpoint, takeAuditCheckpointAs, verifyAgainstCheckpoint, verifyCheckpointAs } from './audit-checkpoint';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { listRecords } from '@/lib/back-office/list-records';
import { auditCheckpointResource, downloadAuditCheckpoint } from './audit-checkpoint-resource';

describe.each(testDatabaseKinds)('signed audit-chain checkpoints on %s', (kind) => {
  const f = useDemoFixture(kind, { hookTimeout: 120_000 });
  const append = (n: number) =>
    f.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) {
        await appendAuditEvent(trx, f.actors.platformAdmin, { action: 'test.append', entityType: 'test', entityId: String(i), regionId: null, reason: `第 ${i} 条` });
      }
    });

  it('verifies a chain that only grew since, and refuses a checkpoint changed after signing', async () => {
    await append(2);
    const checkpoint = await takeAuditCheckpoint(f.db);
    expect(checkpoint.signature).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    await append(3);
    const report = await verifyAgainstCheckpoint(f.db, checkpoint);
    expect(report).toMatchObject({ ok: true });
    expect(report.message).toContain('之后又追加了 3 条');
    const forged = await verifyAgainstCheckpoint(f.db, { ...checkpoint, row: checkpoint.row - 1 });
    expect(forged).toMatchObject({ ok: false, problem: 'bad_signature' });
    // Compliance verifies a checkpoint it kept; operators may neither take nor verify one.
    expect(await verifyCheckpointAs(f.db, f.actors.compliance, JSON.parse(JSON.stringify(checkpoint)))).toMatchObject({ ok: true });
    expect((await expectRefusal(verifyCheckpointAs(f.db, f.actors.compliance, { row: 'x' }))).code).toBe('VALIDATION_FAILED');
    expect((await expectRefusal(takeAuditCheckpointAs(f.db, f.actors.operator))).code).toBe('FORBIDDEN');
    expect(await f.db.selectFrom('audit_checkpoints').select('chain_row_id').execute()).toEqual([{ chain_row_id: checkpoint.row }]);
  });

  it('lists the kept checkpoints for the overseers, each downloadable as the signed file that verifies', async () => {
    await append(2);
    const taken = await takeAuditCheckpointAs(f.db, f.actors.compliance);
    const listed = await listRecords(f.db, f.actors.compliance, auditCheckpointResource, { sort: { field: 'id', order: 'desc' }, offset: 0, limit: 10, filter: {} });
    expect(listed.rows[0]).toMatchObject({ chain_row_id: taken.row, chain_rows: taken.rows, chain_hash: taken.hash, allowed_actions: ['download', 'verify'] });
    const file = await downloadAuditCheckpoint(f.db, f.actors.platformAdmin, String(listed.rows[0]!.id));
    expect(file.fileName).toBe(`audit-checkpoint-${taken.row}.json`);
    const kept = JSON.parse(new TextDecoder().decode(file.content));
    expect(kept).toEqual(taken);
    await append(1);
    expect(await verifyCheckpointAs(f.db, f.actors.compliance, kept)).toMatchObject({ ok: true });
    await expect(listRecords(f.db, f.actors.operator, auditCheckpointResource, { sort: { field: 'id', order: 'desc' }, offset: 0, limit: 10, filter: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await expectRefusal(downloadAuditCheckpoint(f.db, f.actors.operator, '1'))).code).toBe('FORBIDDEN');
    expect((await expectRefusal(downloadAuditCheckpoint(f.db, f.actors.compliance, 'x'))).code).toBe('VALIDATION_FAILED');
    expect((await expectRefusal(downloadAuditCheckpoint(f.db, f.actors.compliance, '999999'))).code).toBe('NOT_FOUND');
  });

  it('detects a chain cut at its end, which the chain check alone accepts', async () => {
    await append(3);
    const checkpoint = await takeAuditCheckpoint(f.db);
    // Someone with the database's owner rights removes the last rows (the trigger refuses everyone else).
    await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(f.db);
    try {
      await sql`delete from audit_events where id > ${checkpoint.row - 2}`.execute(f.db);
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(f.db);
    }
    const report = await verifyAgainstCheckpoint(f.db, checkpoint);
    expect(report).toMatchObject({ ok: false, problem: 'truncated' });
    expect(report.message).toContain(`检查点记录的第 ${checkpoint.row} 条`);
  });
});
