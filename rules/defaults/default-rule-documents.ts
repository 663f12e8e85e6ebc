import type { RuleSetKey } from '../catalog/rule-set-catalogs';
import { getRuleSetCatalog } from '../catalog/rule-set-catalogs';
import { RuleDocumentInvalidError } from '../rule-errors';
import type { ValidRuleDocument } from '../rule-document-types';
import { validateRuleDocument } from '../validate-rule-document';
import invoiceType from './invoice-type.json' with { type: 'json' };
import paymentSource from './payment-source.json' with { type: 'json' };
import surrenderEligibility from './surrender-eligibility.json' with { type: 'json' };

/**
 * The platform baseline shipped with the code: the seed's rules in json-rules-engine's format. Typed as
 * `unknown` because they are data like any region's document and go through the same validation.
 */
export const DEFAULT_RULE_DOCUMENTS: Readonly<Record<RuleSetKey, unknown>> = {
  'surrender-eligibility': surrenderEligibility,
  'payment-source': paymentSource,
  'invoice-type': invoiceType,
};

/** The version id under which the shipped defaults are cached when a region has published nothing. */
export const DEFAULT_RULE_VERSION_ID = 'default';

/** The validated default document; throws if a shipped default ever stops validating (tests guard this). */
export function loadDefaultRuleDocument(ruleSetKey: RuleSetKey): ValidRuleDocument {
  const validation = validateRuleDocument({ ruleSetKey, value: DEFAULT_RULE_DOCUMENTS[ruleSetKey] });
  if (!validation.ok) throw new RuleDocumentInvalidError(getRuleSetCatalog(ruleSetKey).label, validation.errors);
  return validation.rules;
}
