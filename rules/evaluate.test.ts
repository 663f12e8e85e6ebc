import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_DOCUMENTS } from './defaults/default-rule-documents';
import { RuleEngineCache } from './engine-cache';
import { evaluateRuleSet } from './evaluate';
import { RuleDocumentInvalidError, RuleFactsInvalidError } from './rule-errors';

const surrenderFacts = { bidOpened: false, projectStatus: 'suspended', applicantAbandons: false, paidByOnlineBanking: true } as const;
const paymentFacts = { projectType: 'procurement', payerIsBasicAccount: false, payerKind: 'personal', remarkMatches: true, amountMatches: true, alreadyPaid: false } as const;

const rule = (fact: string, value: boolean | string, event: object) => ({ conditions: { all: [{ fact, operator: 'equal', value }] }, event });

describe('evaluateRuleSet', () => {
  it('builds the engine once per version and reuses it', async () => {
    const cache = new RuleEngineCache();
    const document = DEFAULT_RULE_DOCUMENTS['surrender-eligibility'];
    const first = await evaluateRuleSet({ ruleSetKey: 'surrender-eligibility', versionId: 'v1', document, facts: surrenderFacts, cache });
    // Same id, different document: the id names an immutable version, so the cached one answers.
    const second = await evaluateRuleSet({ ruleSetKey: 'surrender-eligibility', versionId: 'v1', document: '[]', facts: surrenderFacts, cache });
    expect(cache.size).toBe(1);
    expect(second).toEqual(first);
    expect(first.outcome).toEqual({ eligible: true, clause: 1, refundAccountRequired: true });
  });

  it('accepts the document as JSON text and keys the cache by rule set as well as version', async () => {
    const cache = new RuleEngineCache();
    const text = JSON.stringify(DEFAULT_RULE_DOCUMENTS['payment-source']);
    const decision = await evaluateRuleSet({ ruleSetKey: 'payment-source', versionId: 'v1', document: text, facts: paymentFacts, cache });
    await evaluateRuleSet({ ruleSetKey: 'surrender-eligibility', versionId: 'v1', document: DEFAULT_RULE_DOCUMENTS['surrender-eligibility'], facts: surrenderFacts, cache });
    expect(decision.outcome).toEqual({ accepted: true });
    expect(cache.size).toBe(2);
  });

  it('forgets the least recently used version beyond its size', async () => {
    const cache = new RuleEngineCache({ maxEntries: 2 });
    const document = DEFAULT_RULE_DOCUMENTS['payment-source'];
    for (const versionId of ['a', 'b', 'a', 'c']) {
      await evaluateRuleSet({ ruleSetKey: 'payment-source', versionId, document, facts: paymentFacts, cache });
    }
    expect(cache.size).toBe(2);
    // 'b' was evicted, so an invalid document under 'b' is now validated (and refused); 'a' is still cached.
    await expect(evaluateRuleSet({ ruleSetKey: 'payment-source', versionId: 'b', document: '[]', facts: paymentFacts, cache })).rejects.toThrow(RuleDocumentInvalidError);
    await expect(evaluateRuleSet({ ruleSetKey: 'payment-source', versionId: 'a', document: '[]', facts: paymentFacts, cache })).resolves.toBeTruthy();
  });

  it('refuses an invalid document with its errors and does not cache it', async () => {
    const cache = new RuleEngineCache();
    const document = [rule('bidOpen', true, { type: 'allowed' })];
    const attempt = evaluateRuleSet({ ruleSetKey: 'invoice-type', versionId: 'bad', document, facts: { bidOpened: true, medium: 'paper', invoiceType: 'ordinary' }, cache });
    await expect(attempt).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      detailCode: 'RULE_DOCUMENT_INVALID',
      errors: [{ code: 'CONDITION_UNKNOWN_FACT', path: '$[0].conditions.all[0].fact' }],
    });
    expect(cache.size).toBe(0);
  });

  it.each([
    ['a missing fact', { ...paymentFacts, alreadyPaid: undefined }, 'FACT_MISSING', 'alreadyPaid', '缺少【订单已支付】'],
    ['an unknown fact', { ...paymentFacts, payerName: '张三' }, 'FACT_UNKNOWN', 'payerName', '没有事实 "payerName"'],
    ['a wrong-typed boolean', { ...paymentFacts, remarkMatches: 'yes' }, 'FACT_WRONG_TYPE', 'remarkMatches', 'true 或 false'],
    ['a wrong-typed enum', { ...paymentFacts, payerKind: 1 }, 'FACT_WRONG_TYPE', 'payerKind', '必须是字符串'],
    ['an enum value outside the catalog', { ...paymentFacts, projectType: 'medical' }, 'FACT_VALUE_NOT_ALLOWED', 'projectType', 'construction（建设工程）'],
    ['no object at all', null, 'FACTS_NOT_AN_OBJECT', '$', '必须是对象'],
  ])('refuses %s before running any rule', async (_description, facts, code, fact, words) => {
    const attempt = evaluateRuleSet({
      ruleSetKey: 'payment-source',
      versionId: 'default',
      document: DEFAULT_RULE_DOCUMENTS['payment-source'],
      // Deliberately wrong facts, as they could arrive from a replayed decision log.
      facts: facts as never,
      cache: new RuleEngineCache(),
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleFactsInvalidError);
    const { issues, message, status } = error as RuleFactsInvalidError;
    expect(issues).toEqual([{ code, fact, message: expect.stringContaining(words) }]);
    expect(message).toContain('支付来源规则的判定依据有误');
    expect(status).toBe(422);
  });

  it('is deterministic: concurrent evaluations of the same case give identical decisions', async () => {
    const cache = new RuleEngineCache();
    const document = DEFAULT_RULE_DOCUMENTS['payment-source'];
    const facts = { ...paymentFacts, projectType: 'construction', remarkMatches: false } as const;
    const decisions = await Promise.all(
      Array.from({ length: 20 }, () => evaluateRuleSet({ ruleSetKey: 'payment-source', versionId: 'v', document, facts, cache })),
    );
    const texts = new Set(decisions.map((d) => JSON.stringify(d)));
    expect(texts.size).toBe(1);
    expect(decisions[0]!.outcome).toEqual({ accepted: false, reason: 'remark_mismatch' });
  });

  it('records per condition whether it held and the value the fact had', async () => {
    const decision = await evaluateRuleSet({
      ruleSetKey: 'invoice-type',
      versionId: 'default',
      document: DEFAULT_RULE_DOCUMENTS['invoice-type'],
      facts: { bidOpened: false, medium: 'paper', invoiceType: 'special' },
      cache: new RuleEngineCache(),
    });
    const allowedRule = decision.ruleResults[2]!;
    expect(allowedRule.fired).toBe(false);
    expect(allowedRule.conditions).toEqual({
      result: false,
      all: [
        { fact: 'bidOpened', operator: 'equal', value: true, result: false, factResult: false },
        {
          result: true,
          any: [
            { fact: 'medium', operator: 'equal', value: 'paper', result: true, factResult: 'paper' },
            { fact: 'invoiceType', operator: 'equal', value: 'ordinary', result: false, factResult: 'special' },
          ],
        },
      ],
    });
  });

  it('leaves conditions the engine skipped without a result', async () => {
    // json-rules-engine evaluates higher-priority conditions first and stops an `all` at the first false.
    const document = [
      {
        conditions: {
          all: [
            { fact: 'bidOpened', operator: 'equal', value: true, priority: 2 },
            { fact: 'medium', operator: 'equal', value: 'paper' },
          ],
        },
        event: { type: 'allowed' },
      },
    ];
    const decision = await evaluateRuleSet({
      ruleSetKey: 'invoice-type',
      versionId: 'skip',
      document,
      facts: { bidOpened: false, medium: 'paper', invoiceType: 'special' },
      cache: new RuleEngineCache(),
    });
    expect(decision.ruleResults[0]!.conditions).toEqual({
      result: false,
      all: [
        { fact: 'bidOpened', operator: 'equal', value: true, priority: 2, result: false, factResult: false },
        { fact: 'medium', operator: 'equal', value: 'paper' },
      ],
    });
  });
});

