import { sql } from 'kysely';
import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList, regionOrBaseline } from '@/lib/back-office/declared-list';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { findOutcome, getRuleSetCatalog, isRuleSetKey, RULE_SET_KEYS, type RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { validateFacts } from '@/rules/validate-facts';
import { requiredText } from '@/lib/validation/fields';
import { assertCanEditTestCases } from './rule-permissions';
import { inSameRegion } from '@/lib/regions/region-filters';
import { expectedKey } from '@/rules/builder/expected-outcome-choices';

export interface RuleTestCaseRecord {
  id: string;
  rule_set_key: RuleSetKey;
  name: string;
  facts: Record<string, unknown>;
  expected: Record<string, unknown>;
  created_at: Date;
  updated_at: Date | null;
  /** null: a platform case, gating every region's publishing; else the region's own (see effective-test-cases). */
  region_id: string | null;
}

const reasonsOf = (key: RuleSetKey, eventType: string) =>
  (findOutcome(getRuleSetCatalog(key), eventType)?.params[0]?.values ?? []).map((v) => String(v.value)) as [string, ...string[]];

/** What an expected outcome may say, per rule set: the normalized outcome's own keys and values. */
const EXPECTED_SCHEMAS: Record<RuleSetKey, z.ZodType> = {
  'surrender-eligibility': z.strictObject({
    eligible: z.boolean().optional(),
    clause: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
    refundAccountRequired: z.boolean().optional(),
  }),
  'payment-source': z.strictObject({ accepted: z.boolean().optional(), review: z.boolean().optional(), reason: z.enum(reasonsOf('payment-source', 'reject')).optional() }),
  'invoice-type': z.strictObject({ allowed: z.boolean().optional(), reason: z.enum(reasonsOf('invoice-type', 'refused')).optional() }),
};

const jsonObject = (label: string) =>
  z.union([z.string(), z.record(z.string(), z.unknown())]).transform((value, ctx) => {
    if (typeof value !== 'string') return value;
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `${label}必须是 JSON 对象` });
    return z.NEVER;
  });

/** Facts and expected outcome, checked against the rule set's catalog and outcome shape. */
function checkCase(input: { rule_set_key: string; facts?: Record<string, unknown>; expected?: Record<string, unknown> }, ctx: z.RefinementCtx) {
  const key = input.rule_set_key as RuleSetKey;
  if (input.facts) {
    try {
      validateFacts(key, input.facts);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['facts'], message: (error as Error).message });
    }
  }
  if (input.expected) {
    const shape = EXPECTED_SCHEMAS[key];
    if (Object.keys(input.expected).length === 0 || !shape.safeParse(input.expected).success) {
      const keys = Object.keys((shape as z.ZodObject).shape).join('、');
      ctx.addIssue({ code: 'custom', path: ['expected'], message: `期望结果只能包含 ${keys}（至少一项），且取值须为该规则集的有效结果` });
    }
  }
}

const createSchema = z
  .object({
    rule_set_key: z.enum(RULE_SET_KEYS as [string, ...string[]], { error: '规则集无效' }).refine(isRuleSetKey),
    /** null (or absent): a platform case; a region code: that region's own case. */
    region_id: z.string().regex(/^\d{6}$/, { error: '区域无效' }).nullish().transform((v) => v ?? null),
    name: requiredText('用例名称', 100),
    facts: jsonObject('判定依据'),
    expected: jsonObject('期望结果'),
  })
  .superRefine(checkCase);

const updateSchema = z.object({
  name: requiredText('用例名称', 100).optional(),
  facts: jsonObject('判定依据').optional(),
  expected: jsonObject('期望结果').optional(),
});

const select = (db: Parameters<ResourceDefinition['findById']>[0]) =>
  db.selectFrom('rule_test_cases').select(['id', 'rule_set_key', 'region_id', 'name', 'facts', 'expected', 'created_at', 'updated_at']);

const platformCaseNamed = (db: Parameters<ResourceDefinition['findById']>[0], key: RuleSetKey, name: string) =>
  select(db).where('rule_set_key', '=', key).where('region_id', 'is', null).where('name', '=', name).executeTakeFirst();

const overrideFactsChanged = (name: string) =>
  new DomainError('VALIDATION_FAILED', `「${name}」是平台测试用例在本区域的期望结果，只能修改期望结果，判定依据与名称须与平台用例一致`, { facts: '须与平台用例一致' });

const nameTaken = (name: string) => new DomainError('CONFLICT', `本范围内已有名为「${name}」的测试用例`, { name: '名称已被使用' });

