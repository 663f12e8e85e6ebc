import { DomainError, type FieldErrors } from '@/lib/errors/domain-error';
import type { RuleDocumentError } from './rule-document-errors';

/**
 * Errors the rules core throws. Both are VALIDATION_FAILED for the HTTP layer (which only knows the
 * product-wide codes) and carry their own stable `detailCode` for callers that need to tell them apart.
 */

export type FactIssueCode = 'FACTS_NOT_AN_OBJECT' | 'FACT_MISSING' | 'FACT_UNKNOWN' | 'FACT_WRONG_TYPE' | 'FACT_VALUE_NOT_ALLOWED';

export interface FactIssue {
  code: FactIssueCode;
  /** The fact's name, or `$` when the facts object itself is wrong. */
  fact: string;
  message: string;
}

/**
 * The facts given to a rule set do not match its catalog. This is a bug in the caller (facts are
 * computed by `lib/`, not typed by users), so the engine is never run on them: with a missing fact
 * json-rules-engine would throw halfway, and with a wrong-typed one it would quietly answer "no".
 */
export class RuleFactsInvalidError extends DomainError {
  readonly detailCode = 'RULE_FACTS_INVALID';
  readonly issues: FactIssue[];

  constructor(ruleSetLabel: string, issues: FactIssue[]) {
    const fieldErrors: FieldErrors = {};
    for (const issue of issues) fieldErrors[issue.fact] ??= issue.message;
    super('VALIDATION_FAILED', `${ruleSetLabel}的判定依据有误：${issues.map((i) => i.message).join('；')}`, fieldErrors);
    this.name = 'RuleFactsInvalidError';
    this.issues = issues;
  }
}

/** A stored or submitted rule document failed validation when an engine was to be built from it. */
export class RuleDocumentInvalidError extends DomainError {
  readonly detailCode = 'RULE_DOCUMENT_INVALID';
  readonly errors: RuleDocumentError[];

  constructor(ruleSetLabel: string, errors: RuleDocumentError[]) {
    const fieldErrors: FieldErrors = {};
    for (const error of errors) fieldErrors[error.path] ??= error.message;
    const first = errors[0];
    super('VALIDATION_FAILED', `${ruleSetLabel}文档无效${first ? `：${first.path} ${first.message}` : ''}`, fieldErrors);
    this.name = 'RuleDocumentInvalidError';
    this.errors = errors;
  }
}
