import { DomainError } from './domain-error';

/**
 * Constraints in the database are the last line of defence (uniqueness, references, checks). When one
 * fires, the person still gets a Chinese answer with a stable code instead of a bare 500.
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
    case '40P01':
    case '40001':
      // Two changes met on the same rows (a deadlock or a serialization failure); the database undid this
      // one entirely, so trying again is safe.
      return new DomainError('CONFLICT', '系统繁忙，该操作与其他操作同时进行，未生效，请稍后重试');
    default:
      return null;
  }
}
