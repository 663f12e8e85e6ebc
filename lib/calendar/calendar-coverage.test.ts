import { describe, expect, it } from 'vitest';
import { getRecord } from '@/lib/back-office/get-record';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { createRefund } from '@/lib/refunds/create-refund';
import { refundResource, type RefundRecord } from '@/lib/refunds/refund-resource';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { useFixedClock } from '@/testing/use-fixed-clock';
import { calendarCoverage } from './calendar-coverage';

describe.each(testDatabaseKinds)('the working-day calendar\'s coverage on %s', (kind) => {
  const f = useDemoFixture(kind);
  const clock = useFixedClock('2026-06-01T02:00:00Z');
  let transferNumber = 0;

  async function refundCreatedAt(at: string): Promise<RefundRecord> {
    clock.set(at);
    const transfer = await recordTransfer(f.db, 'demo', 'webhook', {
      transactionId: `COVERAGE-${kind}-${++transferNumber}`, amountFen: 100, payerName: '张三', payerAccount: '6222020200112233445',
      payerKind: 'personal', remark: '', bankTime: new Date(at),
    });
    const id = await f.db.transaction().execute((trx) =>
      createRefund(trx, { orderId: null, transferId: transfer.transferId, amountFen: 100, reason: '无法匹配订单，退回付款人' }),
    );
    return (await getRecord(f.db, f.actors.platformAdmin, refundResource, id)) as RefundRecord;
  }

  async function withA2027Day<T>(run: () => Promise<T>): Promise<T> {
    await f.db.insertInto('calendar_days').values({ day: '2027-01-01', is_working_day: false, note: '元旦放假' }).execute();
    try {
      return await run();
    } finally {
      await f.db.deleteFrom('calendar_days').where('day', '=', '2027-01-01').execute();
    }
  }

  it('asks for nothing before November: this year\'s holidays were installed', async () => {
    expect(await calendarCoverage(f.db, f.actors.operator, new Date('2026-10-31T15:59:59Z'))).toEqual({ missingYears: [] });
  });

  it('asks for the coming year from 1 November (Beijing), until a day of it is in the calendar', async () => {
    expect(await calendarCoverage(f.db, f.actors.operator, new Date('2026-10-31T16:00:00Z'))).toEqual({ missingYears: [2027] });
    expect(await calendarCoverage(f.db, f.actors.compliance, new Date('2026-12-01T02:00:00Z'))).toEqual({ missingYears: [2027] });
    expect(await withA2027Day(() => calendarCoverage(f.db, f.actors.operator, new Date('2026-12-01T02:00:00Z')))).toEqual({ missingYears: [] });
  });

  it('asks for the year it is when that year never got its holidays', async () => {
    expect(await calendarCoverage(f.db, f.actors.platformAdmin, new Date('2027-03-01T02:00:00Z'))).toEqual({ missingYears: [2027] });
  });

  it('is the back office\'s to read', async () => {
    expect((await expectRefusal(calendarCoverage(f.db, f.actors.bidder))).code).toBe('FORBIDDEN');
  });

  it('marks a refund due in a year without holidays as provisional, and not one due in 2026', async () => {
    expect(await refundCreatedAt('2026-06-01T02:00:00Z')).toMatchObject({ due_date: '2026-06-08', due_date_provisional: false });
    // Mon 28 December: Tue 29, Wed 30, Thu 31, then 2027 — every weekday assumed working: Fri 1, Mon 4 January.
    const lateDecember = await refundCreatedAt('2026-12-28T02:00:00Z');
    expect(lateDecember).toMatchObject({ due_date: '2027-01-04', due_date_provisional: true });
    const once2027IsIn = await withA2027Day(() => getRecord(f.db, f.actors.platformAdmin, refundResource, lateDecember.id));
    expect(once2027IsIn).toMatchObject({ due_date_provisional: false });
  });
});
