import { describe, expect, it } from 'vitest';
import { DEMO_REVIEWER_PHONE } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import { createRecord } from '@/lib/back-office/create-record';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import { approvalSettingResource, type ApprovalSettingRecord } from './approval-setting-resource';
import { runCommand } from '@/lib/back-office/run-command';
import type { AnyResource } from '@/lib/back-office/resource-definition';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import type { FormVersionRecord } from '@/lib/forms/form-version-record';
import { formVersionResource } from '@/lib/forms/form-version-resource';
import type { RuleVersionRecord } from '@/lib/rules/rule-version-record';
import { ruleVersionResource } from '@/lib/rules/rule-version-resource';
import type { ReviewHistoryEntry } from './review-version';

const URUMQI = '650100';
type Read<T> = T & { allowed_actions: string[]; review_history: ReviewHistoryEntry[] };

describe.each(testDatabaseKinds)('four-eyes change control of rule and form versions on %s', (kind) => {
  const f = useDemoFixture(kind, { hookTimeout: 120_000 });
  const reviewer = async () => (await loadActor(f.db, { phone: DEMO_REVIEWER_PHONE }))!;
  const requireApproval = (required: boolean) =>
    f.db.updateTable('version_approval_settings').set({ approval_required: required }).where('scope', '=', URUMQI).execute();
  const rule = async (actor: Actor, id: string) => (await getRecord(f.db, actor, ruleVersionResource, id)) as Read<RuleVersionRecord>;
  const draftRule = async () => (await createRecord(f.db, f.actors.operator, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI, note: '四眼' })) as RuleVersionRecord;
  const command = (actor: Actor, id: string, name: string, body: unknown, resource: AnyResource = ruleVersionResource) => runCommand(f.db, actor, resource, id, name, { body });

  it('requires approval where the scope has no setting, and refuses a direct publish there', async () => {
    await f.db.deleteFrom('version_approval_settings').where('scope', '=', URUMQI).execute();
    try {
      const draft = await draftRule();
      expect((await rule(f.actors.operator, draft.id)).allowed_actions).toEqual(['edit', 'delete', 'submit', 'copyToDraft']);
      const refused = await expectRefusal(command(f.actors.operator, draft.id, 'publish', { reason: '直接发布' }));
      expect(refused.code).toBe('APPROVAL_REQUIRED');
      expect((await rule(f.actors.operator, draft.id)).status).toBe('draft');
      await runCommand(f.db, f.actors.operator, ruleVersionResource, draft.id, 'submit', { body: { reason: '清理' } });
      await command(await reviewer(), draft.id, 'reject', { comment: '测试结束' });
    } finally {
      await f.db.insertInto('version_approval_settings').values({ scope: URUMQI, approval_required: false, updated_at: new Date() }).execute();
    }
  });

  it('lets another person approve what the author submitted, which publishes it, and never the author', async () => {
    await requireApproval(true);
    try {
      const draft = await draftRule();
      const missing = await expectRefusal(command(f.actors.operator, draft.id, 'submit', {}));
      expect(missing.fieldErrors?.reason).toBe('请填写变更原因');
      const submitted = (await command(f.actors.operator, draft.id, 'submit', { reason: '试行数电票' })) as Read<RuleVersionRecord>;
      expect(submitted).toMatchObject({ status: 'in_review', submit_reason: '试行数电票' });
      // The author is offered neither approving nor rejecting, and is refused both.
      expect((await rule(f.actors.operator, draft.id)).allowed_actions).toEqual(['edit', 'copyToDraft']);
      for (const step of ['approve', 'reject']) {
        const self = await expectRefusal(command(f.actors.operator, draft.id, step, { comment: '我自己批准' }));
        expect(self.code).toBe('SELF_APPROVAL');
      }
      // A second account of the same person (the same mobile number, written differently) is the author too.
      await f.db
        .insertInto('users')
        .values({ phone: '+86 139-0000-0002', display_name: '张伟（第二账号）', password_hash: 'x', role: 'operator', region_id: URUMQI, can_edit_rules: true })
        .execute();
      const twin = (await loadActor(f.db, { phone: '+86 139-0000-0002' }))!;
      expect((await rule(twin, draft.id)).allowed_actions).toEqual(['edit', 'copyToDraft']);
      expect((await expectRefusal(command(twin, draft.id, 'approve', { comment: '换个账号批准' }))).code).toBe('SELF_APPROVAL');
      // A reader without the permission may not review: the values-only editor may, the compliance officer not.
      expect((await expectRefusal(command(f.actors.compliance, draft.id, 'approve', { comment: '合规批准' }))).code).toBe('READ_ONLY_ROLE');
      expect((await expectRefusal(command(f.actors.otherOperator, draft.id, 'approve', { comment: '外区批准' }))).code).not.toBe('SELF_APPROVAL');
      expect((await rule(f.actors.operator, draft.id)).status).toBe('in_review');

      const b = await reviewer();
      expect((await rule(b, draft.id)).allowed_actions).toEqual(['edit', 'approve', 'reject', 'copyToDraft']);
      const noComment = await expectRefusal(command(b, draft.id, 'approve', {}));
      expect(noComment.fieldErrors?.comment).toBe('请填写审核意见');
      const approved = (await command(b, draft.id, 'approve', { comment: '已核对测试用例' })) as Read<RuleVersionRecord>;
      expect(approved).toMatchObject({ status: 'published', publish_reason: '试行数电票', published_by_name: '王芳（乌鲁木齐市）' });
      expect(approved.review_history.map((s) => [s.step, s.actor_name, s.comment])).toEqual([
        ['submit', '张伟（乌鲁木齐市）', '试行数电票'],
        ['approve', '王芳（乌鲁木齐市）', '已核对测试用例'],
      ]);
      // Every step is in the audit chain.
      const actions = await f.db.selectFrom('audit_events').select(['action', 'reason']).where('entity_id', '=', draft.id).orderBy('id').execute();
      expect(actions.map((a) => a.action)).toEqual(['rule_version.create', 'rule_version.submit', 'rule_version.approve']);
      expect(actions[2]!.reason).toBe('试行数电票（审核意见：已核对测试用例）');
    } finally {
      await requireApproval(false);
    }
  });

  it('sends a version edited after its submission back to draft, so nothing unreviewed is approved', async () => {
    await requireApproval(true);
    try {
      const draft = await draftRule();
      await command(f.actors.operator, draft.id, 'submit', { reason: '提交后再改' });
      const b = await reviewer();
      // Edited by the reviewer: now an author, the reviewer may no longer approve it either.
      const edited = (await updateRecord(f.db, b, ruleVersionResource, draft.id, { document: draft.document })) as RuleVersionRecord;
      expect(edited.status).toBe('draft');
      const late = await expectRefusal(command(f.actors.platformAdmin, draft.id, 'approve', { comment: '批准旧内容' }));
      expect([late.code, late.message]).toEqual(['CONFLICT', `v${draft.version} 不在待审核状态（可能已被他人审核或被修改退回草稿），不能审核通过`]);
      await command(b, draft.id, 'submit', { reason: '我改过了' });
      expect((await expectRefusal(command(b, draft.id, 'approve', { comment: '自己批' }))).code).toBe('SELF_APPROVAL');
      // The original author also wrote it: only a third person may approve now.
      expect((await expectRefusal(command(f.actors.operator, draft.id, 'approve', { comment: '作者批' }))).code).toBe('SELF_APPROVAL');
      const history = (await rule(f.actors.operator, draft.id)).review_history.map((s) => s.step);
      expect(history).toEqual(['submit', 'edit_returned', 'submit']);
      await command(f.actors.platformAdmin, draft.id, 'reject', { comment: '测试结束，驳回' });
      expect((await rule(f.actors.operator, draft.id)).status).toBe('draft');
    } finally {
      await requireApproval(false);
    }
  });

  it('lets only one of two approvers racing on the same version win', async () => {
    await requireApproval(true);
    try {
      const draft = await draftRule();
      await command(f.actors.operator, draft.id, 'submit', { reason: '竞争审核' });
      const outcomes = await Promise.allSettled([
        command(await reviewer(), draft.id, 'approve', { comment: '甲批准' }),
        command(f.actors.platformAdmin, draft.id, 'reject', { comment: '乙驳回' }),
        command(f.actors.platformAdmin, draft.id, 'approve', { comment: '乙批准' }),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const lost of outcomes.filter((o) => o.status === 'rejected')) expect((lost as PromiseRejectedResult).reason.code).toBe('CONFLICT');
      const steps = (await rule(f.actors.operator, draft.id)).review_history.filter((s) => s.step !== 'submit');
      expect(steps).toHaveLength(1);
      const published = await f.db.selectFrom('rule_set_versions').select('id').where('rule_set_key', '=', 'invoice-type').where('region_id', '=', URUMQI).where('status', '=', 'published').execute();
      expect(published).toHaveLength(1);
    } finally {
      await requireApproval(false);
    }
  });

  it('is configured per scope by platform administrators only, switching it off with a reason', async () => {
    const settings = await listRecords(f.db, f.actors.operator, approvalSettingResource, { sort: { field: 'id', order: 'asc' }, offset: 0, limit: 50, filter: {} });
    expect((settings.rows as unknown as ApprovalSettingRecord[]).map((r) => [r.id, r.approval_required])).toEqual([['baseline', false], [URUMQI, false]]);
    expect((await expectRefusal(updateRecord(f.db, f.actors.operator, approvalSettingResource, URUMQI, { approval_required: true }))).code).toBe('FORBIDDEN');
    const on = (await updateRecord(f.db, f.actors.platformAdmin, approvalSettingResource, URUMQI, { approval_required: true })) as ApprovalSettingRecord;
    expect(on).toMatchObject({ id: URUMQI, approval_required: true, configured: true, updated_by_name: '平台管理员' });
    const draft = await draftRule();
    expect((await rule(f.actors.operator, draft.id)).approval_required).toBe(true);
    const noReason = await expectRefusal(updateRecord(f.db, f.actors.platformAdmin, approvalSettingResource, URUMQI, { approval_required: false }));
    expect(noReason.code).toBe('VALIDATION_FAILED');
    await updateRecord(f.db, f.actors.platformAdmin, approvalSettingResource, URUMQI, { approval_required: false, reason: '演示环境单人操作' });
    expect((await rule(f.actors.operator, draft.id)).allowed_actions).toContain('publish');
    const audit = await f.db.selectFrom('audit_events').select(['action', 'reason']).where('entity_type', '=', 'version_approval_setting').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'version_approval_setting.update', reason: null },
      { action: 'version_approval_setting.update', reason: '演示环境单人操作' },
    ]);
  });

  it('governs form versions the same way', async () => {
    await requireApproval(true);
    try {
      const draft = (await createRecord(f.db, f.actors.operator, formVersionResource, { form_key: 'application', region_id: URUMQI })) as FormVersionRecord;
      expect((await expectRefusal(command(f.actors.operator, draft.id, 'publish', { reason: '直接发布' }, formVersionResource))).code).toBe('APPROVAL_REQUIRED');
      await command(f.actors.operator, draft.id, 'submit', { reason: '表单加字段' }, formVersionResource);
      expect((await expectRefusal(command(f.actors.operator, draft.id, 'approve', { comment: '自批' }, formVersionResource))).code).toBe('SELF_APPROVAL');
      const edited = (await updateRecord(f.db, f.actors.operator, formVersionResource, draft.id, { schema: draft.schema, ui_schema: draft.ui_schema })) as FormVersionRecord;
      expect(edited.status).toBe('draft');
      await command(f.actors.operator, draft.id, 'submit', { reason: '表单加字段' }, formVersionResource);
      const approved = (await command(await reviewer(), draft.id, 'approve', { comment: '同意' }, formVersionResource)) as Read<FormVersionRecord>;
      expect(approved).toMatchObject({ status: 'published', publish_reason: '表单加字段' });
      expect(approved.review_history.map((s) => s.step)).toEqual(['submit', 'edit_returned', 'submit', 'approve']);
    } finally {
      await requireApproval(false);
    }
  });
  it('brings an older rule version back as a draft that goes through review where approval is required (no direct rollback)', async () => {
    await requireApproval(false);
    const admin = f.actors.platformAdmin;
    const publishWith = async (rename: (name: string) => string, reason: string) => {
      const draft = (await createRecord(f.db, admin, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI, note: reason })) as RuleVersionRecord;
      const document = (draft.document as { name: string }[]).map((r, i) => (i === 0 ? { ...r, name: rename(r.name) } : r));
      await updateRecord(f.db, admin, ruleVersionResource, draft.id, { document });
      await command(admin, draft.id, 'publish', { reason });
      return draft.id;
    };
    const older = await publishWith((n) => `${n}（旧）`, '旧写法');
    await publishWith((n) => n.replace('（旧）', ''), '新写法');
    const archived = await rule(admin, older);
    expect(archived.status).toBe('archived');
    expect(archived.allowed_actions).toContain('rollback');
    await requireApproval(true);
    try {
      // Where a second person must approve, the older version is not published back directly: it becomes a draft.
      const read = await rule(admin, older);
      expect(read.allowed_actions).not.toContain('rollback');
      expect(read.allowed_actions).toContain('copyToDraft');
      expect((await expectRefusal(command(admin, older, 'rollback', { reason: '回滚' }))).code).toBe('APPROVAL_REQUIRED');
      const draft = (await createRecord(f.db, admin, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: URUMQI, copied_from: older, note: `以 v${archived.version} 为草稿` })) as RuleVersionRecord;
      expect(draft).toMatchObject({ status: 'draft', document: archived.document });
      expect((await rule(admin, draft.id)).allowed_actions).not.toContain('publish');
      await command(admin, draft.id, 'submit', { reason: '恢复旧写法' });
      await command(await reviewer(), draft.id, 'approve', { comment: '同意恢复' });
      const published = await rule(admin, draft.id);
      expect(published.status).toBe('published');
      expect((published.document as { name: string }[])[0]!.name).toMatch(/（旧）$/);
    } finally {
      await requireApproval(false);
    }
  });
});
