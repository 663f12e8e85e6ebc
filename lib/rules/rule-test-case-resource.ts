import { sql } from 'kysely';
import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { filterIds, filterValue, runListQuery } from '@/lib/back-office/run-list-query';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { findOutcome, getRuleSetCatalog, isRuleSetKey, RULE_SET_KEYS, type RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { validateFacts } from '@/rules/validate-facts';
import { requiredText } from '@/lib/validation/fields';
import { assertCanEditTestCases } from './rule-permissions';

export interface RuleTestCaseRecord {
  id: string;
  rule_set_key: RuleSetKey;
  name: string;
  facts: Record<string, unknown>;
  expected: Record<string, unknown>;
  created_at: Date;
  /** Test cases belong to the platform: they gate every region's publishing. */
  region_id: null;
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

const createSchema = z
  .object({
    rule_set_key: z.enum(RULE_SET_KEYS as [string, ...string[]], { error: '规则集无效' }).refine(isRuleSetKey),
    name: requiredText('用例名称', 100),
    facts: jsonObject('判定依据'),
    expected: jsonObject('期望结果'),
  })
  .superRefine((input, ctx) => {
    const key = input.rule_set_key as RuleSetKey;
    try {
      validateFacts(key, input.facts);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['facts'], message: (error as Error).message });
    }
    const shape = EXPECTED_SCHEMAS[key];
    if (Object.keys(input.expected).length === 0 || !shape.safeParse(input.expected).success) {
      const keys = Object.keys((shape as z.ZodObject).shape).join('、');
      ctx.addIssue({ code: 'custom', path: ['expected'], message: `期望结果只能包含 ${keys}（至少一项），且取值须为该规则集的有效结果` });
    }
  });

const select = (db: Parameters<ResourceDefinition['findById']>[0]) =>
  db.selectFrom('rule_test_cases').select(['id', 'rule_set_key', 'name', 'facts', 'expected', 'created_at']);

const withRegion = <T extends object>(row: T) => ({ ...row, region_id: null as null });

/** 规则测试用例: the publish gate's cases; the platform administrator maintains them, everyone else reads. */
export const ruleTestCaseResource: ResourceDefinition<RuleTestCaseRecord, z.output<typeof createSchema>> = {
  name: 'rule-test-cases',
  entityType: 'rule_test_case',
  label: '规则测试用例',
  idSchema: z.uuid({ error: '测试用例编号无效' }),
  defaultSort: 'name',
  authorizeWrite: (actor) => assertCanEditTestCases(actor),

  async list(db, _scope, params) {
    let query = select(db);
    const ids = filterIds(params.filter);
    if (ids) query = query.where('id', 'in', ids.map(String));
    const key = filterValue(params.filter, 'rule_set_key', 'string');
    if (key) query = query.where('rule_set_key', '=', key as RuleSetKey);
    const page = await runListQuery(query, params, { id: 'rule_test_cases.id', name: 'rule_test_cases.name', rule_set_key: 'rule_test_cases.rule_set_key', created_at: 'rule_test_cases.created_at' });
    return { ...page, rows: page.rows.map(withRegion) };
  },

  async findById(db, id) {
    const row = await select(db).where('id', '=', String(id)).executeTakeFirst();
    return row && withRegion(row);
  },

  create: {
    schema: createSchema,
    regionOf: async () => null,
    async insert(trx, input, actor) {
      const row = await trx
        .insertInto('rule_test_cases')
        .values({
          rule_set_key: input.rule_set_key as RuleSetKey,
          name: input.name,
          facts: JSON.stringify(input.facts),
          expected: JSON.stringify(input.expected),
          created_by: actor.userId,
          created_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const created = await select(trx).where('id', '=', row.id).executeTakeFirstOrThrow();
      return withRegion(created);
    },
  },

  async remove(trx, existing) {
    // Two deletions at once must not both see "one more left" and leave the gate with nothing to check.
    await sql`select pg_advisory_xact_lock(hashtext(${`rule-test-cases:${existing.rule_set_key}`}))`.execute(trx);
    const remaining = await trx
      .selectFrom('rule_test_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('rule_set_key', '=', existing.rule_set_key)
      .executeTakeFirstOrThrow();
    if (Number(remaining.n) <= 1) throw new DomainError('CONFLICT', '每个规则集至少保留一个测试用例，发布前才有检验');
    await trx.deleteFrom('rule_test_cases').where('id', '=', existing.id).execute();
  },
};
