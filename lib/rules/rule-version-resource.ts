import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList, regionOrBaseline } from '@/lib/back-office/declared-list';
import { documentVersionLifecycle } from '@/lib/versioning/document-version-lifecycle';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { isRuleSetKey, RULE_SET_KEYS } from '@/rules/catalog/rule-set-catalogs';
import { findEffectiveVersion } from './find-effective-version';
import { insertRuleDraft, lockRuleSet, ruleSeries } from './insert-rule-draft';
import { parseRuleDocument } from './parse-rule-document';
import { assertCanEditRules, ruleEditingMode } from './rule-permissions';
import { assertSameStructure } from './assert-same-structure';
import { findRuleVersion, selectRuleVersions, type RuleVersionRecord } from './rule-version-record';
import { lockVersionFor, transitionVersion } from '@/lib/versioning/document-series';
import { assertVersionCan } from '@/lib/versioning/document-version-lifecycle';
import { publishRuleVersion } from './publish-rule-version';
import { rollbackRuleVersion } from './rollback-rule-version';
import { ruleVersionAllowedActions } from './rule-version-lifecycle';
import { recordEditReturned, reviewHistory } from '@/lib/versioning/review-version';
import { reviewRuleVersion } from './review-rule-version';
import { withdrawInputSchema, withdrawScheduledVersion } from '@/lib/versioning/withdraw-version';
import { parseInput } from '@/lib/validation/parse-input';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { effectiveVersionCache } from './effective-version-cache';
import { loadRuleVersion } from './load-rule-version';

const ruleSetKey = z.enum(RULE_SET_KEYS as [string, ...string[]], { error: '规则集无效' }).refine(isRuleSetKey);
const note = z.string().trim().max(500, { error: '说明不能超过 500 个字符' });

const createSchema = z.object({
  rule_set_key: ruleSetKey,
  /** null (or absent) is the platform baseline. */
  region_id: z.string().regex(/^\d{6}$/, { error: '区域无效' }).nullish().transform((v) => v ?? null),
  copied_from: z.uuid({ error: '复制来源无效' }).nullish().transform((v) => v ?? null),
  note: note.default(''),
});

const updateSchema = z.object({
  document: z.unknown().refine((v) => v !== undefined, { error: '请填写规则文档' }),
  note: note.optional(),
  reason: z.string().trim().max(500, { error: '原因不能超过 500 个字符' }).optional(),
});

const sortable = {
  id: 'v.id',
  version: 'v.version',
  rule_set_key: 'v.rule_set_key',
  status: 'v.status',
  updated_at: 'v.updated_at',
  published_at: 'v.published_at',
};

/**
 * 规则版本: drafts are created, edited and deleted here; publishing and rollback are its commands
 * (POST /api/admin/rule-versions/<id>/publish, …/rollback), each its own use case.
 */
