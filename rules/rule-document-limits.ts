/**
 * Bounds on a rule document. A document is typed by an operator in a browser and parsed on the server;
 * without bounds one paste of a generated file could make every later decision slow or crash the
 * validator's recursion. The seed's documents are a few kilobytes, so the bounds are generous.
 */
export const RULE_DOCUMENT_LIMITS = {
  /** UTF-8 bytes of the document text. */
  maxBytes: 256 * 1024,
  maxRules: 200,
  /** all/any/not groups inside one another, counting the root group. */
  maxConditionDepth: 16,
  /**
   * Arrays and objects inside one another anywhere in the document. Checked without recursion before the
   * recursive validation starts; a rule with `maxConditionDepth` groups needs about twice as many levels.
   */
  maxJsonDepth: 48,
  maxNameLength: 200,
  /** Stop collecting errors after this many: a broken 200-rule paste should not yield 10,000 messages. */
  maxErrors: 100,
} as const;
