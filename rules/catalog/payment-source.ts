import type { FactsOf, ParamValueOf, RuleSetCatalog } from './catalog-types';

/**
 * 支付来源规则, asked when a bank transfer is matched to an order (seed 投保操作流程, 第三步).
 * A rejection always beats an acceptance, and when nothing fires the transfer is rejected: a rule document
 * that forgot a case must fail closed, never issue a guarantee for an unchecked payment.
 */
export const PAYMENT_SOURCE_CATALOG = {
  key: 'payment-source',
  label: '支付来源规则',
  facts: [
    {
      name: 'projectType',
      type: 'enum',
      label: '项目类型',
      values: [
        { value: 'construction', label: '建设工程' },
        { value: 'procurement', label: '政府采购' },
      ],
    },
    { name: 'payerIsBasicAccount', type: 'boolean', label: '付款账户为投保人企业基本户' },
    {
      name: 'payerKind',
      type: 'enum',
      label: '付款方类型',
      values: [
        { value: 'enterprise', label: '企业' },
        { value: 'personal', label: '个人' },
      ],
    },
    { name: 'remarkMatches', type: 'boolean', label: '银行附言一致' },
    { name: 'amountMatches', type: 'boolean', label: '金额一致' },
    { name: 'alreadyPaid', type: 'boolean', label: '订单已支付' },
  ],
  outcomes: [
    { type: 'accept', label: '接受', params: [] },
    // Not used by the shipped rules: a region may route some transfers (say, personal accounts) to an
    // operator, who then approves or rejects the payment by hand.
    { type: 'review', label: '转人工审核', params: [] },
    {
      type: 'reject',
      label: '拒绝',
      params: [
        {
          name: 'reason',
          label: '拒绝原因',
          required: true,
          values: [
            { value: 'duplicate', label: '订单已支付，本笔为重复支付' },
            { value: 'remark_mismatch', label: '转账附言与订单银行附言不一致' },
            { value: 'amount_mismatch', label: '转账金额与应缴保费不一致' },
            { value: 'not_basic_account', label: '建设工程类项目须从企业基本户转账支付' },
          ],
        },
      ],
    },
  ],
  fallbackWhenNothingFires: '未命中任何规则时按「拒绝」处理',
} as const satisfies RuleSetCatalog;

export type PaymentSourceFacts = FactsOf<typeof PAYMENT_SOURCE_CATALOG>;
export type PaymentRejectionReason = ParamValueOf<typeof PAYMENT_SOURCE_CATALOG, 'reject', 'reason'>;

/**
 * A rejection beats a review, and a review beats an acceptance: a rule that asks for a person's look
 * must not be overridden by a general rule that accepts.
 * When several rejections fire, the one reported is the first of this list:
 * - duplicate first: the order is already paid, so whatever else is wrong this money goes back as an extra
 *   payment (seed: "支付了多笔保费，需要退回多余支付的保费");
 * - then the remark: without the right 附言 the transfer cannot be trusted to belong to this order at all;
 * - then the amount: the transfer is this order's, but not the premium it owes;
 * - the basic account last: the transfer is otherwise right, only its source is not allowed.
 * The order follows the reason list in the catalog, so the editor shows the reasons in the same order.
 */
export const PAYMENT_REJECTION_PRECEDENCE: readonly PaymentRejectionReason[] = PAYMENT_SOURCE_CATALOG.outcomes[2].params[0].values.map(
  (v) => v.value,
);

export type PaymentSourceOutcome =
  | { accepted: true }
  /** An operator decides: the order waits in payment review. */
  | { accepted: false; review: true }
  | {
      accepted: false;
      /** Absent when no rule fired at all: the transfer is refused because nothing vouched for it. */
      reason?: PaymentRejectionReason;
    };
