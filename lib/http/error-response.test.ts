import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '@/lib/errors/domain-error';
import { errorResponse } from './error-response';

describe('API error responses', () => {
  it('maps a domain error to its status with a stable code and Chinese message', async () => {
    const response = errorResponse(new DomainError('READ_ONLY_ROLE', '合规审计账号为只读，不能修改数据'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      code: 'READ_ONLY_ROLE',
      message: '合规审计账号为只读，不能修改数据',
      errors: { root: { serverError: '合规审计账号为只读，不能修改数据' } },
    });
  });

  it('puts field errors where react-admin shows them beside the fields', async () => {
    const response = errorResponse(new DomainError('VALIDATION_FAILED', '提交的信息有误', { name: '请填写名称' }));
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toMatchObject({ name: '请填写名称' });
  });

  it('answers a unique violation from the database with 409', async () => {
    const response = errorResponse(Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(response.status).toBe(409);
    expect((await response.json()).code).toBe('CONFLICT');
  });

  it('answers a change the database undid as a deadlock with 503 SYSTEM_BUSY', async () => {
    const response = errorResponse(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'SYSTEM_BUSY', message: '系统繁忙，请稍后重试' });
  });

  it('hides anything unexpected behind a generic 500', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = errorResponse(new Error('secret stack detail'));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('secret');
    spy.mockRestore();
  });
});
