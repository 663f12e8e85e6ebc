import type { RuleSetKey, RuleSetOutcomes } from '../catalog/rule-set-catalogs';
import { NO_SURRENDER_CLAUSE, SURRENDER_ELIGIBILITY_CATALOG } from '../catalog/surrender-eligibility';
import { PAYMENT_SOURCE_CATALOG } from '../catalog/payment-source';
import { INVOICE_TYPE_CATALOG } from '../catalog/invoice-type';
import { summarizeOutcome } from '../explain-decision';

export interface ExpectedOutcomeChoice {
  /** Stable key of the choice, for a select. */
  key: string;
  label: string;
  expected: Record<string, unknown>;
}

/**
 * Every normalized outcome a rule set can give, as a test case's expected outcome, worded the way the
 * decision log words it. An operator picks one in the test-case table instead of typing JSON.
 */
export function expectedOutcomeChoices(ruleSetKey: RuleSetKey): ExpectedOutcomeChoice[] {
  const outcomes: Record<string, unknown>[] = [];
  if (ruleSetKey === 'invoice-type') {
    outcomes.push({ allowed: true }, ...INVOICE_TYPE_CATALOG.outcomes[1].params[0].values.map((v) => ({ allowed: false, reason: v.value })));
  } else if (ruleSetKey === 'payment-source') {
    outcomes.push({ accepted: true }, { accepted: false, review: true }, ...PAYMENT_SOURCE_CATALOG.outcomes[2].params[0].values.map((v) => ({ accepted: false, reason: v.value })));
  } else {
    for (const clause of SURRENDER_ELIGIBILITY_CATALOG.outcomes[0].params[0].values) {
      outcomes.push({ eligible: true, clause: clause.value, refundAccountRequired: false }, { eligible: true, clause: clause.value, refundAccountRequired: true });
    }
    outcomes.push({ eligible: false, clause: NO_SURRENDER_CLAUSE.value });
  }
  return outcomes.map((expected) => ({
    key: expectedKey(expected),
    label: summarizeOutcome(ruleSetKey, expected as unknown as RuleSetOutcomes[RuleSetKey]),
    expected,
  }));
}

/** The same key for the same expected outcome, whatever the order of its keys (stored cases come back from jsonb). */
export function expectedKey(expected: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(expected).sort().map((k) => [k, expected[k]]));
}
