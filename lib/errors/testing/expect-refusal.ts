import { expect } from 'vitest';
import { DomainError } from '../domain-error';

/** For tests: the DomainError a refused call rejects with (and a failed assertion if it did not refuse). */
export async function expectRefusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
