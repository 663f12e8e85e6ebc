import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@/testing/test-database';
import { useTestDatabase } from '@/testing/use-database';
import { recordTransfer } from '@/lib/payments/record-transfer';
import { createRefund } from '@/lib/refunds/create-refund';
import { fixedClock, useClock } from '@/lib/time/clock';
import { isWorkingDay } from './add-working-days';
import { OFFICIAL_HOLIDAYS, officialCalendarDays } from './official-holidays';
import { refundDueDate } from './refund-due-date';

describe('the 2026 official schedule', () => {
  const days = officialCalendarDays(2026);

  it('has the notice\'s days off per holiday and its make-up working days, each on a weekend', () => {
    const off = (name: string) => days.filter((d) => d.note === `${name}放假`).length;
    expect(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'].map(off)).toEqual([3, 9, 3, 5, 3, 3, 7]);
    const workdays = days.filter((d) => d.isWorkingDay);
    expect(workdays.map((d) => d.day)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const { day } of workdays) expect(isWorkingDay(day, new Map())).toBe(false);
  });

  it('names the notice it comes from', () => {
    expect(OFFICIAL_HOLIDAYS[2026]!.notice).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });
});

describe.each(testDatabaseKinds)('refund due dates around the 2026 holidays on %s', (kind) => {
  // Every database gets the official holidays on its first start (installPlatformDefaults).
  const database = useTestDatabase(kind);

  it.each([
    // Thu before the Spring Festival: Fri 13 (1), Sat 14 worked (2), 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5).
    ['2026-02-12T02:00:00Z', '2026-02-26'],
    // Fri 13 at 23:30 Beijing is still Friday there: the same five days from Sat 14.
    ['2026-02-13T15:30:00Z', '2026-02-27'],
    // Fri 18 September: Sun 20 is worked (1), then Mon 21 to Thu 24.
    ['2026-09-18T02:00:00Z', '2026-09-24'],
    // Wed 23 September: Thu 24 (1), 中秋 25–27 off, Mon 28 (2), Tue 29 (3), Wed 30 (4), 国庆 1–7 off, Thu 8 October (5).
    ['2026-09-23T02:00:00Z', '2026-10-08'],
    // Wed 30 September: 1–7 off, Thu 8 (1), Fri 9 (2), Sat 10 worked (3), Mon 12 (4), Tue 13 (5).
    ['2026-09-30T02:00:00Z', '2026-10-13'],
  ])('a refund created at %s is due by %s', async (at, due) => {
    expect(await refundDueDate(database.db, new Date(at))).toBe(due);
  });

  it('is what a refund created on the eve of the Spring Festival gets', async () => {
    const restore = useClock(fixedClock('2026-02-13T02:00:00Z'));
    try {
      const transfer = await recordTransfer(database.db, 'demo', 'webhook', {
        transactionId: 'CNY-1', amountFen: 100, payerName: '张三', payerAccount: '6222020200112233445', payerKind: 'personal', remark: '', bankTime: new Date(),
      });
      const refundId = await database.db.transaction().execute((trx) =>
        createRefund(trx, { orderId: null, transferId: transfer.transferId, amountFen: 100, reason: '无法匹配订单，退回付款人' }),
      );
      const refund = await database.db.selectFrom('refunds').select('due_date').where('id', '=', refundId).executeTakeFirstOrThrow();
      expect(refund.due_date).toBe('2026-02-27');
    } finally {
      restore();
    }
  });
});
