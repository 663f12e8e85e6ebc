/** Small checks shared by the validators, kept apart so each validator reads as the rules it enforces. */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/** How a JSON value is called in messages, so "期望 是/否，实际为 字符串" reads naturally. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  switch (typeof value) {
    case 'boolean':
      return '布尔值';
    case 'string':
      return '字符串';
    case 'number':
      return '数字';
    case 'object':
      return '对象';
    default:
      return typeof value;
  }
}

/**
 * The allowed key closest to a mistyped one (`condition` → `conditions`), so the message can say what
 * was probably meant. Only suggests within two edits: beyond that the guess is more confusing than useful.
 */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  // Keys are short; a long pasted key would only make this slower, so give up on it early.
  if (Math.abs(a.length - b.length) > 2 || a.length > 64) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function unknownKeyMessage(key: string, where: string, allowed: readonly string[]): string {
  const suggestion = suggestKey(key, allowed);
  const hint = suggestion ? `；是否想写 "${suggestion}"？` : '';
  return `${where}中不允许出现字段 "${key}"，只能包含：${allowed.join('、')}${hint}`;
}
