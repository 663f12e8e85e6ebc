import { z } from 'zod';
import { requiredText } from '@/lib/validation/fields';

const httpUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(500, { error: `${label}不能超过 500 个字符` })
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), { error: `${label}应为 http:// 或 https:// 开头的地址` })
    .transform((v) => v.replace(/\/+$/, ''));

const optionalUrl = (label: string) =>
  z.union([z.literal('').transform(() => null), z.null(), httpUrl(label)]).optional();

const fields = {
  name: requiredText('平台名称', 100),
  region_ids: z.array(z.string().regex(/^\d{6}$/, { error: '区域代码应为 6 位数字' })).min(1, { error: '请至少选择一个区域' }).max(50),
  // At least 32 characters: the secret is the platform's only proof of who it is.
  secret: z.string({ error: '请填写共享密钥' }).min(32, { error: '共享密钥至少 32 个字符' }).max(200, { error: '共享密钥不能超过 200 个字符' }),
  algorithm: z.enum(['sha256', 'sm3'], { error: '签名算法只能是 HMAC-SHA256 或 HMAC-SM3' }),
  callback_base_url: optionalUrl('回调地址'),
  return_url: optionalUrl('返回交易平台地址'),
  enabled: z.boolean({ error: '启用状态无效' }),
};

export const tradingPlatformCreateSchema = z.object({
  code: z.string({ error: '请填写平台编码' }).trim().regex(/^[A-Za-z0-9_-]{2,40}$/, { error: '平台编码为 2–40 位字母、数字、下划线或连字符' }),
  ...fields,
  algorithm: fields.algorithm.default('sha256'),
  enabled: fields.enabled.default(true),
});
export type TradingPlatformCreate = z.output<typeof tradingPlatformCreateSchema>;

/** The secret is replaced only when a new one is given; left empty it stays as it is. */
export const tradingPlatformUpdateSchema = z
  .object({ ...fields, secret: z.union([z.literal('').transform(() => undefined), fields.secret]).optional(), reason: z.string().max(500).optional() })
  .partial();
export type TradingPlatformUpdate = z.output<typeof tradingPlatformUpdateSchema>;
