import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import type { Database, StatementImportStatus } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { getRecord } from '@/lib/back-office/get-record';
import { runCommand } from '@/lib/back-office/run-command';
import { DomainError } from '@/lib/errors/domain-error';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import { STATEMENT_IMPORT_LEASE_MS } from './record-statement-batch';
import { runStatementImport } from './run-statement-import';
import { startStatementImport } from './start-statement-import';
import { isStalled, mayRetry, statementImportLifecycle, type StatementImportAction } from './statement-import-lifecycle';
import { statementImportResource, type StatementImportRecord } from './statement-import-resource';
import { generateStatement } from './testing/generate-statement';

describe('the statement import lifecycle', () => {
  it('is this table', () => {
    expect(tableOf(statementImportLifecycle)).toEqual({
      running: { finish: 'done', fail: 'failed', retry: 'running' },
      done: {},
      failed: { retry: 'running' },
    });
    expect(statementImportLifecycle.initial).toEqual(['running']);
  });

  it('retries a failed import and a stalled one, never a running one whose runner holds its lease', () => {
    const at = SEEDED_AT;
    const before = new Date(at.getTime() - 1);
    const after = new Date(at.getTime() + 1);
    expect(isStalled({ status: 'running', lease_until: before }, at)).toBe(true);
    expect(isStalled({ status: 'running', lease_until: after }, at)).toBe(false);
    // Not yet claimed by the runner launched for it.
    expect(isStalled({ status: 'running', lease_until: null }, at)).toBe(false);
    expect(isStalled({ status: 'failed', lease_until: before }, at)).toBe(false);
    expect(mayRetry({ status: 'failed', stalled: false })).toBe(true);
    expect(mayRetry({ status: 'running', stalled: true })).toBe(true);
    expect(mayRetry({ status: 'running', stalled: false })).toBe(false);
    expect(mayRetry({ status: 'done', stalled: false })).toBe(false);
  });
});

const SET: Record<StatementImportAction, Record<string, unknown>> = {
  finish: { finished_at: SEEDED_AT, file: null },
  fail: { error_code: 'INTERNAL', error_message: '表驱动测试' },
  retry: { error_code: null, error_message: null, lease_owner: null, lease_until: null },
};

