// The same alphabet as order remark codes (lib/orders/order-codes.ts): 8 characters, no look-alikes.
const REMARK_PATTERN = /[34679ACDEFGHJKMNPQRTUVWXY]{8}/g;

/**
 * The candidate remark codes in a transfer's remark as people type them: upper-cased, with spaces and
 * punctuation between characters ignored ("ftg hf7h" or "附言：FTGHF7H").
 */
export function remarkCandidates(remark: string): string[] {
  const compact = remark.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return [...new Set(compact.match(REMARK_PATTERN) ?? [])];
}
