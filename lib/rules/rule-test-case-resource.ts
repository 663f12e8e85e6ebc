import { z } from 'zod';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { filterIds, filterValue, runListQuery } from '@/lib/back-office/run-list-query';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { isRuleSetKey, RULE_SET_KEYS, type RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
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

const OUTCOME_KEYS: Record<RuleSetKey, string[]> = {
  'surrender-eligibility': ['eligible', 'clause', 'refundAccountRequired'],
  'payment-source': ['accepted', 'reason'],
  'invoice-type': ['allowed', 'reason'],
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
    const unknown = Object.keys(input.expected).filter((k) => !OUTCOME_KEYS[key].includes(k));
    if (unknown.length || Object.keys(input.expected).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['expected'], message: `期望结果只能包含 ${OUTCOME_KEYS[key].join('、')}，且至少一项` });
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
    const remaining = await trx
      .selectFrom('rule_test_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('rule_set_key', '=', existing.rule_set_key)
      .executeTakeFirstOrThrow();
    if (Number(remaining.n) <= 1) throw new DomainError('CONFLICT', '每个规则集至少保留一个测试用例，发布前才有检验');
    await trx.deleteFrom('rule_test_cases').where('id', '=', existing.id).execute();
  },
};