/** 规则测试用例: the publish gate's cases; the platform administrator maintains them, everyone else reads. */
export const ruleTestCaseResource: ResourceDefinition<RuleTestCaseRecord, z.output<typeof createSchema>, z.output<typeof updateSchema>> = {
  name: 'rule-test-cases',
  entityType: 'rule_test_case',
  label: '规则测试用例',
  idSchema: z.uuid({ error: '测试用例编号无效' }),
  defaultSort: 'name',
  authorizeWrite: assertCanEditTestCases,

  list: declaredList({
    from: select,
    id: 'rule_test_cases.id',
    region: { column: 'rule_test_cases.region_id', orPlatform: true },
    filters: { rule_set_key: 'rule_test_cases.rule_set_key', region_id: regionOrBaseline('rule_test_cases.region_id') },
    sortable: { id: 'rule_test_cases.id', name: 'rule_test_cases.name', rule_set_key: 'rule_test_cases.rule_set_key', created_at: 'rule_test_cases.created_at' },
  }),

  findById: (db, id) => select(db).where('id', '=', String(id)).executeTakeFirst(),

  create: {
    schema: createSchema,
    async regionOf(trx, input) {
      if (input.region_id === null) return null;
      return (await trx.selectFrom('regions').select('id').where('id', '=', input.region_id).executeTakeFirst())?.id;
    },
    async insert(trx, input, actor) {
      const taken = await select(trx).where('rule_set_key', '=', input.rule_set_key as RuleSetKey).where(inSameRegion('region_id', input.region_id)).where('name', '=', input.name).executeTakeFirst();
      if (taken) throw nameTaken(input.name);
      // A region's case named like a platform case states another expected outcome for the same facts;
      // with other facts it would quietly take the platform's check away from the region.
      const platformCase = input.region_id === null ? undefined : await platformCaseNamed(trx, input.rule_set_key as RuleSetKey, input.name);
      if (platformCase && expectedKey(platformCase.facts) !== expectedKey(input.facts)) throw overrideFactsChanged(input.name);
      const row = await trx
        .insertInto('rule_test_cases')
        .values({
          rule_set_key: input.rule_set_key as RuleSetKey,
          region_id: input.region_id,
          name: input.name,
          facts: JSON.stringify(input.facts),
          expected: JSON.stringify(input.expected),
          created_by: actor.userId,
          created_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return select(trx).where('id', '=', row.id).executeTakeFirstOrThrow();
    },
  },

  update: {
    schema: updateSchema,
    async apply(trx, existing, input, actor) {
      const facts = input.facts ?? existing.facts;
      const expected = input.expected ?? existing.expected;
      const issues: string[] = [];
      checkCase({ rule_set_key: existing.rule_set_key, facts, expected }, { addIssue: (i: { message?: string }) => issues.push(i.message ?? '') } as unknown as z.RefinementCtx);
      if (issues.length) throw new DomainError('VALIDATION_FAILED', issues[0]!, { expected: issues.join('\n') });
      const name = input.name ?? existing.name;
      if (existing.region_id !== null && (await platformCaseNamed(trx, existing.rule_set_key, existing.name))) {
        if (name !== existing.name || expectedKey(facts) !== expectedKey(existing.facts)) throw overrideFactsChanged(existing.name);
      }
      if (name !== existing.name) {
        const taken = await select(trx).where('rule_set_key', '=', existing.rule_set_key).where(inSameRegion('region_id', existing.region_id)).where('name', '=', name).executeTakeFirst();
        if (taken) throw nameTaken(name);
      }
      await trx
        .updateTable('rule_test_cases')
        .set({ name, facts: JSON.stringify(facts), expected: JSON.stringify(expected), updated_at: now(), updated_by: actor.userId })
        .where('id', '=', existing.id)
        .execute();
      return select(trx).where('id', '=', existing.id).executeTakeFirstOrThrow();
    },
  },

  async remove(trx, existing) {
    // A region's own cases may all go: the platform's cases still gate its publishing.
    if (existing.region_id !== null) {
      await trx.deleteFrom('rule_test_cases').where('id', '=', existing.id).execute();
      return;
    }
    // Two deletions at once must not both see "one more left" and leave the gate with nothing to check.
    await sql`select pg_advisory_xact_lock(hashtext(${`rule-test-cases:${existing.rule_set_key}`}))`.execute(trx);
    const remaining = await trx
      .selectFrom('rule_test_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('rule_set_key', '=', existing.rule_set_key)
      .where('region_id', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(remaining.n) <= 1) throw new DomainError('CONFLICT', '每个规则集至少保留一个测试用例，发布前才有检验');
    await trx.deleteFrom('rule_test_cases').where('id', '=', existing.id).execute();
  },
};
