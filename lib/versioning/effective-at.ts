import { z } from 'zod';

/**
 * 生效时间 of a publish or an approval: absent (or a moment already past) means at once; a future moment
 * schedules the version (待生效) to decide from then on.
 */
export const effectiveAtSchema = z
  .string({ error: '生效时间无效' })
  .refine((v) => !Number.isNaN(Date.parse(v)), { error: '生效时间无效，请选择日期和时间' })
  .transform((v) => new Date(v))
  .nullish()
  .transform((v) => v ?? null);
