/**
 * bigint columns hold money in fen and row counts. They are read as JS numbers so that arithmetic and
 * JSON stay simple; a value beyond 2^53 would silently lose precision, so it is refused instead.
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`bigint value ${text} exceeds the safe integer range`);
  }
  return value;
}

export const INT8_OID = 20;

/** `date` columns are calendar days (a refund's due date), not instants: they stay YYYY-MM-DD text. */
export const DATE_OID = 1082;
export const keepText = (text: string): string => text;
