// The same alphabet as order remark codes (lib/orders/order-codes.ts): 8 characters, no look-alikes.
const REMARK_RUN = /[34679ACDEFGHJKMNPQRTUVWXY]{8,}/g;
const CODE_LENGTH = 8;

/**
 * The candidate remark codes in a transfer's remark as people type them: upper-cased, with spaces and
 * punctuation between characters ignored ("ftg hf7h" or "附言：FTGHF7H"). Every 8-character window of
 * every run of code characters is a candidate, because a code is often written right after other text
 * ("PAY FTGHF7HX", "2026 FTGHF7HX") that happens to use the same characters.
 */
export function remarkCandidates(remark: string): string[] {
  const compact = remark.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const candidates = new Set<string>();
  for (const run of compact.match(REMARK_RUN) ?? []) {
    for (let start = 0; start + CODE_LENGTH <= run.length; start++) candidates.add(run.slice(start, start + CODE_LENGTH));
  }
  return [...candidates];
}
