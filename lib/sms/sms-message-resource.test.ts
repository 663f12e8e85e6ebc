import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoActors } from '@/testing/demo-fixture';
import { testDatabaseKinds } from '@/testing/test-database';
import { useDemoFixture } from '@/testing/use-database';
import { createRecord } from '@/lib/back-office/create-record';
import { deleteRecord } from '@/lib/back-office/delete-record';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import type { ListParams } from '@/lib/back-office/list-params';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { smsMessageResource } from './sms-message-resource';

const page = (filter: Record<string, unknown> = {}, order: 'asc' | 'desc' = 'desc'): ListParams => ({ sort: { field: 'id', order }, offset: 0, limit: 25, filter });

/** Every demo role but the platform administrator: each is refused the SMS log. */
const REFUSED: (keyof DemoActors)[] = ['bidder', 'otherBidder', 'operator', 'otherOperator', 'valuesOperator', 'compliance'];

describe.each(testDatabaseKinds)('the SMS log (短信记录) on %s', (kind) => {
  const f = useDemoFixture(kind);
  let ids: number[] = [];
  beforeAll(async () => {
    const rows = await f.db
      .insertInto('sms_messages')
      .values([
        { phone: '13811110001', purpose: 'register', body: '验证码 111111', provider: 'embedded', sent_at: '2026-11-24T01:00:00Z' },
        { phone: '13811110002', purpose: 'reset_password', body: '验证码 222222', provider: 'embedded', sent_at: '2026-11-24T01:01:00Z' },
        { phone: '13811110001', purpose: 'register', body: '验证码 333333', provider: 'embedded', sent_at: '2026-11-24T01:02:00Z' },
      ])
      .returning('id')
      .execute();
    ids = rows.map((r) => r.id);
  });

  it('is read by the platform administrator, newest first, and searched by number', async () => {
    const all = await listRecords(f.db, f.actors.platformAdmin, smsMessageResource, page());
    expect(all.rows.map((r) => (r as unknown as { body: string }).body)).toEqual(['验证码 333333', '验证码 222222', '验证码 111111']);
    const byPhone = await listRecords(f.db, f.actors.platformAdmin, smsMessageResource, page({ q: '0001' }));
    expect(byPhone.rows.map((r) => r.id)).toEqual([ids[2], ids[0]]);
    const exact = await listRecords(f.db, f.actors.platformAdmin, smsMessageResource, page({ phone: '13811110002', purpose: 'reset_password' }));
    expect(exact.total).toBe(1);
    const one = await getRecord(f.db, f.actors.platformAdmin, smsMessageResource, String(ids[1]));
    expect(one).toMatchObject({ phone: '13811110002', purpose: 'reset_password', provider: 'embedded', region_id: null });
  });

  it.each(REFUSED)('is refused to %s (FORBIDDEN), list and record alike', async (who) => {
    const list = await expectRefusal(listRecords(f.db, f.actors[who], smsMessageResource, page()));
    expect([list.code, list.status]).toEqual(['FORBIDDEN', 403]);
    const record = await expectRefusal(getRecord(f.db, f.actors[who], smsMessageResource, String(ids[0])));
    expect(record.code).toBe('FORBIDDEN');
    // Even a malformed id or filter tells them nothing but the refusal.
    expect((await expectRefusal(getRecord(f.db, f.actors[who], smsMessageResource, 'abc'))).code).toBe('FORBIDDEN');
  });

  it('says the refusal in Chinese', async () => {
    const refused = await expectRefusal(listRecords(f.db, f.actors.compliance, smsMessageResource, page()));
    expect(refused.message).toBe('短信记录仅平台管理员可查看');
  });

  it.each<keyof DemoActors>([...REFUSED, 'platformAdmin'])('cannot be written by %s: it is a log', async (who) => {
    const actor = f.actors[who];
    for (const write of [
      () => createRecord(f.db, actor, smsMessageResource, { phone: '13811110009', body: 'x' }),
      () => updateRecord(f.db, actor, smsMessageResource, String(ids[0]), { body: 'x' }),
      () => deleteRecord(f.db, actor, smsMessageResource, String(ids[0])),
    ]) {
      expect((await expectRefusal(write())).status).toBeOneOf([403, 405]);
    }
    expect(await f.db.selectFrom('sms_messages').select('body').where('id', '=', ids[0]!).executeTakeFirstOrThrow()).toEqual({ body: '验证码 111111' });
  });

  it('refuses a filter by an unknown purpose with 422', async () => {
    expect((await expectRefusal(listRecords(f.db, f.actors.platformAdmin, smsMessageResource, page({ purpose: 'spam' })))).status).toBe(422);
  });
});