describe('outcome semantics, whatever the document says', () => {
  const cache = new RuleEngineCache();
  const run = <D extends unknown[]>(ruleSetKey: 'payment-source' | 'invoice-type' | 'surrender-eligibility', document: D, facts: object) =>
    evaluateRuleSet({ ruleSetKey, versionId: JSON.stringify(document), document, facts: facts as never, cache });

  it('lets a rejection win over an acceptance', async () => {
    const document = [rule('remarkMatches', true, { type: 'accept' }), rule('payerKind', 'personal', { type: 'reject', params: { reason: 'not_basic_account' } })];
    expect((await run('payment-source', document, paymentFacts)).outcome).toEqual({ accepted: false, reason: 'not_basic_account' });
  });

  it('rejects a payment when no rule fired', async () => {
    const document = [rule('alreadyPaid', true, { type: 'accept' })];
    const decision = await run('payment-source', document, paymentFacts);
    expect(decision.outcome).toEqual({ accepted: false });
    expect(decision.firedRuleNames).toEqual([]);
  });

  it('refuses an invoice when no rule fired, and lets a refusal win', async () => {
    const facts = { bidOpened: true, medium: 'paper', invoiceType: 'special' };
    expect((await run('invoice-type', [rule('bidOpened', false, { type: 'allowed' })], facts)).outcome).toEqual({ allowed: false });
    const both = [rule('bidOpened', true, { type: 'allowed' }), rule('medium', 'paper', { type: 'refused', params: { reason: 'electronic_special_not_supported' } })];
    expect((await run('invoice-type', both, facts)).outcome).toEqual({ allowed: false, reason: 'electronic_special_not_supported' });
  });

  it('takes the lowest clause when several eligible rules fire, and names unnamed rules by position', async () => {
    const document = [
      rule('paidByOnlineBanking', true, { type: 'eligible', params: { clause: 3 } }),
      rule('bidOpened', false, { type: 'eligible', params: { clause: 2 } }),
    ];
    const decision = await run('surrender-eligibility', document, surrenderFacts);
    expect(decision.outcome).toEqual({ eligible: true, clause: 2, refundAccountRequired: false });
    expect(decision.firedRuleNames).toEqual(['第 1 条规则', '第 2 条规则']);
  });

  it('never asks for a refund account when the surrender is refused', async () => {
    const document = [rule('paidByOnlineBanking', true, { type: 'refund-account-required' })];
    expect((await run('surrender-eligibility', document, surrenderFacts)).outcome).toEqual({ eligible: false, clause: 4, refundAccountRequired: false });
  });
});
