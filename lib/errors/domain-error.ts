/**
 * Every refusal the product gives has a stable code (for machines, tests and support) and a Chinese
 * message (for people). Route handlers and pages map the code to an HTTP status or a UI message;
 * nothing else inspects the message text.
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  BAD_SIGNATURE: 401,
  FORBIDDEN: 403,
  /** A state-changing request another site's page made the browser send (lib/http/cross-site-request.ts). */
  CROSS_SITE_REFUSED: 403,
  READ_ONLY_ROLE: 403,
  OTHER_REGION: 403,
  /** A value-only rule editor tried to change which rules or conditions exist, or how they compare. */
  RULE_STRUCTURE_FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  VALIDATION_FAILED: 422,
  /** A password someone chose is too short or all of one kind of character (lib/auth/password-policy.ts). */
  WEAK_PASSWORD: 422,
  /** Someone else set this account's password: it must choose its own before anything else. */
  PASSWORD_CHANGE_REQUIRED: 403,
  /** The enterprise has not passed 企业认证审核 yet (or was rejected): it may browse, not apply. */
  ENTERPRISE_NOT_VERIFIED: 403,
  /** No mobile code (lib/auth/mobile-codes) is waiting for this number and purpose: none was asked for, or it was used. */
  MOBILE_CODE_MISSING: 422,
  /** The mobile code given is not the one sent; a few more tries are allowed. */
  MOBILE_CODE_WRONG: 422,
  /** The mobile code was sent more than 10 minutes ago. */
  MOBILE_CODE_EXPIRED: 422,
  /** The mobile code was guessed wrong too often and is dead; only a new one helps. */
  MOBILE_CODE_EXHAUSTED: 422,
  /** The SMS provider did not take the message; asking again later is safe. */
  SMS_UNAVAILABLE: 503,
  RULE_TESTS_FAILED: 422,
  /** Four eyes: the author of a version (or another account of the same phone) may not review it. */
  SELF_APPROVAL: 403,
  /** The scope's changes need a second person's approval: submit the draft for review instead of publishing. */
  APPROVAL_REQUIRED: 409,
  /** The business rules (a published rule version) do not allow it; the message is the rule's reason. */
  RULE_REFUSED: 422,
  CONFLICT: 409,
  /** The policy is issued and verifiable, its document is still being rendered (lib/policies/document-jobs). */
  POLICY_DOCUMENT_PENDING: 409,
  STILL_REFERENCED: 409,
  SEAL_BROKEN: 422,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  /**
   * The database undid the whole change because it met another one (a deadlock, a serialization failure, a
   * lock it could not get in time): nothing was kept, and the same request again is safe.
   */
  SYSTEM_BUSY: 503,
  /** A trading platform's request (docs/trading-platform-interface.md): X-Timestamp more than 300 s from now. */
  STALE_TIMESTAMP: 401,
  /** A trading platform's request repeats a nonce seen in the last 10 minutes. */
  NONCE_REUSED: 401,
  /** A project push older than the revision already applied. */
  STALE_REVISION: 409,
  /** A project push would remove a section that has orders, or change the deposit of one with live orders. */
  SECTION_IN_USE: 409,
  /** An enterprise a trading platform created has not completed its basic account yet: it may browse, not apply. */
  ENTERPRISE_PROFILE_INCOMPLETE: 403,
  /** A trading platform's SSO token is malformed, wrongly signed, expired or already used. */
  SSO_TOKEN_INVALID: 401,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field path → Chinese message, for forms that show errors beside their fields. */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: ErrorCode, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what}不存在或您无权查看`);
