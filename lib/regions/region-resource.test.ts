import { describe, expect, it } from 'vitest';
import type { DemoActors } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { createRecord } from '@/lib/back-office/create-record';
import { deleteRecord } from '@/lib/back-office/delete-record';
import { getRecord } from '@/lib/back-office/get-record';
import { listRecords } from '@/lib/back-office/list-records';
import type { ListParams } from '@/lib/back-office/list-params';
import { runCommand } from '@/lib/back-office/run-command';
import { updateRecord } from '@/lib/back-office/update-record';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { staffUserResource } from '@/lib/users/staff-user-resource';
import { regionResource, type RegionRecord } from './region-resource';

const page = (filter: Record<string, unknown> = {}): ListParams => ({ sort: { field: 'id', order: 'asc' }, offset: 0, limit: 100, filter });

let serial = 0;
/** A region code and name no other test of this file uses (codes 910000–989999, never a demo region's). */
function freshRegion(parent_id: string | null = null) {
  serial += 1;
  const code = String(910_000 + serial);
  return { id: code, name: `测试区域${code}`, parent_id };
}

type Who = keyof Pick<DemoActors, 'operator' | 'otherOperator' | 'compliance' | 'platformAdmin' | 'bidder'>;
const EVERYONE: Who[] = ['operator', 'otherOperator', 'compliance', 'platformAdmin', 'bidder'];

