import type { FactDefinition, LabelledValue, OutcomeDefinition, RuleSetCatalog } from './catalog-types';
import { INVOICE_TYPE_CATALOG, type InvoiceTypeFacts, type InvoiceTypeOutcome } from './invoice-type';
import { PAYMENT_SOURCE_CATALOG, type PaymentSourceFacts, type PaymentSourceOutcome } from './payment-source';
import {
  SURRENDER_ELIGIBILITY_CATALOG,
  type SurrenderEligibilityFacts,
  type SurrenderEligibilityOutcome,
} from './surrender-eligibility';

export const RULE_SET_CATALOGS = {
  'surrender-eligibility': SURRENDER_ELIGIBILITY_CATALOG,
  'payment-source': PAYMENT_SOURCE_CATALOG,
  'invoice-type': INVOICE_TYPE_CATALOG,
} as const satisfies Record<string, RuleSetCatalog>;

export type RuleSetKey = keyof typeof RULE_SET_CATALOGS;

export const RULE_SET_KEYS = Object.keys(RULE_SET_CATALOGS) as RuleSetKey[];

/** The facts each rule set is asked with. */
export interface RuleSetFacts {
  'surrender-eligibility': SurrenderEligibilityFacts;
  'payment-source': PaymentSourceFacts;
  'invoice-type': InvoiceTypeFacts;
}

/** The normalized answer of each rule set, the only thing `lib/` should branch on. */
export interface RuleSetOutcomes {
  'surrender-eligibility': SurrenderEligibilityOutcome;
  'payment-source': PaymentSourceOutcome;
  'invoice-type': InvoiceTypeOutcome;
}

/** Keys arrive as strings from URLs and database rows; this is the one place that narrows them. */
export function isRuleSetKey(value: unknown): value is RuleSetKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RULE_SET_CATALOGS, value);
}

// Typed as the general shape on purpose: callers that loop over facts or outcomes should not have to
// deal with the union of three literal catalog types.
export function getRuleSetCatalog(key: RuleSetKey): RuleSetCatalog {
  return RULE_SET_CATALOGS[key];
}

export function findFact(catalog: RuleSetCatalog, name: string): FactDefinition | undefined {
  return catalog.facts.find((f) => f.name === name);
}

export function findOutcome(catalog: RuleSetCatalog, type: string): OutcomeDefinition | undefined {
  return catalog.outcomes.find((o) => o.type === type);
}

/** Chinese wording of a fact value: 是/否 for yes-no facts, the catalog label for enum values. */
export function labelFactValue(fact: FactDefinition, value: unknown): string {
  if (fact.type === 'boolean') {
    if (value === true) return '是';
    if (value === false) return '否';
  } else {
    const option = fact.values.find((v) => v.value === value);
    if (option) return option.label;
  }
  // Only reachable for values that escaped validation; show them raw rather than hide the problem.
  return JSON.stringify(value) ?? String(value);
}

export function findLabelledValue(values: readonly LabelledValue[], value: unknown): LabelledValue | undefined {
  return values.find((v) => v.value === value);
}
