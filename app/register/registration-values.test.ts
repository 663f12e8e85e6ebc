import { describe, expect, it } from 'vitest';
import type { ResolverOptions } from 'react-hook-form';
import type { RegistrationValues } from '@/lib/enterprises/registration/registration-schema';
import { EMPTY_REGISTRATION, registrationResolver } from './registration-values';

const FILLED: RegistrationValues = {
  enterpriseName: '新疆博格达建设集团有限公司',
  uscc: '91350100M000100Y43',
  legalRepresentative: '艾力',
  contactName: '古丽',
  contactPhone: '0991-4567890',
  email: 'bid@bogda.example.cn',
  basicAccountBank: '中国银行乌鲁木齐分行',
  basicAccountName: '新疆博格达建设集团有限公司',
  basicAccountNumber: '6216610000012345678',
  regionId: '650100',
  personName: '古丽',
  phone: '13800000001',
  password: 'Tianchi-2026',
  confirmPassword: 'Tianchi-2026',
  code: '123456',
};

const resolve = (values: RegistrationValues, joining: boolean) =>
  registrationResolver(() => joining)(values, undefined, { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<RegistrationValues>);

const messages = (errors: Record<string, { message?: string } | undefined>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v?.message]));

describe('the registration form\'s check (the server\'s parser as the resolver)', () => {
  it('passes a complete registration on', async () => {
    expect(await resolve(FILLED, false)).toEqual({ values: FILLED, errors: {} });
  });

  it('asks for every field of a new enterprise, in the server\'s words', async () => {
    const { errors } = await resolve(EMPTY_REGISTRATION, false);
    expect(Object.keys(errors).sort()).toEqual(Object.keys(FILLED).sort());
    expect(messages(errors)).toMatchObject({ uscc: '请填写统一社会信用代码', regionId: '请选择所属区域', code: '请填写短信验证码', confirmPassword: '请再次输入密码' });
  });

  it('asks only for the person when the USCC is an enterprise on the platform already', async () => {
    const joining = { ...EMPTY_REGISTRATION, uscc: FILLED.uscc, personName: '王芳', phone: '13800000002', password: 'Tianchi-2026', confirmPassword: 'Tianchi-2026', code: '654321' };
    expect((await resolve(joining, true)).errors).toEqual({});
    expect(Object.keys((await resolve(joining, false)).errors)).toContain('enterpriseName');
  });

  it('says beside the field what is wrong with it', async () => {
    const { errors } = await resolve({ ...FILLED, uscc: '91350100M000100Y44', password: 'short', confirmPassword: 'short', phone: '1380000000' }, false);
    expect(messages(errors)).toEqual({ uscc: '统一社会信用代码校验位不正确，请核对后重新输入', password: '密码至少 10 位', phone: '手机号应为 11 位中国大陆手机号' });
  });
});
