import { DomainError } from '@/lib/errors/domain-error';
import { getRuleSetCatalog, type RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import type { ValidRuleDocument } from '@/rules/rule-document-types';
import { validateRuleDocument } from '@/rules/validate-rule-document';

const SHOWN_ERRORS = 8;

/**
 * A rule document from an editor (JSON text) or an API client (the array itself), validated against its
 * rule set's catalog. A rejected document is answered with every error's JSON path, under `document`,
 * where the editor shows it.
 */
export function parseRuleDocument(ruleSetKey: RuleSetKey, input: unknown): ValidRuleDocument {
  const validation = typeof input === 'string' ? validateRuleDocument({ ruleSetKey, text: input }) : validateRuleDocument({ ruleSetKey, value: input });
  if (validation.ok) return validation.rules;
  const lines = validation.errors.slice(0, SHOWN_ERRORS).map((e) => `${e.path}：${e.message}`);
  if (validation.errors.length > SHOWN_ERRORS) lines.push(`……另有 ${validation.errors.length - SHOWN_ERRORS} 处错误`);
  throw new DomainError('VALIDATION_FAILED', `${getRuleSetCatalog(ruleSetKey).label}文档有 ${validation.errors.length} 处错误：${lines[0]}`, {
    document: lines.join('\n'),
  });
}