describe.each(testDatabaseKinds)('statement imports\' lifecycle on %s', (kind) => {
  const f = useDemoFixture(kind, { hookTimeout: 120_000 });
  const clock = useFixedClock();

  async function putImport(trx: Transaction<Database>, status: StatementImportStatus): Promise<string> {
    const row = await trx
      .insertInto('statement_imports')
      .values({
        bank_code: 'demo', file_name: 'table.csv', sha256: randomUUID(), encoding: 'utf-8', region_id: '650100',
        created_by: f.actors.operator.userId, actor_label: '表驱动测试', status, total_lines: 1,
        file: status === 'done' ? null : new Uint8Array([0x61]), error_code: status === 'failed' ? 'INTERNAL' : null,
        created_at: SEEDED_AT, updated_at: SEEDED_AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const rowOf = (trx: Transaction<Database>, id: string) =>
    trx.selectFrom('statement_imports').select(['status', 'error_code', 'error_message', 'finished_at', 'lease_owner']).where('id', '=', id).executeTakeFirstOrThrow();

  const expected = tableOf(statementImportLifecycle);

  it.each(everyStateAndAction(statementImportLifecycle))('from %s, %s goes where the table says or is refused changing nothing', async (state, action) => {
    await rolledBack(f.db, async (trx) => {
      const id = await putImport(trx, state);
      const outcome = expected[state][action];
      if (outcome) {
        const changed = await transition(trx, 'statement_imports', statementImportLifecycle, { id, action, set: SET[action] });
        expect(changed).toMatchObject({ from_status: state, status: outcome === '=' ? state : outcome });
      } else {
        const before = await rowOf(trx, id);
        const error = await expectRefusal(transition(trx, 'statement_imports', statementImportLifecycle, { id, action, set: SET[action] }));
        expect(error).toBeInstanceOf(TransitionRefused);
        expect(error.code).toBe('CONFLICT');
        expect(await rowOf(trx, id)).toEqual(before);
      }
    });
  });

  const shown = (actor: Actor, id: string) => getRecord(f.db, actor, statementImportResource, id) as Promise<StatementImportRecord & { allowed_actions: string[] }>;
  let lines = 0;
  /** An import of a few unmatched lines by 乌鲁木齐's operator, not yet run. */
  const started = async () => {
    const statement = generateStatement({ lines: 3, prefix: `LC${lines++}`, orders: [], matchEvery: 1, notifiedEvery: 1000 });
    return (await startStatementImport(f.db, f.actors.operator, { bankCode: 'demo', fileName: 'lc.csv', csv: statement.bytes }, { launch: false })).id;
  };
  const failed = async () => {
    const id = await started();
    // A refusal, not a crash: the runner records it without logging a stack.
    const refusal = new DomainError('VALIDATION_FAILED', '第 2 行有错误：测试');
    await expect(runStatementImport(f.db, id, { beforeCommit: () => { throw refusal; } })).rejects.toBe(refusal);
    return id;
  };

  it('offers 继续导入 on a failed or stalled import to the writers of its region only', async () => {
    const id = await failed();
    expect((await shown(f.actors.operator, id)).allowed_actions).toEqual(['retry']);
    expect((await shown(f.actors.platformAdmin, id)).allowed_actions).toEqual(['retry']);
    expect((await shown(f.actors.compliance, id)).allowed_actions).toEqual([]);
    const record = await shown(f.actors.operator, id);
    expect(statementImportResource.allowedActions!(record, f.actors.otherOperator)).toEqual([]);
    // A platform administrator's import (of no region) is the platform's.
    expect(statementImportResource.allowedActions!({ ...record, region_id: null }, f.actors.operator)).toEqual([]);
    expect(statementImportResource.allowedActions!({ ...record, region_id: null }, f.actors.platformAdmin)).toEqual(['retry']);

    const running = await started();
    expect((await shown(f.actors.operator, running)).allowed_actions).toEqual([]);
    // As a process that died mid-import leaves it: leased to nobody alive, until the lease runs out.
    await f.db.updateTable('statement_imports').set({ lease_owner: randomUUID(), lease_until: new Date(clock.now().getTime() + STATEMENT_IMPORT_LEASE_MS) }).where('id', '=', running).execute();
    expect((await shown(f.actors.operator, running)).allowed_actions).toEqual([]);
    clock.advance(STATEMENT_IMPORT_LEASE_MS + 1000);
    expect(await shown(f.actors.operator, running)).toMatchObject({ status: 'running', stalled: true, allowed_actions: ['retry'] });
    const done = await runStatementImport(f.db, running);
    expect(done?.status).toBe('done');
    expect((await shown(f.actors.operator, running)).allowed_actions).toEqual([]);
  });

  it('continues a failed import through the retry command, once, and refuses it where it does not apply', async () => {
    const id = await failed();
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, statementImportResource, id, 'resume', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, statementImportResource, id, 'retry', { body: {} }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(runCommand(f.db, f.actors.otherOperator, statementImportResource, id, 'retry', { body: {} }))).code).toBe('OTHER_REGION');
    expect((await shown(f.actors.operator, id)).status).toBe('failed');

    const resumed = await runCommand(f.db, f.actors.operator, statementImportResource, id, 'retry', { body: {} });
    expect(resumed).toMatchObject({ id, status: 'running', error_code: null, allowed_actions: [] });
    for (let i = 0; i < 200 && (await shown(f.actors.operator, id)).status === 'running'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await shown(f.actors.operator, id)).toMatchObject({ status: 'done', processed_lines: 3, allowed_actions: [] });
    const again = await expectRefusal(runCommand(f.db, f.actors.operator, statementImportResource, id, 'retry', { body: {} }));
    expect([again.code, again.message]).toEqual(['CONFLICT', '该导入已完成，无需继续']);

    const running = await started();
    const busy = await expectRefusal(runCommand(f.db, f.actors.operator, statementImportResource, running, 'retry', { body: {} }));
    expect([busy.code, busy.message]).toEqual(['CONFLICT', '该导入正在进行中']);
    await runStatementImport(f.db, running);
  }, 60_000);
});
