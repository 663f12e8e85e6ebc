import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '@/lib/errors/domain-error';
import { runAction } from './run-action';

const databaseError = (code: string) => Object.assign(new Error(`database error ${code}`), { code });

describe('server action results', () => {
  it('hands back the value', async () => {
    expect(await runAction(async () => 42)).toEqual({ ok: true, value: 42 });
  });

  it('hands back a refusal\'s code, Chinese message and field errors', async () => {
    const result = await runAction(() => Promise.reject(new DomainError('VALIDATION_FAILED', '投保信息有误', { name: '请填写名称' })));
    expect(result).toEqual({ ok: false, code: 'VALIDATION_FAILED', message: '投保信息有误', fieldErrors: { name: '请填写名称' } });
  });

  it('reads a database refusal as an API route does: a serialization failure is SYSTEM_BUSY', async () => {
    expect(await runAction(() => Promise.reject(databaseError('40001')))).toMatchObject({ ok: false, code: 'SYSTEM_BUSY', message: '系统繁忙，请稍后重试' });
    expect(await runAction(() => Promise.reject(databaseError('23505')))).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('hides anything unexpected', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runAction(() => Promise.reject(new Error('secret stack detail')))).toEqual({ ok: false, code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
    spy.mockRestore();
  });
});
