import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Project } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { DomainError } from '@/lib/errors/domain-error';
import { LIVE_ORDER_EXCLUDES } from '@/lib/orders/find-live-order';
import { recordProjectEvents } from '@/lib/projects/record-project-events';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { fen, instant, requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { platformAuditActor } from './platform-audit-actor';
import { interfaceObject } from './interface-object';
import { claimNonce, type SignedPlatform } from './platform-request';

const sectionSchema = interfaceObject({
  code: requiredText('标段编号', 50),
  name: requiredText('标段名称', 200),
  depositFen: fen('保证金金额', { min: 1 }),
  depositDeadline: instant('保证金截止时间'),
  bidOpeningAt: instant('开标时间'),
})
  .refine((s) => s.depositDeadline <= s.bidOpeningAt, { error: '保证金截止时间不能晚于开标时间', path: ['depositDeadline'] });

export const projectPushSchema = interfaceObject({
  name: requiredText('项目名称', 200),
  type: z.enum(['construction', 'procurement'], { error: '项目类型只能是 construction 或 procurement' }),
  regionCode: z.string({ error: '请填写 regionCode' }).regex(/^\d{6}$/, { error: 'regionCode 应为 6 位行政区划代码' }),
  tenderer: requiredText('招标人', 200),
  agency: z.string().max(200).nullish(),
  revision: z.number({ error: 'revision 应为整数' }).int({ error: 'revision 应为整数' }).min(1, { error: 'revision 应为正整数' }).max(2_147_483_647),
  sections: z
    .array(sectionSchema)
    .min(1, { error: '至少应有一个标段' })
    .max(200)
    .refine((list) => new Set(list.map((s) => s.code)).size === list.length, { error: '标段编号不能重复' }),
});
export type ProjectPush = z.output<typeof projectPushSchema>;

export interface ProjectPushResult {
  projectId: string;
  revision: number;
  /** The same revision again: nothing changed. */
  unchanged: boolean;
}

const projectCodeSchema = z.string().regex(/^[\x21-\x7e]{1,50}$/, { error: '项目编号应为 1–50 个可见字符' });

/**
 * PUT /api/platform/v1/projects/{projectCode}: creates or replaces the platform's project and its sections,
 * as the bidders will see them. Idempotent per (platform, projectCode, revision); an older revision is
 * STALE_REVISION; a section that has orders is not removed, nor the deposit of one with live orders changed
 * (SECTION_IN_USE). The project's deposit deadline and bid opening are its sections' earliest (the product
 * keeps them per project). A changed bid opening is a project event with the revision as its reason.
 * Everything, the nonce included, is one transaction: a refusal writes nothing.
 */
export async function pushProject(db: Kysely<Database>, platform: SignedPlatform, rawCode: string, body: unknown): Promise<ProjectPushResult> {
  const code = parseInput(projectCodeSchema, rawCode);
  const input = parseInput(projectPushSchema, body);
  if (!platform.regionIds.includes(input.regionCode)) {
    throw new DomainError('FORBIDDEN', `区域 ${input.regionCode} 不在本交易平台登记的区域内`, { regionCode: '区域不在本交易平台登记的区域内' });
  }
  const depositDeadline = new Date(Math.min(...input.sections.map((s) => s.depositDeadline.getTime())));
  const bidOpeningAt = new Date(Math.min(...input.sections.map((s) => s.bidOpeningAt.getTime())));
  return writeTransaction(db, async (trx) => {
    await claimNonce(trx, platform);
    const region = await trx.selectFrom('regions').select('id').where('id', '=', input.regionCode).executeTakeFirst();
    if (!region) throw new DomainError('VALIDATION_FAILED', `区域 ${input.regionCode} 不存在`, { regionCode: '区域不存在' });
    const existing = await trx
      .selectFrom('projects')
      .selectAll()
      .where('platform_id', '=', platform.id)
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    const fields = { name: input.name, type: input.type, tenderer: input.tenderer, region_id: input.regionCode, deposit_deadline: depositDeadline, bid_opening_at: bidOpeningAt };
    if (!existing) {
      const created = await trx
        .insertInto('projects')
        .values({ ...fields, code, status: 'normal', platform_id: platform.id, platform_revision: input.revision, updated_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('sections')
        .values(input.sections.map((s) => ({ project_id: created.id, code: s.code, name: s.name, deposit_fen: s.depositFen })))
        .execute();
      await appendAuditEvent(trx, platformAuditActor(platform), {
        action: 'project.platform_create',
        entityType: 'project',
        entityId: created.id,
        regionId: input.regionCode,
        after: auditedPush(code, input, fields),
        reason: `交易平台「${platform.name}」推送新项目（修订号 ${input.revision}）`,
      });
      return { projectId: created.id, revision: input.revision, unchanged: false };
    }
    const applied = existing.platform_revision ?? 0;
    if (input.revision < applied) {
      throw new DomainError('STALE_REVISION', `修订号 ${input.revision} 早于已接收的修订号 ${applied}，未作任何修改`);
    }
    if (input.revision === applied) return { projectId: existing.id, revision: applied, unchanged: true };
    const sectionsBefore = await trx.selectFrom('sections').select(['code', 'name', 'deposit_fen']).where('project_id', '=', existing.id).orderBy('code').execute();
    await replaceSections(trx, existing, input);
    const updated = await trx
      .updateTable('projects')
      .set({ ...fields, platform_revision: input.revision, updated_at: now() })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const reason = `交易平台推送项目修订（修订号 ${input.revision}）`;
    await recordProjectEvents(trx, null, existing as Project, updated as Project, reason);
    await appendAuditEvent(trx, platformAuditActor(platform), {
      action: 'project.platform_update',
      entityType: 'project',
      entityId: existing.id,
      regionId: input.regionCode,
      before: {
        code, revision: applied, name: existing.name, type: existing.type, tenderer: existing.tenderer, region_id: existing.region_id,
        deposit_deadline: existing.deposit_deadline, bid_opening_at: existing.bid_opening_at,
        sections: sectionsBefore.map((s) => ({ code: s.code, name: s.name, deposit_fen: Number(s.deposit_fen) })),
      },
      after: auditedPush(code, input, fields),
      reason: `交易平台「${platform.name}」${reason}`,
    });
    return { projectId: existing.id, revision: input.revision, unchanged: false };
  });
}

/** The project as a push leaves it, for the audit chain (the sections' own deadlines are the platform's). */
function auditedPush(code: string, input: ProjectPush, fields: { deposit_deadline: Date; bid_opening_at: Date }) {
  return {
    code, revision: input.revision, name: input.name, type: input.type, tenderer: input.tenderer, region_id: input.regionCode,
    deposit_deadline: fields.deposit_deadline, bid_opening_at: fields.bid_opening_at,
    sections: input.sections.map((s) => ({ code: s.code, name: s.name, deposit_fen: s.depositFen })),
  };
}

async function replaceSections(trx: Parameters<Parameters<typeof writeTransaction>[1]>[0], project: { id: string }, input: ProjectPush) {
  const current = await trx
    .selectFrom('sections')
    .select(['sections.id', 'sections.code', 'sections.deposit_fen'])
    .select((eb) => [
      eb.selectFrom('orders').whereRef('orders.section_id', '=', 'sections.id').select((o) => o.fn.countAll<string>().as('n')).as('orders'),
      eb
        .selectFrom('orders')
        .whereRef('orders.section_id', '=', 'sections.id')
        .where('orders.status', 'not in', [...LIVE_ORDER_EXCLUDES])
        .select((o) => o.fn.countAll<string>().as('n'))
        .as('live_orders'),
    ])
    .where('project_id', '=', project.id)
    .execute();
  const pushed = new Map(input.sections.map((s) => [s.code, s]));
  for (const section of current) {
    const next = pushed.get(section.code);
    // Any order keeps its section (its policy, refunds and history name it), live or not.
    if (!next && Number(section.orders) > 0) {
      throw new DomainError('SECTION_IN_USE', `标段 ${section.code} 已有投保订单，不能删除`, { sections: `标段 ${section.code} 已有投保订单，不能删除` });
    }
    if (next && Number(next.depositFen) !== Number(section.deposit_fen) && Number(section.live_orders) > 0) {
      throw new DomainError('SECTION_IN_USE', `标段 ${section.code} 有未结束的投保订单，不能修改保证金金额`, { sections: `标段 ${section.code} 有未结束的投保订单，不能修改保证金金额` });
    }
  }
  for (const section of current) {
    const next = pushed.get(section.code);
    if (!next) await trx.deleteFrom('sections').where('id', '=', section.id).execute();
    else await trx.updateTable('sections').set({ name: next.name, deposit_fen: next.depositFen }).where('id', '=', section.id).execute();
  }
  const added = input.sections.filter((s) => !current.some((c) => c.code === s.code));
  if (added.length > 0) {
    await trx.insertInto('sections').values(added.map((s) => ({ project_id: project.id, code: s.code, name: s.name, deposit_fen: s.depositFen }))).execute();
  }
}
