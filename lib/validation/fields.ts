import { z } from 'zod';
import { zhCN } from 'zod/v4/locales';

// Fallback Chinese wording for any check that has no message of its own.
z.config(zhCN());

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` });

export const uuid = (label: string) => z.uuid({ error: `${label}无效` });

export const contactPhone = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{5,8}(-\d{1,6})?)$/, { error: `${label}格式不正确（手机号或带区号的座机号）` });

export const bankAccountNumber = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{8,32}$/, { error: `${label}应为 8 至 32 位数字` }));

/** An amount in fen: a whole, positive (or zero) number, never a float of yuan. */
export const fen = (label: string, { min = 0 } = {}) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}必须精确到分` })
    .min(min, { error: min > 0 ? `${label}必须大于 0` : `${label}不能为负数` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label}过大` });

/** An instant with its offset (2026-11-24T09:30:00+08:00 or …Z): never a wall-clock time without a zone. */
export const instant = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, {
      error: `${label}格式不正确`,
    })
    .transform((v) => new Date(v))
    .refine((d) => !Number.isNaN(d.getTime()), { error: `${label}不是有效时间` });

/** Optional reason attached to a change, kept in the audit chain. */
export const changeReason = z
  .string()
  .trim()
  .max(500, { error: '原因不能超过 500 个字符' })
  .optional()
  .transform((v) => (v ? v : undefined));
