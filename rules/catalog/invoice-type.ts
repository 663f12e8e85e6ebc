import type { FactsOf, ParamValueOf, RuleSetCatalog } from './catalog-types';

/**
 * 发票规则 (seed 发票申请流程). As with payments, a refusal beats an allowance and nothing fired means
 * refused, so a document that forgot a case never lets an invoice through unchecked.
 */
export const INVOICE_TYPE_CATALOG = {
  key: 'invoice-type',
  label: '发票规则',
  facts: [
    { name: 'bidOpened', type: 'boolean', label: '已开标' },
    {
      name: 'medium',
      type: 'enum',
      label: '发票介质',
      values: [
        { value: 'electronic', label: '电子发票' },
        { value: 'paper', label: '纸质发票' },
      ],
    },
    {
      name: 'invoiceType',
      type: 'enum',
      label: '发票类型',
      values: [
        { value: 'ordinary', label: '增值税普通发票' },
        { value: 'special', label: '增值税专用发票' },
      ],
    },
  ],
  outcomes: [
    { type: 'allowed', label: '可开具', params: [] },
    {
      type: 'refused',
      label: '不予开具',
      params: [
        {
          name: 'reason',
          label: '不予开具原因',
          required: true,
          values: [
            { value: 'before_bid_opening', label: '开标后方可申请发票' },
            { value: 'electronic_special_not_supported', label: '电子发票仅支持增值税普通发票' },
          ],
        },
      ],
    },
  ],
  fallbackWhenNothingFires: '未命中任何规则时按「不予开具」处理',
} as const satisfies RuleSetCatalog;

export type InvoiceTypeFacts = FactsOf<typeof INVOICE_TYPE_CATALOG>;
export type InvoiceRefusalReason = ParamValueOf<typeof INVOICE_TYPE_CATALOG, 'refused', 'reason'>;

/**
 * The reason reported when several refusals fire: "not yet" comes first because it applies to every
 * invoice whatever its kind; the bidder must wait for bid opening before the kind even matters.
 */
export const INVOICE_REFUSAL_PRECEDENCE: readonly InvoiceRefusalReason[] = INVOICE_TYPE_CATALOG.outcomes[1].params[0].values.map(
  (v) => v.value,
);

export type InvoiceTypeOutcome =
  | { allowed: true }
  | {
      allowed: false;
      /** Absent when no rule fired at all. */
      reason?: InvoiceRefusalReason;
    };
