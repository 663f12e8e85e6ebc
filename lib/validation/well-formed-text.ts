import { DomainError } from '@/lib/errors/domain-error';

/**
 * What PostgreSQL cannot store as it was sent. A lone UTF-16 surrogate (half of a pair, e.g. a text
 * cut in the middle of an emoji, or `\ud800` typed on purpose) is turned into U+FFFD on its way to the
 * database (text) or refused by it (jsonb), so what was checked, hashed into the audit chain or shown
 * back would differ from what is kept. U+0000 cannot be stored in text or jsonb at all.
 */
export type MalformedTextProblem = 'lone_surrogate' | 'nul_character';

export const MALFORMED_TEXT_MESSAGES: Record<MalformedTextProblem, string> = {
  lone_surrogate: '包含无法识别的字符（不成对的代理项）',
  nul_character: '包含无法保存的空字符（U+0000）',
};

export function malformedTextProblem(text: string): MalformedTextProblem | null {
  if (!text.isWellFormed()) return 'lone_surrogate';
  if (text.includes('\u0000')) return 'nul_character';
  return null;
}

export interface MalformedTextFinding {
  /** Dotted path of the value (or of the object whose key is malformed), `_` for the input itself. */
  path: string;
  problem: MalformedTextProblem;
}

/**
 * The first malformed string anywhere in parsed input: values and object keys of plain objects and
 * arrays, at any depth. Anything else (dates, bytes, numbers) holds no text to check.
 */
export function findMalformedText(input: unknown): MalformedTextFinding | null {
  const pending: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  const seen = new Set<object>();
  const at = (path: string[]) => (path.length ? path.join('.') : '_');
  while (pending.length) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = malformedTextProblem(value);
      if (problem) return { path: at(path), problem };
      continue;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: [...path, String(index)] }));
      continue;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) continue;
    for (const [key, item] of Object.entries(value)) {
      const problem = malformedTextProblem(key);
      if (problem) return { path: at(path), problem };
      pending.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/**
 * Refuses input holding text the database would not keep as sent, before anything looks at it: a
 * stable VALIDATION_FAILED with the field that holds it, and nothing written. Every boundary calls this
 * (parseInput for every use case, the JSON body reader, the statement import).
 */
export function assertWellFormedText(input: unknown): void {
  const finding = findMalformedText(input);
  if (!finding) return;
  const message = MALFORMED_TEXT_MESSAGES[finding.problem];
  throw new DomainError('VALIDATION_FAILED', `提交的信息有误：${message}`, { [finding.path]: message });
}