export const ruleVersionResource: ResourceDefinition<RuleVersionRecord, z.output<typeof createSchema>, z.output<typeof updateSchema>> = {
  name: 'rule-versions',
  entityType: 'rule_version',
  label: '规则版本',
  idSchema: z.uuid({ error: '规则版本编号无效' }),
  defaultSort: 'version',
  authorizeWrite: assertCanEditRules,

  list: declaredList({
    from: selectRuleVersions,
    id: 'v.id',
    // Every back-office reader sees the baseline; an operator sees its own region besides.
    region: { column: 'v.region_id', orPlatform: true },
    filters: {
      rule_set_key: 'v.rule_set_key',
      status: { column: 'v.status', values: documentVersionLifecycle.stateNames },
      region_id: regionOrBaseline('v.region_id'),
    },
    sortable,
  }),

  async findById(db, id) {
    const version = await findRuleVersion(db, String(id));
    return version && { ...version, review_history: await reviewHistory(db, 'rule_set_versions', version.id) };
  },

  create: {
    schema: createSchema,
    async regionOf(trx, input) {
      if (input.region_id === null) return null;
      return (await trx.selectFrom('regions').select('id').where('id', '=', input.region_id).executeTakeFirst())?.id;
    },
    async insert(trx, input, actor) {
      const key = input.rule_set_key as RuleVersionRecord['rule_set_key'];
      const effective = await findEffectiveVersion(trx, key, input.region_id);
      let source: { id: string; document: unknown } | undefined = effective;
      if (input.copied_from && input.copied_from !== effective?.id) {
        const from = await findRuleVersion(trx, input.copied_from);
        // Only the same region's history or the baseline: another region's rules are not this actor's to read.
        if (!from || from.rule_set_key !== key || (from.region_id !== null && from.region_id !== input.region_id)) {
          const message = '复制来源必须是同一规则集中本区域或平台基线的版本';
          throw new DomainError('VALIDATION_FAILED', message, { copied_from: message });
        }
        // An older version may be built differently: starting from it is a structural change.
        if (ruleEditingMode(actor, input.region_id) === 'values') assertSameStructure(effective?.document, from.document);
        source = from;
      }
      if (!source) throw new DomainError('CONFLICT', '该规则集尚无已发布版本可供复制');
      return insertRuleDraft(trx, actor, {
        ruleSetKey: key,
        regionId: input.region_id,
        document: parseRuleDocument(key, source.document),
        note: input.note,
        copiedFrom: source.id,
      });
    },
  },

  update: {
    schema: updateSchema,
    async apply(trx, existing, input, actor) {
      assertVersionCan('edit', existing);
      const document = parseRuleDocument(existing.rule_set_key, input.document);
      if (ruleEditingMode(actor, existing.region_id) === 'values') assertSameStructure(existing.document, document);
      // Taken in the same order as publishing takes it, so a save and a publish of one draft never interleave.
      await lockRuleSet(trx, existing.rule_set_key, existing.region_id);
      const from = await transitionVersion(trx, 'rule_set_versions', existing, 'edit', {
        document: JSON.stringify(document),
        note: input.note ?? existing.note,
        updated_at: now(),
        updated_by: actor.userId,
      });
      // Any edit after submission sends the version back to draft: what is approved is what was submitted.
      await recordEditReturned(trx, actor, 'rule_set_versions', from, existing.id);
      return (await findRuleVersion(trx, existing.id))!;
    },
  },

  async remove(trx, existing) {
    assertVersionCan('delete', existing);
    await lockRuleSet(trx, existing.rule_set_key, existing.region_id);
    await lockVersionFor(trx, 'rule_set_versions', existing, 'delete');
    await trx.deleteFrom('rule_set_versions').where('id', '=', existing.id).execute();
  },

  allowedActions: ruleVersionAllowedActions,

  commands: {
    /** 发布: answers the version as published, with the test cases it passed. */
    publish: {
      async run(db, actor, id, { body }) {
        const { version, testResults } = await publishRuleVersion(db, actor, id, body);
        return { ...version, test_results: testResults };
      },
    },
    /** 提交审核: the author hands the draft to a second person. */
    submit: { run: (db, actor, id, { body }) => reviewRuleVersion(db, actor, id, 'submit', body) },
    /** 审核通过: another person approves, which publishes the version (its test cases must pass). */
    approve: { run: (db, actor, id, { body }) => reviewRuleVersion(db, actor, id, 'approve', body) },
    /** 驳回: another person sends it back to draft with a comment. */
    reject: { run: (db, actor, id, { body }) => reviewRuleVersion(db, actor, id, 'reject', body) },
    /** 撤回定时发布: back to draft before its 生效时间. */
    withdraw: {
      async run(db, actor, id, { body }) {
        const { reason } = parseInput(withdrawInputSchema, body);
        const version = await loadRuleVersion(db, actor, id, 'edit');
        await writeTransaction(db, async (trx) => {
          await lockRuleSet(trx, version.rule_set_key, version.region_id);
          await withdrawScheduledVersion(trx, actor, ruleSeries(version.rule_set_key, version.region_id), version, reason);
        });
        effectiveVersionCache(db).forgetAll();
        return (await ruleVersionResource.findById(db, version.id, null))!;
      },
    },
    /** 回滚到此版本: answers the new version that now decides, a copy of this one. */
    rollback: {
      async run(db, actor, id, { body }) {
        const { version, testResults } = await rollbackRuleVersion(db, actor, id, body);
        return { ...version, test_results: testResults };
      },
    },
  },
};
