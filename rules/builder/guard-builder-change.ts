import type { RuleSetKey } from '../catalog/rule-set-catalogs';
import { validateRuleDocument } from '../validate-rule-document';
import type { BuilderDocument } from './builder-model';
import { fromBuilderModel } from './from-builder-model';

export type GuardedChange = { ok: true; document: unknown[] } | { ok: false; message: string };

/**
 * The visual editors never turn a valid document into one the validator refuses: a change that would
 * (the last condition of a group removed, a 属于 list emptied, a priority of 0) is not applied, and the
 * operator is told why. A document that was already invalid (typed in JSON) is not held to this, or it
 * could never be mended visually.
 */
export function guardBuilderChange(ruleSetKey: RuleSetKey, previous: unknown, next: BuilderDocument): GuardedChange {
  const document = fromBuilderModel(next);
  const validation = validateRuleDocument({ ruleSetKey, value: document });
  if (validation.ok || !validateRuleDocument({ ruleSetKey, value: previous }).ok) return { ok: true, document };
  const first = validation.errors[0]!;
  return { ok: false, message: `未应用此修改：${first.message}` };
}
