import { describe, expect, it } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { testDatabaseKinds } from '@/testing/test-database';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { orderOnNewProject } from '@/lib/orders/testing/order-on-new-project';
import { listProjectEventsForMyOrder } from './list-project-events-for-my-order';
import { projectResource } from './project-resource';

describe.each(testDatabaseKinds)('project changes bidders see on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock();

  const eventsOf = (projectId: string) =>
    f.db.selectFrom('project_events').selectAll().where('project_id', '=', projectId).orderBy('occurred_at').orderBy('kind').execute();

  it('records a status change and a new bid opening with the operator\'s reason, in the same change', async () => {
    const { projectId, opening } = await orderOnNewProject(f);
    const later = new Date(opening.getTime() + 2 * 24 * 60 * 60 * 1000);
    clock.advance(60_000);
    await updateRecord(f.db, f.actors.operator, projectResource, projectId, {
      status: 'suspended',
      bid_opening_at: later.toISOString(),
      reason: '招标文件澄清，暂停开标',
    });
    const events = await eventsOf(projectId);
    expect(events).toMatchObject([
      { kind: 'bid_opening', from_value: opening.toISOString(), to_value: later.toISOString(), reason: '招标文件澄清，暂停开标', actor_id: f.actors.operator.userId },
      { kind: 'status', from_value: 'normal', to_value: 'suspended', reason: '招标文件澄清，暂停开标', actor_id: f.actors.operator.userId },
    ]);
    expect(events[0]!.occurred_at).toEqual(clock.now());
  });

  it('records nothing when neither the status nor the opening changed, or when the change is refused', async () => {
    const { projectId, opening } = await orderOnNewProject(f);
    await updateRecord(f.db, f.actors.operator, projectResource, projectId, { name: '改名后的测试项目' });
    await updateRecord(f.db, f.actors.operator, projectResource, projectId, { status: 'normal', bid_opening_at: opening.toISOString() });
    const refused = await expectRefusal(updateRecord(f.db, f.actors.operator, projectResource, projectId, { status: 'failed' }));
    expect(refused.fieldErrors?.reason).toBe('变更项目状态必须填写原因');
    expect(await eventsOf(projectId)).toEqual([]);
  });

  it('shows the changes to bidders with an order on the project, newest first, and to nobody else', async () => {
    const mine = await orderOnNewProject(f);
    const theirs = await orderOnNewProject(f, { bidder: 'otherBidder' });
    clock.advance(60_000);
    await updateRecord(f.db, f.actors.operator, projectResource, mine.projectId, { status: 'paused', reason: '投诉处理中' });
    clock.advance(60_000);
    await updateRecord(f.db, f.actors.operator, projectResource, mine.projectId, { status: 'failed', reason: '有效投标人不足三家' });

    const seen = await listProjectEventsForMyOrder(f.db, f.actors.bidder, mine.orderId);
    expect(seen.projectStatus).toBe('failed');
    expect(seen.changes).toMatchObject([
      { kind: 'status', fromValue: 'paused', toValue: 'failed', reason: '有效投标人不足三家' },
      { kind: 'status', fromValue: 'normal', toValue: 'paused', reason: '投诉处理中' },
    ]);
    // Another enterprise cannot reach this order, and its own order on another project shows nothing of it.
    expect((await expectRefusal(listProjectEventsForMyOrder(f.db, f.actors.otherBidder, mine.orderId))).code).toBe('NOT_FOUND');
    expect(await listProjectEventsForMyOrder(f.db, f.actors.otherBidder, theirs.orderId)).toEqual({ projectStatus: 'normal', changes: [] });
    expect((await expectRefusal(listProjectEventsForMyOrder(f.db, f.actors.operator, mine.orderId))).code).toBe('NOT_FOUND');
  });
});