describe.each(testDatabaseKinds)('regions (区域) on %s', (kind) => {
  const f = useDemoFixture(kind);

  const auditCount = async () => Number((await f.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const makeRegion = async (parent: string | null = null) =>
    (await createRecord(f.db, f.actors.platformAdmin, regionResource, freshRegion(parent))) as unknown as RegionRecord;

  describe('who may do what: every role, every operation', () => {
    it.each<[Who, string[] | string]>([
      ['operator', ['650100']],
      ['otherOperator', ['650200']],
      ['compliance', ['650100', '650200']],
      ['platformAdmin', ['650100', '650200']],
      ['bidder', 'FORBIDDEN'],
    ])('list as %s → %j', async (who, expected) => {
      const listing = listRecords(f.db, f.actors[who], regionResource, page({ id: ['650100', '650200'] }));
      if (typeof expected === 'string') return expect((await expectRefusal(listing)).code).toBe(expected);
      expect((await listing).rows.map((r) => r.id)).toEqual(expected);
    });

    it.each<[Who, string | null]>([
      ['operator', 'OTHER_REGION'],
      ['otherOperator', null],
      ['compliance', null],
      ['platformAdmin', null],
      ['bidder', 'FORBIDDEN'],
    ])('read 克拉玛依市 as %s → %s', async (who, refusal) => {
      const reading = getRecord(f.db, f.actors[who], regionResource, '650200');
      if (refusal) return expect((await expectRefusal(reading)).code).toBe(refusal);
      expect(await reading).toMatchObject({ id: '650200', name: '克拉玛依市', active: true, parent_id: null });
    });

    it.each<[Who, string | null]>([
      ['operator', 'FORBIDDEN'],
      ['otherOperator', 'FORBIDDEN'],
      ['compliance', 'READ_ONLY_ROLE'],
      ['platformAdmin', null],
      ['bidder', 'FORBIDDEN'],
    ])('create as %s → %s', async (who, refusal) => {
      const input = freshRegion();
      const audits = await auditCount();
      const creating = createRecord(f.db, f.actors[who], regionResource, input);
      if (refusal) {
        expect((await expectRefusal(creating)).code).toBe(refusal);
        expect(await f.db.selectFrom('regions').select('id').where('id', '=', input.id).executeTakeFirst()).toBeUndefined();
        return expect(await auditCount()).toBe(audits);
      }
      expect(await creating).toMatchObject({ ...input, active: true, allowed_actions: ['deactivate'] });
      expect(await auditCount()).toBe(audits + 1);
    });

    it.each<[Who, string | null]>([
      // An operator's own region is still not its to rename.
      ['operator', 'FORBIDDEN'],
      ['otherOperator', 'OTHER_REGION'],
      ['compliance', 'READ_ONLY_ROLE'],
      ['platformAdmin', null],
      ['bidder', 'FORBIDDEN'],
    ])('rename 乌鲁木齐市 as %s → %s', async (who, refusal) => {
      const renaming = updateRecord(f.db, f.actors[who], regionResource, '650100', { name: '乌鲁木齐市' });
      if (refusal) return expect((await expectRefusal(renaming)).code).toBe(refusal);
      expect(await renaming).toMatchObject({ id: '650100', name: '乌鲁木齐市' });
    });

    it.each(EVERYONE)('delete as %s is refused: regions are deactivated, never deleted', async (who) => {
      const region = await makeRegion();
      const error = await expectRefusal(deleteRecord(f.db, f.actors[who], regionResource, region.id));
      expect(error.code).toBe(who === 'bidder' ? 'FORBIDDEN' : who === 'compliance' ? 'READ_ONLY_ROLE' : 'METHOD_NOT_ALLOWED');
      expect(await f.db.selectFrom('regions').select('id').where('id', '=', region.id).executeTakeFirst()).toBeDefined();
    });

    it.each<[Who, string | null]>([
      ['operator', 'FORBIDDEN'],
      ['otherOperator', 'FORBIDDEN'],
      ['compliance', 'READ_ONLY_ROLE'],
      ['platformAdmin', null],
      ['bidder', 'FORBIDDEN'],
    ])('deactivate, then reactivate, as %s → %s', async (who, refusal) => {
      const region = await makeRegion();
      const id = region.id;
      const deactivating = runCommand(f.db, f.actors[who], regionResource, id, 'deactivate', { body: {} });
      if (refusal) {
        expect((await expectRefusal(deactivating)).code).toBe(refusal);
        await runCommand(f.db, f.actors.platformAdmin, regionResource, id, 'deactivate', { body: {} });
        expect((await expectRefusal(runCommand(f.db, f.actors[who], regionResource, id, 'reactivate', { body: {} }))).code).toBe(refusal);
        return expect((await regionResource.findById(f.db, id, null))?.active).toBe(false);
      }
      expect(await deactivating).toMatchObject({ id, active: false, allowed_actions: ['reactivate'] });
      expect(await runCommand(f.db, f.actors[who], regionResource, id, 'reactivate', { body: {} })).toMatchObject({ active: true, allowed_actions: ['deactivate'] });
    });

    it('offers commands only to a platform administrator', async () => {
      const operatorView = await getRecord(f.db, f.actors.operator, regionResource, '650100');
      const complianceView = await getRecord(f.db, f.actors.compliance, regionResource, '650100');
      const adminView = await getRecord(f.db, f.actors.platformAdmin, regionResource, '650100');
      expect([operatorView.allowed_actions, complianceView.allowed_actions, adminView.allowed_actions]).toEqual([[], [], ['deactivate']]);
    });
  });

  describe('a platform administrator maintains the tree', () => {
    it('creates a region under a parent, audited, and lists it with the parent\'s name', async () => {
      const parent = await makeRegion();
      const input = freshRegion(parent.id);
      const child = await createRecord(f.db, f.actors.platformAdmin, regionResource, input);
      expect(child).toMatchObject({ parent_id: parent.id, parent_name: parent.name });
      const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(event).toMatchObject({ action: 'region.create', entity_type: 'region', entity_id: input.id, region_id: input.id });
      const listed = await listRecords(f.db, f.actors.platformAdmin, regionResource, page({ parent_id: parent.id }));
      expect(listed.rows.map((r) => r.id)).toEqual([input.id]);
    });

    it.each([
      ['a code that is not 6 digits', { id: '65010', name: '某区' }, 'id', '应为 6 位行政区划代码'],
      ['a code starting with 0', { id: '012345', name: '某区' }, 'id', '应为 6 位行政区划代码'],
      ['no name', { id: '912345', name: '  ' }, 'name', '请填写区域名称'],
      ['a parent that does not exist', { id: '912346', name: '某区', parent_id: '999999' }, 'parent_id', '上级区域不存在'],
    ])('refuses %s, naming the field', async (_label, input, field, message) => {
      const error = await expectRefusal(createRecord(f.db, f.actors.platformAdmin, regionResource, input));
      expect(error.status).toBe(422);
      expect(error.fieldErrors?.[field]).toContain(message);
    });

    it('refuses a code or a name already taken with a CONFLICT that says which', async () => {
      const code = await expectRefusal(createRecord(f.db, f.actors.platformAdmin, regionResource, { id: '650100', name: '别的名字' }));
      expect(code).toMatchObject({ code: 'CONFLICT', message: '区划代码 650100 已存在（乌鲁木齐市）' });
      const name = await expectRefusal(createRecord(f.db, f.actors.platformAdmin, regionResource, { id: '919191', name: '克拉玛依市' }));
      expect(name).toMatchObject({ code: 'CONFLICT', fieldErrors: { name: '区域名称「克拉玛依市」已存在' } });
    });

    it('renames and moves a region, audited with before and after, but never under itself or below itself', async () => {
      const top = await makeRegion();
      const middle = await makeRegion(top.id);
      const bottom = await makeRegion(middle.id);
      const renamed = await updateRecord(f.db, f.actors.platformAdmin, regionResource, bottom.id, { name: `${bottom.name}新`, parent_id: top.id });
      expect(renamed).toMatchObject({ parent_id: top.id });
      const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(event).toMatchObject({ action: 'region.update', entity_id: bottom.id });
      expect(event.before).toMatchObject({ parent_id: middle.id });
      expect(event.after).toMatchObject({ parent_id: top.id });

      const self = await expectRefusal(updateRecord(f.db, f.actors.platformAdmin, regionResource, top.id, { parent_id: top.id }));
      expect(self.fieldErrors?.parent_id).toBe('上级区域不能是本区域');
      const loop = await expectRefusal(updateRecord(f.db, f.actors.platformAdmin, regionResource, top.id, { parent_id: middle.id }));
      expect(loop.fieldErrors?.parent_id).toBe('上级区域不能是本区域的下级区域');
      expect((await regionResource.findById(f.db, top.id, null))?.parent_id).toBeNull();
    });

    it('keeps the tree in use from the top: a parent is retired after its children, a child comes back under a parent in use', async () => {
      const parent = await makeRegion();
      const child = await makeRegion(parent.id);
      const early = await expectRefusal(runCommand(f.db, f.actors.platformAdmin, regionResource, parent.id, 'deactivate', { body: {} }));
      expect(early).toMatchObject({ code: 'CONFLICT', message: `请先停用下级区域：${child.name}` });
      await runCommand(f.db, f.actors.platformAdmin, regionResource, child.id, 'deactivate', { body: { reason: '撤并' } });
      await runCommand(f.db, f.actors.platformAdmin, regionResource, parent.id, 'deactivate', { body: {} });
      const event = await f.db.selectFrom('audit_events').selectAll().where('entity_id', '=', child.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(event).toMatchObject({ action: 'region.deactivate', reason: '撤并' });
      expect(event.before).toMatchObject({ active: true });
      expect(event.after).toMatchObject({ active: false });

      const orphan = await expectRefusal(runCommand(f.db, f.actors.platformAdmin, regionResource, child.id, 'reactivate', { body: {} }));
      expect(orphan.message).toContain('请先启用上级区域');
      const under = await expectRefusal(createRecord(f.db, f.actors.platformAdmin, regionResource, freshRegion(parent.id)));
      expect(under.fieldErrors?.parent_id).toContain('已停用');
      const twice = await expectRefusal(runCommand(f.db, f.actors.platformAdmin, regionResource, parent.id, 'deactivate', { body: {} }));
      expect(twice).toMatchObject({ code: 'CONFLICT', message: '该区域已停用' });
    });

    it('a deactivated region is given to no new user, while the lists and existing pickers still show it', async () => {
      const region = await makeRegion();
      await runCommand(f.db, f.actors.platformAdmin, regionResource, region.id, 'deactivate', { body: {} });
      const error = await expectRefusal(
        createRecord(f.db, f.actors.platformAdmin, staffUserResource, { display_name: '新人', phone: '13811112222', role: 'operator', region_id: region.id }),
      );
      expect(error.fieldErrors?.region_id).toContain('已停用，不能分配给用户');
      expect(await f.db.selectFrom('users').select('id').where('phone', '=', '13811112222').executeTakeFirst()).toBeUndefined();
      // Pickers of other records (insurers, projects) read every region; the user form asks for active ones.
      const all = await listRecords(f.db, f.actors.platformAdmin, regionResource, page({ id: [region.id] }));
      expect(all.rows).toHaveLength(1);
      const active = await listRecords(f.db, f.actors.platformAdmin, regionResource, page({ id: [region.id], active: true }));
      expect(active.rows).toHaveLength(0);
    });
  });
});
