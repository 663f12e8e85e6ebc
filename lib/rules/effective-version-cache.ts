import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { handleIdentity, listenOn, type NotificationSubscriber } from '@/db/notification-channel';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import { inForceUntilAfter, type GenerationTagged } from './read-effective-version';

/** The channel migration 0011's trigger notifies, with the new generation as payload. */
export const RULE_CACHE_CHANNEL = 'rule_cache_generation';

/** Far more than rule sets × regions; a bound only so that a bug cannot grow it without end. */
const MAX_ENTRIES = 4096;

/**
 * The effective version of each rule set and region, as last read through one database handle, tagged
 * with the generation of the published versions it was read at (rule_cache_generation, migration 0011).
 * One number names one state of the published versions, committed or not, so an entry read inside a
 * transaction that later rolls back is harmless: its generation never becomes the committed one.
 *
 * Whether an entry is current is decided by `known`, the committed generation as the handle's LISTEN
 * session last reported it. On PGlite the report arrives before the publishing COMMIT returns, so the
 * cache is exact. On PostgreSQL it arrives asynchronously, after the commit: until then `fresh()` may
 * still return the old version. decide() therefore trusts `fresh()` alone only for a decision that
 * neither writes nor runs in a transaction (a page showing what the rules allow); every other decision
 * takes `candidate()` and checks its generation against the database in a statement it makes anyway.
 *
 * Scheduled activation (issue #12): an entry also stops being current by the clock alone, at the next
 * 生效时间 of a scheduled version after it was read (`validUntil`); `fresh()` and `candidate()` take the
 * decision's time and never return an entry past that moment. Scheduling or withdrawing moves the
 * generation like a publish (migration 0016), so a new schedule is noticed as any change is.
 */
export class EffectiveVersionCache implements NotificationSubscriber {
  private readonly entries = new Map<string, GenerationTagged>();
  /** The committed generation as last notified; null while not listening, when nothing is trusted. */
  private known: number | null = null;
  /** While the first read after LISTEN is in flight: the highest generation notified meanwhile. */
  private starting: { epoch: number; highest: number } | null = null;
  private epoch = 0;

  /** An entry known to match the committed published versions, if any. */
  fresh(key: RuleSetKey, regionId: string | null, at: Date): GenerationTagged | undefined {
    const entry = this.entries.get(entryKey(key, regionId));
    return entry && this.known !== null && entry.generation === this.known && inForceUntilAfter(entry, at) ? entry : undefined;
  }

  /** The last entry read, whatever its generation: for callers that check the generation themselves. */
  candidate(key: RuleSetKey, regionId: string | null, at: Date): GenerationTagged | undefined {
    const entry = this.entries.get(entryKey(key, regionId));
    return entry && inForceUntilAfter(entry, at) ? entry : undefined;
  }

  store(key: RuleSetKey, regionId: string | null, entry: GenerationTagged): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(entryKey(key, regionId), entry);
  }

  /**
   * After this handle's own publish has committed: its notification is still on the way (PostgreSQL), so
   * entries under the old generation would be trusted until it comes. Without entries, decisions read
   * afresh, under a generation the cache trusts only once notified: the publisher reads its own write.
   */
  forgetAll(): void {
    this.entries.clear();
  }

  /** The generation this cache currently trusts (tests and the benchmark). */
  get knownGeneration(): number | null {
    return this.known;
  }

  notify(payload: string): void {
    const generation = Number(payload);
    if (!Number.isSafeInteger(generation)) {
      this.deaf();
      return;
    }
    // Committed generations rise in commit order (migration 0011), so the highest seen is the latest,
    // even if a notification and the read of the first generation cross on the wire.
    if (this.starting) this.starting.highest = Math.max(this.starting.highest, generation);
    else if (this.known !== null) this.known = Math.max(this.known, generation);
  }

  listening(query: (sql: string) => Promise<unknown[]>): void {
    const epoch = ++this.epoch;
    this.known = null;
    this.starting = { epoch, highest: -Infinity };
    query(`select generation::text as generation from rule_cache_generation where id = 1`)
      .then((rows) => {
        if (this.starting?.epoch !== epoch) return;
        const read = Number((rows[0] as { generation?: string } | undefined)?.generation);
        this.known = Number.isSafeInteger(read) ? Math.max(read, this.starting.highest) : null;
        this.starting = null;
      })
      .catch(() => {
        if (this.epoch === epoch) this.deaf();
      });
  }

  deaf(): void {
    this.epoch++;
    this.known = null;
    this.starting = null;
  }
}

const entryKey = (key: RuleSetKey, regionId: string | null) => `${key}\u0000${regionId ?? ''}`;

const caches = new WeakMap<object, EffectiveVersionCache>();

/**
 * The cache of the handle `db` is (or was opened on): two pools, even in one process, are two caches,
 * each told of publishes by its own LISTEN session. A handle that cannot listen gets a cache that never
 * trusts an entry, so every decision through it reads the database.
 */
export function effectiveVersionCache(db: Kysely<Database> | Transaction<Database>): EffectiveVersionCache {
  const identity = handleIdentity(db);
  let cache = caches.get(identity);
  if (!cache) {
    cache = new EffectiveVersionCache();
    caches.set(identity, cache);
    listenOn(db, RULE_CACHE_CHANNEL, cache);
  }
  return cache;
}
