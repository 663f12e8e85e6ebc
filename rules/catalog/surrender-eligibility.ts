import type { FactsOf, ParamValueOf, RuleSetCatalog } from './catalog-types';

/**
 * 退保规则. The seed (退保操作流程, 第一步) allows a surrender in three situations and refuses it in every
 * other one; the fourth clause is therefore not an event: no `eligible` event means not eligible.
 */
export const SURRENDER_ELIGIBILITY_CATALOG = {
  key: 'surrender-eligibility',
  label: '退保规则',
  facts: [
    { name: 'bidOpened', type: 'boolean', label: '已开标' },
    {
      name: 'projectStatus',
      type: 'enum',
      label: '项目状态',
      values: [
        { value: 'normal', label: '正常' },
        { value: 'suspended', label: '中止' },
        { value: 'paused', label: '暂停' },
        { value: 'failed', label: '流标' },
        { value: 'terminated', label: '终止' },
      ],
    },
    { name: 'applicantAbandons', type: 'boolean', label: '投标人放弃投标' },
    { name: 'paidByOnlineBanking', type: 'boolean', label: '网银支付' },
  ],
  outcomes: [
    {
      type: 'eligible',
      label: '可退保',
      params: [
        {
          name: 'clause',
          label: '依据条款',
          required: true,
          values: [
            { value: 1, label: '第一条', description: '开标前投标人放弃投标或项目发生中止、暂停' },
            { value: 2, label: '第二条', description: '开标前项目发生流标、终止' },
            { value: 3, label: '第三条', description: '开标后项目发生流标' },
          ],
        },
      ],
    },
    // The seed asks online-banking payers to give a refund account only "when the project has an anomaly".
    { type: 'refund-account-required', label: '须完善退保账户信息', params: [], role: 'modifier' },
  ],
  fallbackWhenNothingFires: '未命中任何可退保规则时按第四条（不符合任何可退保情形）处理，不予退保',
} as const satisfies RuleSetCatalog;

export type SurrenderEligibilityFacts = FactsOf<typeof SURRENDER_ELIGIBILITY_CATALOG>;
export type SurrenderClause = ParamValueOf<typeof SURRENDER_ELIGIBILITY_CATALOG, 'eligible', 'clause'>;

/** Clause 4 is the fallback, so it lives here rather than among the event parameters a rule may emit. */
export const NO_SURRENDER_CLAUSE = { value: 4, label: '第四条', description: '不符合任何可退保情形' } as const;

export interface SurrenderEligibilityOutcome {
  eligible: boolean;
  clause: SurrenderClause | typeof NO_SURRENDER_CLAUSE.value;
  /** Only ever true when eligible: a refund account is pointless for a surrender that will not happen. */
  refundAccountRequired: boolean;
}
