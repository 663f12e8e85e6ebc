import { DomainError } from './domain-error';

/** The answer to a change the database undid because it met another one at the same time. */
const systemBusy = () => new DomainError('SYSTEM_BUSY', '系统繁忙，请稍后重试');

/**
 * Constraints in the database are the last line of defence (uniqueness, references, checks). When one
 * fires, the person still gets a Chinese answer with a stable code instead of a bare 500. A change that met
 * another one (deadlock, serialization failure, lock timeout) was undone whole: SYSTEM_BUSY, try again.
 */
export function fromDatabaseError(error: unknown): DomainError | null {
  if (!error || typeof error !== 'object' || !('code' in error)) return null;
  switch ((error as { code?: unknown }).code) {
    case '23505':
      return new DomainError('CONFLICT', '已存在相同的记录（编号或名称重复）');
    case '23503':
      return new DomainError('STILL_REFERENCED', '该记录仍被其他数据引用，或引用的数据不存在');
    case '23514':
    case '23502':
      return new DomainError('VALIDATION_FAILED', '提交的数据不符合规则');
    case '22P02':
    case '22P05':
    case '22007':
    case '22008':
    case '22021':
    case '22003':
      return new DomainError('VALIDATION_FAILED', '提交的数据格式不正确');
    case '40P01': // deadlock_detected
    case '40001': // serialization_failure
    case '55P03': // lock_not_available (NOWAIT, or a lock_timeout set on the server)
      return systemBusy();
    default:
      return null;
  }
}
