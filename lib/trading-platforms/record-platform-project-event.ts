import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Project } from '@/db/database';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { DomainError } from '@/lib/errors/domain-error';
import { recordProjectEvents } from '@/lib/projects/record-project-events';
import { now } from '@/lib/time/clock';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { instant, requiredText } from '@/lib/validation/fields';
import { parseInput } from '@/lib/validation/parse-input';
import { platformAuditActor } from './platform-audit-actor';
import { interfaceObject } from './interface-object';
import { claimNonce, type SignedPlatform } from './platform-request';

export const projectEventSchema = interfaceObject({
  eventId: z.string({ error: '请填写 eventId' }).regex(/^[\x21-\x7e]{1,100}$/, { error: 'eventId 应为 1–100 个可见字符' }),
  kind: z.enum(['status', 'bid_opening'], { error: 'kind 只能是 status 或 bid_opening' }),
  status: z.enum(['normal', 'suspended', 'paused', 'failed', 'terminated'], { error: '项目状态无效' }).optional(),
  bidOpeningAt: instant('开标时间').optional(),
  reason: requiredText('原因', 500),
  occurredAt: instant('发生时间'),
})
  .refine((e) => e.kind !== 'status' || e.status, { error: 'kind 为 status 时须填写 status', path: ['status'] })
  .refine((e) => e.kind !== 'bid_opening' || e.bidOpeningAt, { error: 'kind 为 bid_opening 时须填写 bidOpeningAt', path: ['bidOpeningAt'] });

export interface ProjectEventResult {
  projectId: string;
  /** The eventId was applied before: nothing changed now. */
  duplicate: boolean;
}

/**
 * POST /api/platform/v1/projects/{projectCode}/events: a status or bid-opening change of the platform's
 * project, recorded as a project event with its reason (bidders see it on their orders; the surrender rules
 * read the status and the opening). Idempotent per eventId. A bid opening moved before the deposit deadline
 * pulls the deadline with it.
 */
export async function recordPlatformProjectEvent(db: Kysely<Database>, platform: SignedPlatform, code: string, body: unknown): Promise<ProjectEventResult> {
  const event = parseInput(projectEventSchema, body);
  return writeTransaction(db, async (trx) => {
    await claimNonce(trx, platform);
    const project = await trx.selectFrom('projects').selectAll().where('platform_id', '=', platform.id).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!project) throw new DomainError('NOT_FOUND', `项目 ${code} 不存在（请先推送项目）`);
    const receipt = await trx
      .insertInto('platform_event_receipts')
      .values({ platform_id: platform.id, event_id: event.eventId, project_id: project.id, received_at: now() })
      .onConflict((oc) => oc.columns(['platform_id', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    if (!receipt) return { projectId: project.id, duplicate: true };
    const changes =
      event.kind === 'status'
        ? { status: event.status! }
        : { bid_opening_at: event.bidOpeningAt!, ...(project.deposit_deadline > event.bidOpeningAt! ? { deposit_deadline: event.bidOpeningAt! } : {}) };
    const updated = await trx.updateTable('projects').set({ ...changes, updated_at: now() }).where('id', '=', project.id).returningAll().executeTakeFirstOrThrow();
    await recordProjectEvents(trx, null, project as Project, updated as Project, event.reason);
    const changed = Object.keys(changes) as ('status' | 'bid_opening_at' | 'deposit_deadline')[];
    await appendAuditEvent(trx, platformAuditActor(platform), {
      action: event.kind === 'status' ? 'project.platform_status' : 'project.platform_bid_opening',
      entityType: 'project',
      entityId: project.id,
      regionId: project.region_id,
      before: { code, ...Object.fromEntries(changed.map((k) => [k, project[k]])) },
      after: { code, eventId: event.eventId, occurredAt: event.occurredAt, ...changes },
      reason: event.reason,
    });
    return { projectId: project.id, duplicate: false };
  });
}
