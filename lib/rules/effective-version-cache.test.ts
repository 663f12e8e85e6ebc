import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import { createRecord } from '@/lib/back-office/create-record';
import type { Actor } from '@/lib/auth/actor';
import { decide } from './decide';
import { effectiveVersionCache } from './effective-version-cache';
import { publishRuleDraft } from './publish-rule-draft';
import { publishRuleVersion } from './publish-rule-version';
import { rollbackRuleVersion } from './rollback-rule-version';
import type { RuleVersionRecord } from './rule-version-record';
import { ruleVersionResource } from './rule-version-resource';

const URUMQI = '650100';
const KARAMAY = '650200';
const FACTS = { bidOpened: true, medium: 'paper', invoiceType: 'ordinary' } as const;

/** Counts the statements run through a view of the handle (a plugin view shares the handle's cache). */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

describe.each(testDatabaseKinds)('the effective version cache on %s', (kind) => {
  const f = useDemoFixture(kind);
  beforeAll(async () => {
    await decide(f.db, 'invoice-type', FACTS, { region: URUMQI });
    await vi.waitFor(() => expect(effectiveVersionCache(f.db).knownGeneration).not.toBeNull());
  });

  /** A draft copied from what decides for the region (so every test case passes), not yet published. */
  const draftCopy = (actor: Actor, region: string | null) =>
    createRecord(f.db, actor, ruleVersionResource, { rule_set_key: 'invoice-type', region_id: region, note: '缓存测试' }) as Promise<RuleVersionRecord>;
  const publishCopy = async (actor: Actor, region: string | null) => {
    const draft = await draftCopy(actor, region);
    return (await publishRuleVersion(f.db, actor, draft.id, { reason: '缓存测试发布' })).version;
  };
  const published = (region: string | null) =>
    f.db.selectFrom('rule_set_versions').select(['id', 'version']).where('rule_set_key', '=', 'invoice-type').where('status', '=', 'published')
      .where((eb) => (region === null ? eb('region_id', 'is', null) : eb('region_id', '=', region))).executeTakeFirstOrThrow();
  /** An unlogged decision outside a transaction trusts the cache as notified: at once on PGlite, after the notification on PostgreSQL. */
  const expectUnloggedVersion = async (region: string, versionId: string) => {
    const check = async () => expect((await decide(f.db, 'invoice-type', FACTS, { region })).versionId).toBe(versionId);
    await (kind === 'pglite' ? check() : vi.waitFor(check, { timeout: 5000 }));
  };

  it('answers a repeated decision from the cache, without a statement', async () => {
    const counter = new StatementCounter();
    const counted = f.db.withPlugin(counter);
    await decide(counted, 'invoice-type', FACTS, { region: URUMQI });
    counter.count = 0;
    const decision = await decide(counted, 'invoice-type', FACTS, { region: URUMQI });
    expect(counter.count).toBe(0);
    expect(decision.versionId).toBe((await published(null)).id);
    // A logged decision costs the one insert it always made, which also checks the cached generation.
    await decide(counted, 'invoice-type', FACTS, { region: URUMQI, subject: { type: 'test', id: 'hit' } });
    expect(counter.count).toBe(1);
  });

  it("uses the region's own version over the baseline, and a new baseline only where the region has none", async () => {
    const baseline = await published(null);
    const regional = await publishCopy(f.actors.operator, URUMQI);
    const logged = await decide(f.db, 'invoice-type', FACTS, { region: URUMQI, subject: { type: 'test', id: 'regional' } });
    expect(logged.versionId).toBe(regional.id);
    await expectUnloggedVersion(URUMQI, regional.id);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: KARAMAY })).versionId).toBe(baseline.id);

    const newBaseline = await publishCopy(f.actors.platformAdmin, null);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: KARAMAY, subject: { type: 'test', id: 'baseline' } })).versionId).toBe(newBaseline.id);
    await expectUnloggedVersion(KARAMAY, newBaseline.id);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(regional.id);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: null })).versionId).toBe(newBaseline.id);
  });

  it('sees a publish and a rollback in the next logged decision', async () => {
    const before = await published(URUMQI);
    const next = await publishCopy(f.actors.operator, URUMQI);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI, subject: { type: 'test', id: 'publish' } })).versionId).toBe(next.id);
    const { version: restored } = await rollbackRuleVersion(f.db, f.actors.operator, before.id, { reason: '回滚缓存测试' });
    const decision = await decide(f.db, 'invoice-type', FACTS, { region: URUMQI, subject: { type: 'test', id: 'rollback' } });
    expect(decision.versionId).toBe(restored.id);
    expect(decision.version).toBe(restored.version);
    await expectUnloggedVersion(URUMQI, restored.id);
    const log = await f.db.selectFrom('rule_decisions').select('version_id').where('subject_id', '=', 'rollback').executeTakeFirstOrThrow();
    expect(log.version_id).toBe(restored.id);
  });

  it('sees a change made by direct SQL, as the trigger bumps the generation', async () => {
    const regional = await published(URUMQI);
    await sql`update rule_set_versions set status = 'archived', archived_at = now() where id = ${regional.id}`.execute(f.db);
    const baseline = await published(null);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI, subject: { type: 'test', id: 'sql' } })).versionId).toBe(baseline.id);
    await expectUnloggedVersion(URUMQI, baseline.id);
    await sql`update rule_set_versions set status = 'published' where id = ${regional.id}`.execute(f.db);
    await expectUnloggedVersion(URUMQI, regional.id);
  });

  it('a publish in a transaction that rolls back is seen inside it and changes nothing after', async () => {
    const current = await published(URUMQI);
    const generation = effectiveVersionCache(f.db).knownGeneration;
    const draft = await draftCopy(f.actors.operator, URUMQI);
    await vi.waitFor(() => expect(effectiveVersionCache(f.db).knownGeneration).toBe(generation));
    const inside = await f.db
      .transaction()
      .execute(async (trx) => {
        await publishRuleDraft(trx, f.actors.operator, draft.id, '将回滚');
        const logged = await decide(trx, 'invoice-type', FACTS, { region: URUMQI, subject: { type: 'test', id: 'rolled-back' } });
        const unlogged = await decide(trx, 'invoice-type', FACTS, { region: URUMQI });
        throw Object.assign(new Error('roll back'), { seen: [logged.versionId, unlogged.versionId] });
      })
      .catch((error: { seen: string[] }) => error.seen);
    expect(inside).toEqual([draft.id, draft.id]);

    // The cache now holds what the rolled-back transaction read, under a generation that never committed.
    expect(effectiveVersionCache(f.db).knownGeneration).toBe(generation);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(current.id);
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI, subject: { type: 'test', id: 'after-rollback' } })).versionId).toBe(current.id);
    await f.db.transaction().execute(async (trx) => {
      expect((await decide(trx, 'invoice-type', FACTS, { region: URUMQI })).versionId).toBe(current.id);
    });
    expect(await f.db.selectFrom('rule_decisions').select('id').where('subject_id', '=', 'rolled-back').execute()).toEqual([]);

    // The same draft, published for real afterwards, takes a new generation of its own.
    await publishRuleVersion(f.db, f.actors.operator, draft.id, { reason: '真正发布' });
    expect((await decide(f.db, 'invoice-type', FACTS, { region: URUMQI, subject: { type: 'test', id: 'real' } })).versionId).toBe(draft.id);
    await expectUnloggedVersion(URUMQI, draft.id);
  });

  it('keeps one cache per handle: a transaction uses the cache of the handle it was opened on', async () => {
    await f.db.transaction().execute(async (trx) => {
      expect(effectiveVersionCache(trx)).toBe(effectiveVersionCache(f.db));
    });
    expect(effectiveVersionCache(f.db.withPlugin(new StatementCounter()))).toBe(effectiveVersionCache(f.db));
  });
});
