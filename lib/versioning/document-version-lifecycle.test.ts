import type { Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SEEDED_AT } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import type { Database, RuleVersionStatus } from '@/db/database';
import { DEFAULT_APPLICATION_FORM } from '@/forms/defaults/default-application-form';
import type { Actor } from '@/lib/auth/actor';
import { createRecord } from '@/lib/back-office/create-record';
import { deleteRecord } from '@/lib/back-office/delete-record';
import { getRecord } from '@/lib/back-office/get-record';
import { runCommand } from '@/lib/back-office/run-command';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import type { FormVersionRecord } from '@/lib/forms/form-version-record';
import { formVersionResource } from '@/lib/forms/form-version-resource';
import { TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { everyStateAndAction, tableOf } from '@/lib/lifecycle/testing/lifecycle-table';
import { rolledBack } from '@/lib/lifecycle/testing/rolled-back';
import { transition } from '@/lib/lifecycle/transition';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { ruleVersionResource } from '@/lib/rules/rule-version-resource';
import type { DocumentSeriesTable } from './document-series';
import { documentVersionLifecycle, type DocumentVersionAction } from './document-version-lifecycle';
import { VERSION_STATUS_LABELS } from './version-status';

const URUMQI = '650100';
const KARAMAY = '650200';

describe('the versioned documents\' lifecycle', () => {
  it('is this table', () => {
    expect(tableOf(documentVersionLifecycle)).toEqual({
      draft: { edit: 'draft', delete: '=', submit: 'in_review', publish: 'published', copyToDraft: '=', schedule: 'scheduled' },
      in_review: { edit: 'draft', approve: 'published', reject: 'draft', copyToDraft: '=', approveScheduled: 'scheduled' },
      scheduled: { copyToDraft: '=', withdraw: 'draft', activate: 'published' },
      published: { archive: 'archived', copyToDraft: '=' },
      archived: { rollback: '=', copyToDraft: '=' },
    });
    expect(documentVersionLifecycle.initial).toEqual(['draft', 'published']);
    expect(documentVersionLifecycle.states).toBe(VERSION_STATUS_LABELS);
  });
});

type Row = { id: string; status: RuleVersionStatus; note: string };

/** A version in `status`, in a series nobody else writes (rules of 克拉玛依, a form key of its own). */
async function putVersion(trx: Transaction<Database>, table: DocumentSeriesTable, status: RuleVersionStatus): Promise<string> {
  const at = SEEDED_AT;
  const author = (await trx.selectFrom('users').select('id').where('role', '=', 'operator').limit(1).executeTakeFirstOrThrow()).id;
  const publishing =
    status === 'draft' ? {}
    : status === 'in_review' ? { submitted_by: author, submitted_at: at, submit_reason: '表驱动测试' }
    : status === 'scheduled' ? { published_at: at, publish_reason: '表驱动测试', effective_from: at }
    : { published_at: at, publish_reason: '表驱动测试' };
  if (table === 'rule_set_versions') {
    const baseline = await trx.selectFrom('rule_set_versions').select('document').where('rule_set_key', '=', 'payment-source').where('region_id', 'is', null).executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('rule_set_versions')
      .values({ rule_set_key: 'payment-source', region_id: KARAMAY, version: 1, status, document: JSON.stringify(baseline.document), note: '原样', created_at: at, updated_at: at, ...publishing })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const row = await trx
    .insertInto('form_versions')
    .values({
      form_key: 'lifecycle-table', region_id: null, version: 1, status, note: '原样', created_at: at, updated_at: at, ...publishing,
      schema: JSON.stringify(DEFAULT_APPLICATION_FORM.schema), ui_schema: JSON.stringify(DEFAULT_APPLICATION_FORM.uiSchema),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const rowOf = async (trx: Transaction<Database>, table: DocumentSeriesTable, id: string): Promise<Row> =>
  (await trx.selectFrom(table).select(['id', 'status', 'note']).where('id', '=', id).executeTakeFirstOrThrow()) as Row;

/** What each action writes besides the state: a publish its reason, an action that keeps the state a note. */
function setFor(action: DocumentVersionAction, userId: string): Record<string, unknown> {
  if (action === 'submit') return { submitted_by: userId, submitted_at: SEEDED_AT, submit_reason: '表驱动测试' };
  if (action === 'schedule' || action === 'approveScheduled') return { published_at: SEEDED_AT, publish_reason: '表驱动测试', effective_from: SEEDED_AT };
  if (action === 'withdraw') return { published_at: null, publish_reason: null, effective_from: null };
  if (action === 'publish' || action === 'approve') return { published_at: SEEDED_AT, publish_reason: '表驱动测试', updated_at: SEEDED_AT };
  return documentVersionLifecycle.actions[action].to ? {} : { note: '已改' };
}

describe.each(testDatabaseKinds)('rule and form versions\' lifecycle on %s', (kind) => {
  const f = useDemoFixture(kind, { hookTimeout: 120_000 });
  useFixedClock();

  const expected = tableOf(documentVersionLifecycle);

  describe.each(['rule_set_versions', 'form_versions'] as const)('%s', (table) => {
    it.each(everyStateAndAction(documentVersionLifecycle))('from %s, %s goes where the table says or is refused changing nothing', async (state, action) => {
      await rolledBack(f.db, async (trx) => {
        const id = await putVersion(trx, table, state);
        const outcome = expected[state][action];
        if (outcome) {
          const changed = await transition(trx, table, documentVersionLifecycle, { id, action, set: setFor(action, f.actors.operator.userId) });
          expect(changed).toMatchObject({ from_status: state, status: outcome === '=' ? state : outcome });
        } else {
          const before = await rowOf(trx, table, id);
          const error = await expectRefusal(transition(trx, table, documentVersionLifecycle, { id, action, set: setFor(action, f.actors.operator.userId) }));
          expect(error).toBeInstanceOf(TransitionRefused);
          expect(error.code).toBe('CONFLICT');
          expect(await rowOf(trx, table, id)).toEqual(before);
        }
      });
    });
  });

  const rule = (actor: Actor, id: string) => getRecord(f.db, actor, ruleVersionResource, id) as Promise<RuleVersionRecord & { allowed_actions: string[] }>;
  const form = (actor: Actor, id: string) => getRecord(f.db, actor, formVersionResource, id) as Promise<FormVersionRecord & { allowed_actions: string[] }>;
  const baselineRule = () =>
    f.db.selectFrom('rule_set_versions').select('id').where('rule_set_key', '=', 'invoice-type').where('region_id', 'is', null).where('status', '=', 'published').executeTakeFirstOrThrow();

  it('offers on a rule version what its state allows, as far as the reader may edit that region\'s rules', async () => {
    const draft = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI, note: '可用操作' })) as RuleVersionRecord;
    // The demo's scopes start without the four-eyes approval: a draft may be submitted or published directly.
    const onDraft = ['edit', 'delete', 'submit', 'publish', 'copyToDraft'];
    expect((await rule(f.actors.operator, draft.id)).allowed_actions).toEqual(onDraft);
    expect((await rule(f.actors.valuesOperator, draft.id)).allowed_actions).toEqual(onDraft);
    expect((await rule(f.actors.platformAdmin, draft.id)).allowed_actions).toEqual(onDraft);
    expect((await rule(f.actors.compliance, draft.id)).allowed_actions).toEqual([]);
    // Another region's versions are not an operator's to change (nor to read).
    expect(ruleVersionResource.allowedActions!(draft, f.actors.otherOperator)).toEqual([]);
    expect(ruleVersionResource.allowedActions!({ ...draft, region_id: KARAMAY }, f.actors.operator)).toEqual([]);
    // The baseline is the platform administrator's; the other region's operator may not edit rules at all.
    const baseline = await baselineRule();
    expect((await rule(f.actors.operator, baseline.id)).allowed_actions).toEqual([]);
    expect((await rule(f.actors.otherOperator, baseline.id)).allowed_actions).toEqual([]);
    expect((await rule(f.actors.platformAdmin, baseline.id)).allowed_actions).toEqual(['copyToDraft']);
    await deleteRecord(f.db, f.actors.operator, ruleVersionResource, draft.id);
  });

  it('publishes and rolls back a rule version through its commands', async () => {
    const first = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI })) as RuleVersionRecord;
    const missingReason = await expectRefusal(runCommand(f.db, f.actors.operator, ruleVersionResource, first.id, 'publish', { body: {} }));
    expect(missingReason.fieldErrors?.reason).toBe('请填写发布原因');
    const published = (await runCommand(f.db, f.actors.operator, ruleVersionResource, first.id, 'publish', { body: { reason: '区域版本' } })) as RuleVersionRecord & {
      allowed_actions: string[];
      test_results: { passed: boolean }[];
    };
    expect(published).toMatchObject({ id: first.id, status: 'published', publish_reason: '区域版本', allowed_actions: ['copyToDraft'] });
    expect(published.test_results.length).toBeGreaterThan(0);
    const again = await expectRefusal(runCommand(f.db, f.actors.operator, ruleVersionResource, first.id, 'publish', { body: { reason: '再发布' } }));
    expect([again.code, again.message]).toEqual(['CONFLICT', `v${first.version} 已不是草稿，不能发布（已发布的版本不可修改，请新建草稿）`]);
    const edit = await expectRefusal(updateRecord(f.db, f.actors.operator, ruleVersionResource, first.id, { document: first.document }));
    expect([edit.code, edit.message]).toEqual(['CONFLICT', `v${first.version} 已发布或已归档，不能修改；请基于它新建草稿`]);
    expect((await expectRefusal(deleteRecord(f.db, f.actors.operator, ruleVersionResource, first.id))).code).toBe('CONFLICT');

    // A second publish archives the first, which a full editor may now roll back to and a value-only editor may not.
    const second = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI })) as RuleVersionRecord;
    await runCommand(f.db, f.actors.operator, ruleVersionResource, second.id, 'publish', { body: { reason: '第二版' } });
    const archived = await rule(f.actors.operator, first.id);
    expect(archived).toMatchObject({ status: 'archived', allowed_actions: ['rollback', 'copyToDraft'] });
    expect(archived.archived_at).not.toBeNull();
    expect((await rule(f.actors.valuesOperator, first.id)).allowed_actions).toEqual(['copyToDraft']);
    expect((await rule(f.actors.platformAdmin, first.id)).allowed_actions).toEqual(['rollback', 'copyToDraft']);
    const refusedRollback = await expectRefusal(runCommand(f.db, f.actors.operator, ruleVersionResource, second.id, 'rollback', { body: { reason: '回滚当前版本' } }));
    expect([refusedRollback.code, refusedRollback.message]).toEqual(['CONFLICT', `v${second.version} 已是当前发布版本，无需回滚`]);

    const restored = (await runCommand(f.db, f.actors.operator, ruleVersionResource, first.id, 'rollback', { body: { reason: '恢复第一版' } })) as RuleVersionRecord & {
      allowed_actions: string[];
    };
    expect(restored).toMatchObject({ status: 'published', copied_from: first.id, note: `回滚至 v${first.version}`, allowed_actions: ['copyToDraft'] });
    expect((await rule(f.actors.operator, first.id)).status).toBe('archived');
    expect((await rule(f.actors.operator, second.id)).status).toBe('archived');
    const audit = await f.db.selectFrom('audit_events').select(['action', 'entity_id', 'reason']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'rule_version.publish', entity_id: restored.id, reason: '恢复第一版' });
  });

  it('answers a rule version\'s unknown command NOT_FOUND, and refuses its commands to compliance and to another region', async () => {
    const baseline = await baselineRule();
    expect((await expectRefusal(runCommand(f.db, f.actors.platformAdmin, ruleVersionResource, baseline.id, 'archive', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.platformAdmin, ruleVersionResource, baseline.id, 'toString', { body: {} }))).code).toBe('NOT_FOUND');
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, ruleVersionResource, baseline.id, 'rollback', { body: { reason: '合规试图回滚' } }))).code).toBe('READ_ONLY_ROLE');
    const draft = (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI })) as RuleVersionRecord;
    expect((await expectRefusal(runCommand(f.db, f.actors.otherOperator, ruleVersionResource, draft.id, 'publish', { body: { reason: '别的区域' } }))).status).toBe(403);
    expect((await expectRefusal(runCommand(f.db, f.actors.bidder, ruleVersionResource, draft.id, 'publish', { body: { reason: '投标人' } }))).code).toBe('FORBIDDEN');
    expect((await rule(f.actors.operator, draft.id)).status).toBe('draft');
    await deleteRecord(f.db, f.actors.operator, ruleVersionResource, draft.id);
  });

  it('offers on a form version what its state allows, to the writers of its region', async () => {
    const draft = (await createRecord(f.db, f.actors.operator, formVersionResource, { region_id: URUMQI })) as FormVersionRecord;
    // The demo's scopes start without the four-eyes approval: a draft may be submitted or published directly.
    const onDraft = ['edit', 'delete', 'submit', 'publish', 'copyToDraft'];
    expect((await form(f.actors.operator, draft.id)).allowed_actions).toEqual(onDraft);
    expect((await form(f.actors.platformAdmin, draft.id)).allowed_actions).toEqual(onDraft);
    expect((await form(f.actors.compliance, draft.id)).allowed_actions).toEqual([]);
    // The platform's form: only the platform administrator writes it; an operator drafts its own region's from it.
    const platform = await f.db.selectFrom('form_versions').select('id').where('region_id', 'is', null).where('status', '=', 'published').executeTakeFirstOrThrow();
    expect((await form(f.actors.operator, platform.id)).allowed_actions).toEqual(['copyToDraft']);
    expect((await form(f.actors.platformAdmin, platform.id)).allowed_actions).toEqual(['copyToDraft']);
    expect((await form(f.actors.compliance, platform.id)).allowed_actions).toEqual([]);
    // Another region's operator writes nothing of 乌鲁木齐's forms (and does not read them).
    expect((await expectRefusal(form(f.actors.otherOperator, draft.id))).code).toBe('OTHER_REGION');
    expect(formVersionResource.allowedActions!(draft, f.actors.otherOperator)).toEqual([]);
    expect(formVersionResource.allowedActions!({ ...draft, region_id: KARAMAY }, f.actors.operator)).toEqual([]);
    await deleteRecord(f.db, f.actors.operator, formVersionResource, draft.id);
  });

  it('publishes a form version through its command, archiving the one it replaces', async () => {
    const first = (await createRecord(f.db, f.actors.operator, formVersionResource, { region_id: URUMQI })) as FormVersionRecord;
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, formVersionResource, first.id, 'publish', { body: { reason: '合规' } }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(runCommand(f.db, f.actors.operator, formVersionResource, first.id, 'rollback', { body: { reason: '表单没有回滚' } }))).code).toBe('NOT_FOUND');
    const published = await runCommand(f.db, f.actors.operator, formVersionResource, first.id, 'publish', { body: { reason: '区域表单' } });
    expect(published).toMatchObject({ id: first.id, status: 'published', dropped_fields: [], allowed_actions: ['copyToDraft'] });
    const again = await expectRefusal(runCommand(f.db, f.actors.operator, formVersionResource, first.id, 'publish', { body: { reason: '再发布' } }));
    expect([again.code, again.message]).toEqual(['CONFLICT', `v${first.version} 已不是草稿，不能发布（已发布的版本不可修改，请新建草稿）`]);
    const second = (await createRecord(f.db, f.actors.operator, formVersionResource, { region_id: URUMQI })) as FormVersionRecord;
    await updateRecord(f.db, f.actors.operator, formVersionResource, second.id, { schema: DEFAULT_APPLICATION_FORM.schema, ui_schema: DEFAULT_APPLICATION_FORM.uiSchema, note: '第二版' });
    await runCommand(f.db, f.actors.operator, formVersionResource, second.id, 'publish', { body: { reason: '第二版' } });
    expect(await form(f.actors.operator, first.id)).toMatchObject({ status: 'archived', allowed_actions: ['copyToDraft'] });
    expect(await form(f.actors.operator, second.id)).toMatchObject({ status: 'published', note: '第二版' });
    expect((await expectRefusal(deleteRecord(f.db, f.actors.operator, formVersionResource, first.id))).message).toBe('只能删除草稿；已发布和已归档的版本是历史记录，不能删除');
  });
});
