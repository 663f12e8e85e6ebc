import { z } from 'zod';
import { changeReason, requiredText } from '@/lib/validation/fields';

/** 行政区划代码: six digits, the first never 0 (650100 乌鲁木齐市, 650102 天山区). */
export const regionCode = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^[1-9]\d{5}$/, { error: `${label}应为 6 位行政区划代码（如 650100）` });

/** No parent (a top-level region): absent, null, or the empty choice a cleared picker sends. */
const parentId = z.preprocess((v) => (v === '' ? null : v), regionCode('上级区域').nullable());

const name = requiredText('区域名称', 50);

export const regionCreateSchema = z.object({
  id: regionCode('区划代码'),
  name,
  parent_id: parentId.optional().transform((v) => v ?? null),
});

/** The code is the region's identity (users, projects and the audit chain refer to it): it never changes. */
export const regionUpdateSchema = z.object({ name, parent_id: parentId, reason: changeReason }).partial();

export const regionCommandSchema = z.object({ reason: changeReason });

export type RegionCreate = z.output<typeof regionCreateSchema>;
export type RegionUpdate = z.output<typeof regionUpdateSchema>;
