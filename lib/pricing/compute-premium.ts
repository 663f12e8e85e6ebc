/**
 * 保费 = max(产品最低保费, round(保证金 × 费率)), in fen, with the rate in basis points. Computed in
 * BigInt so that a large deposit times a rate never passes through a float; halves round up.
 */
export function computePremium(depositFen: number, rateBp: number, minPremiumFen: number): number {
  for (const [name, value] of [['deposit', depositFen], ['rate', rateBp], ['minimum', minPremiumFen]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  const product = BigInt(depositFen) * BigInt(rateBp);
  const rounded = (product * 2n + 10_000n) / 20_000n;
  const premium = rounded > BigInt(minPremiumFen) ? rounded : BigInt(minPremiumFen);
  if (premium > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('premium exceeds the safe integer range');
  return Number(premium);
}
