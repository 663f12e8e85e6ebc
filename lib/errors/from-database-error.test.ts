import { describe, expect, it } from 'vitest';
import { fromDatabaseError } from './from-database-error';

describe('database errors as Chinese answers', () => {
  it.each([
    ['23505', 'CONFLICT'],
    ['23503', 'STILL_REFERENCED'],
    ['23514', 'VALIDATION_FAILED'],
    ['40P01', 'SYSTEM_BUSY'],
    ['40001', 'SYSTEM_BUSY'],
    ['55P03', 'SYSTEM_BUSY'],
  ])('maps %s to %s', (code, expected) => {
    expect(fromDatabaseError({ code })?.code).toBe(expected);
  });

  it.each(['40P01', '40001', '55P03'])('asks for a retry after %s, since nothing of the change was kept', (code) => {
    const error = fromDatabaseError(Object.assign(new Error('could not serialize access'), { code }));
    expect(error).toMatchObject({ code: 'SYSTEM_BUSY', message: '系统繁忙，请稍后重试', status: 503 });
  });

  it('leaves other errors alone', () => {
    expect(fromDatabaseError(new Error('boom'))).toBeNull();
    expect(fromDatabaseError({ code: 'XX000' })).toBeNull();
  });
});
