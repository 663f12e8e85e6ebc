import { fromDatabaseError } from './from-database-error';

/** Runs a write and turns a constraint violation into the matching DomainError. */
export async function withDatabaseErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw fromDatabaseError(error) ?? error;
  }
}
