import { describe, expect, it } from 'vitest';
import type { DemoFixture } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { insurerResource } from '@/lib/insurers/insurer-resource';
import { productResource } from '@/lib/products/product-resource';
import { projectResource } from '@/lib/projects/project-resource';
import { sectionResource } from '@/lib/sections/section-resource';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { createRecord } from './create-record';
import { deleteRecord } from './delete-record';
import { getRecord } from './get-record';
import { listRecords } from './list-records';
import type { ListParams } from './list-params';
import type { AnyResource } from './resource-definition';
import { updateRecord } from './update-record';

const page = (filter: Record<string, unknown> = {}): ListParams => ({
  sort: { field: 'id', order: 'asc' },
  offset: 0,
  limit: 100,
  filter,
});

const newInsurer = (region: string) => ({
  region_id: region,
  name: `测试保险公司 ${region} ${Math.random().toString(36).slice(2, 8)}`,
  receiving_account_name: '测试保险公司',
  receiving_account_bank: '中国银行乌鲁木齐分行',
  receiving_account_number: '6217 0000 1234 5678',
  contact_phone: '0991-1234567',
});


describe.each(testDatabaseKinds)('back-office access on %s', (kind) => {
  const f = useDemoFixture(kind);

  const auditCount = async () => Number((await f.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  describe('an operator sees and changes only its own region', () => {
    it.each(([insurerResource, productResource, projectResource, sectionResource] as AnyResource[]).map((r) => [r.name, r] as const))(
      '%s lists hold only the operator\'s region',
      async (_name, resource) => {
        const own = await listRecords(f.db, f.actors.operator, resource, page());
        const other = await listRecords(f.db, f.actors.otherOperator, resource, page());
        expect(own.total).toBeGreaterThan(0);
        expect(other.total).toBeGreaterThan(0);
        expect(new Set(own.rows.map((r) => r.region_id))).toEqual(new Set(['650100']));
        expect(new Set(other.rows.map((r) => r.region_id))).toEqual(new Set(['650200']));
        // Asking for the other region by filter or by id does not widen the scope.
        const sneaky = await listRecords(f.db, f.actors.operator, resource, page({ region_id: '650200' }));
        expect(sneaky.rows.every((r) => r.region_id === '650100')).toBe(true);
        const byIds = await listRecords(f.db, f.actors.operator, resource, page({ id: other.rows.map((r) => r.id) }));
        expect(byIds.total).toBe(0);
      },
    );

    it('reading another region\'s project by id is refused with 403', async () => {
      const other = await listRecords(f.db, f.actors.otherOperator, projectResource, page());
      const error = await expectRefusal(getRecord(f.db, f.actors.operator, projectResource, String(other.rows[0]!.id)));
      expect(error.code).toBe('OTHER_REGION');
      expect(error.status).toBe(403);
    });

    it('changing another region\'s project is refused and changes nothing', async () => {
      const [target] = (await listRecords(f.db, f.actors.otherOperator, projectResource, page())).rows;
      const before = await f.db.selectFrom('projects').selectAll().where('id', '=', String(target!.id)).executeTakeFirstOrThrow();
      const audits = await auditCount();
      const error = await expectRefusal(updateRecord(f.db, f.actors.operator, projectResource, String(target!.id), { name: '被篡改的项目' }));
      expect(error.status).toBe(403);
      const after = await f.db.selectFrom('projects').selectAll().where('id', '=', String(target!.id)).executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });

    it('creating an insurer in another region is refused and writes nothing', async () => {
      const audits = await auditCount();
      const input = newInsurer('650200');
      const error = await expectRefusal(createRecord(f.db, f.actors.operator, insurerResource, input));
      expect(error.code).toBe('OTHER_REGION');
      expect(await f.db.selectFrom('insurers').where('name', '=', input.name).select('id').executeTakeFirst()).toBeUndefined();
      expect(await auditCount()).toBe(audits);
    });

    it('creating a section under another region\'s project is refused', async () => {
      const [project] = (await listRecords(f.db, f.actors.otherOperator, projectResource, page())).rows;
      const error = await expectRefusal(
        createRecord(f.db, f.actors.operator, sectionResource, { project_id: project!.id, code: '99', name: '越权标段', deposit_fen: 100 }),
      );
      expect(error.status).toBe(403);
    });

    it('creates an insurer in its own region with an audit record', async () => {
      const audits = await auditCount();
      const input = newInsurer('650100');
      const created = await createRecord(f.db, f.actors.operator, insurerResource, input);
      expect(created).toMatchObject({ region_id: '650100', name: input.name, receiving_account_number: '6217000012345678' });
      const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(event).toMatchObject({ action: 'insurer.create', entity_id: created.id, region_id: '650100', actor_id: f.actors.operator.userId });
      expect(event.after).toMatchObject({ name: input.name });
      expect(await auditCount()).toBe(audits + 1);
    });
  });

  describe('compliance reads everything and writes nothing', () => {
    it('lists every region', async () => {
      const all = await listRecords(f.db, f.actors.compliance, projectResource, page());
      expect(new Set(all.rows.map((r) => r.region_id))).toEqual(new Set(['650100', '650200']));
    });

    it.each([
      ['create', (f: DemoFixture, id: string) => createRecord(f.db, f.actors.compliance, insurerResource, newInsurer('650100')).then(() => id)],
      ['update', (f: DemoFixture, id: string) => updateRecord(f.db, f.actors.compliance, insurerResource, id, { name: '合规改名' })],
      ['delete', (f: DemoFixture, id: string) => deleteRecord(f.db, f.actors.compliance, sectionResource, id)],
    ])('is refused a %s with READ_ONLY_ROLE', async (_op, act) => {
      const insurer = (await listRecords(f.db, f.actors.compliance, insurerResource, page())).rows[0]!;
      const section = (await listRecords(f.db, f.actors.compliance, sectionResource, page())).rows[0]!;
      const audits = await auditCount();
      const error = await expectRefusal(act(f, String(_op === 'delete' ? section.id : insurer.id)));
      expect(error.code).toBe('READ_ONLY_ROLE');
      expect(error.status).toBe(403);
      expect(await auditCount()).toBe(audits);
    });

    it('is refused even when its input is invalid, before validation says anything', async () => {
      const error = await expectRefusal(createRecord(f.db, f.actors.compliance, insurerResource, {}));
      expect(error.code).toBe('READ_ONLY_ROLE');
    });
  });

  describe('bidders have no back office', () => {
    it.each(['bidder', 'otherBidder'] as const)('%s is refused every back-office list', async (who) => {
      const error = await expectRefusal(listRecords(f.db, f.actors[who], insurerResource, page()));
      expect(error.code).toBe('FORBIDDEN');
    });
  });

  describe('a platform administrator works across regions', () => {
    it('creates an insurer in any region', async () => {
      const created = await createRecord(f.db, f.actors.platformAdmin, insurerResource, newInsurer('650200'));
      expect(created.region_id).toBe('650200');
    });
  });

  describe('input is validated before anything is written', () => {
    it('names every invalid field in Chinese', async () => {
      const error = await expectRefusal(
        createRecord(f.db, f.actors.operator, productResource, {
          insurer_id: 'not-a-uuid',
          name: '',
          rate_bp: 1.5,
          min_premium_fen: -1,
          project_types: [],
          notice: '须知',
        }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.status).toBe(422);
      expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['insurer_id', 'min_premium_fen', 'name', 'project_types', 'rate_bp']);
      expect(error.fieldErrors?.rate_bp).toContain('基点');
    });

    it('refuses a deposit deadline after the bid opening', async () => {
      const error = await expectRefusal(
        createRecord(f.db, f.actors.operator, projectResource, {
          region_id: '650100', code: 'T-1', name: '测试项目', type: 'construction', tenderer: '某局',
          deposit_deadline: '2026-12-10T10:00:00+08:00', bid_opening_at: '2026-12-09T10:00:00+08:00',
        }),
      );
      expect(error.fieldErrors?.deposit_deadline).toBe('保证金截止时间不能晚于开标时间');
    });

    it('asks for a reason when a project\'s status changes, and records it', async () => {
      const [project] = (await listRecords(f.db, f.actors.operator, projectResource, page({ status: 'normal' }))).rows;
      const id = String(project!.id);
      const error = await expectRefusal(updateRecord(f.db, f.actors.operator, projectResource, id, { status: 'paused' }));
      expect(error.fieldErrors?.reason).toContain('原因');
      expect((await projectResource.findById(f.db, id, null))?.status).toBe('normal');
      await updateRecord(f.db, f.actors.operator, projectResource, id, { status: 'paused', reason: '招标人申请暂停' });
      const event = await f.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(event).toMatchObject({ action: 'project.update', reason: '招标人申请暂停' });
      expect(event.before).toMatchObject({ status: 'normal' });
      expect(event.after).toMatchObject({ status: 'paused' });
    });

    it('turns a duplicate project code into a CONFLICT, not a crash', async () => {
      const [project] = (await listRecords(f.db, f.actors.operator, projectResource, page())).rows as unknown as { code: string }[];
      const error = await expectRefusal(
        createRecord(f.db, f.actors.operator, projectResource, {
          region_id: '650100', code: project!.code, name: '重复编号', type: 'procurement', tenderer: '某局',
          deposit_deadline: '2026-12-10T10:00:00+08:00', bid_opening_at: '2026-12-11T10:00:00+08:00',
        }),
      );
      expect(error.code).toBe('CONFLICT');
    });

    it('refuses a malformed id with 422 rather than a database error', async () => {
      const error = await expectRefusal(getRecord(f.db, f.actors.operator, insurerResource, 'abc'));
      expect(error.status).toBe(422);
    });
  });
});
