import type { z } from 'zod';
import { DomainError, type FieldErrors } from '@/lib/errors/domain-error';
import { assertWellFormedText } from './well-formed-text';

/**
 * Parses input with a schema or throws VALIDATION_FAILED carrying one Chinese message per field.
 * Text the database could not store as sent (a lone surrogate, U+0000) is refused first, whatever the
 * schema says, so no use case ever checks, hashes or stores one thing and keeps another.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertWellFormedText(input);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fieldErrors[key] ??= issue.message;
  }
  const first = Object.entries(fieldErrors)[0];
  throw new DomainError('VALIDATION_FAILED', first ? `提交的信息有误：${first[1]}` : '提交的信息有误', fieldErrors);
}
