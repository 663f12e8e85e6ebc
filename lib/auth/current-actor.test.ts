import type { Kysely } from 'kysely';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import type { Database } from '@/db/database';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { createRecord } from '@/lib/back-office/create-record';
import { staffUserResource, type StaffUserWithPassword } from '@/lib/users/staff-user-resource';
import { authenticate } from './authenticate';

/*
 * The one place every request loads its actor (currentActor → actorForRequest) refuses an account that must
 * change the password someone else set: its pages, APIs and server actions alike, all but the change itself.
 * The session is what next-auth would read from the request's cookie; everything after it is the real code.
 */

const state = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= 'current-actor-test-secret';
  return { db: undefined as unknown as Kysely<Database>, session: null as null | { user: { id: string; sessionVersion: number } } };
});

vi.mock('@/lib/database', () => ({ getDb: async () => state.db }));
vi.mock('next-auth', () => ({ getServerSession: async () => state.session }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));

const { currentActor, requireActor } = await import('./current-actor');
const adminResources = await import('@/app/api/admin/[resource]/route');
const orderActions = await import('@/app/orders/[id]/actions');
const passwordActions = await import('@/app/account/password/actions');

describe.each(testDatabaseKinds)('an account that must change its password, on %s', (kind) => {
  const f = useDemoFixture(kind);
  beforeAll(() => {
    state.db = f.db;
  });

  let serial = 0;
  /** A new operator as a platform administrator makes it, signed in with its temporary password. */
  async function newOperatorSignedIn() {
    const created = (await createRecord(f.db, f.actors.platformAdmin, staffUserResource, {
      display_name: '新区域管理员',
      phone: `135${String(++serial).padStart(8, '0')}`,
      role: 'operator',
      region_id: '650200',
    })) as unknown as StaffUserWithPassword;
    const signedIn = (await authenticate(f.db, { phone: created.phone, password: created.temporary_password }, '198.51.100.40'))!;
    expect(signedIn.mustChangePassword).toBe(true);
    state.session = { user: { id: signedIn.userId, sessionVersion: signedIn.sessionVersion } };
    return created;
  }

  it('is refused by currentActor and requireActor with PASSWORD_CHANGE_REQUIRED, but may load itself for the change', async () => {
    const created = await newOperatorSignedIn();
    for (const loading of [currentActor(), requireActor()]) {
      expect(await expectRefusal(loading)).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', status: 403, message: '您的密码由管理员设置，请先修改密码后再继续使用' });
    }
    expect(await requireActor({ forPasswordChange: true })).toMatchObject({ userId: created.id, mustChangePassword: true });
  });

  it('gets 403 PASSWORD_CHANGE_REQUIRED from an API and from a server action, until it has changed its password', async () => {
    const created = await newOperatorSignedIn();
    const list = await adminResources.GET(new NextRequest('http://localhost/api/admin/projects'), { params: Promise.resolve({ resource: 'projects' }) });
    expect(list.status).toBe(403);
    expect(await list.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const action = await orderActions.requestSurrender('ffffffff-ffff-ffff-ffff-ffffffffffff', {});
    expect(action).toMatchObject({ ok: false, code: 'PASSWORD_CHANGE_REQUIRED' });

    const changed = await passwordActions.changePassword({
      currentPassword: created.temporary_password,
      newPassword: 'Chosen-password-1',
      confirmPassword: 'Chosen-password-1',
    });
    expect(changed).toEqual({ ok: true, value: undefined });
    // The change ended this session; signed in again, the account is an ordinary one.
    expect(await currentActor()).toBeNull();
    const again = (await authenticate(f.db, { phone: created.phone, password: 'Chosen-password-1' }, '198.51.100.40'))!;
    state.session = { user: { id: again.userId, sessionVersion: again.sessionVersion } };
    expect(await currentActor()).toMatchObject({ userId: created.id, mustChangePassword: false });
    const listed = await adminResources.GET(new NextRequest('http://localhost/api/admin/projects'), { params: Promise.resolve({ resource: 'projects' }) });
    expect(listed.status).toBe(200);
    const rows = (await listed.json()) as { region_id: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.region_id))).toEqual(new Set(['650200']));
  });

  it('leaves every other account alone', async () => {
    const signedIn = (await authenticate(f.db, { phone: f.actors.compliance.phone, password: 'demo1234' }, '198.51.100.41'))!;
    state.session = { user: { id: signedIn.userId, sessionVersion: signedIn.sessionVersion } };
    expect(await requireActor()).toMatchObject({ role: 'compliance', mustChangePassword: false });
  });
});
