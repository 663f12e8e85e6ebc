import { describe, expect, it } from 'vitest';
import { fromDatabaseError } from './from-database-error';

describe('database errors as Chinese answers', () => {
  it.each([
    ['23505', 'CONFLICT'],
    ['23503', 'STILL_REFERENCED'],
    ['23514', 'VALIDATION_FAILED'],
    ['40P01', 'CONFLICT'],
    ['40001', 'CONFLICT'],
  ])('maps %s to %s', (code, expected) => {
    expect(fromDatabaseError({ code })?.code).toBe(expected);
  });

  it('asks for a retry after a deadlock, since nothing of it was kept', () => {
    expect(fromDatabaseError({ code: '40P01' })?.message).toContain('请稍后重试');
  });

  it('leaves other errors alone', () => {
    expect(fromDatabaseError(new Error('boom'))).toBeNull();
    expect(fromDatabaseError({ code: 'XX000' })).toBeNull();
  });
});
