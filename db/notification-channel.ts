import type { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';

/**
 * LISTEN for a database handle made by createDatabase. Handles are told apart by their dialect adapter,
 * which a handle shares with every transaction and plugin view of it (Kysely copies it into each), so a
 * transaction finds the channel of the handle it was opened on.
 */
export interface NotificationSubscriber {
  /** A notification on the channel, in commit order. */
  notify(payload: string): void;
  /**
   * Listening (re)started: notifications from before may have been missed. Called once LISTEN is in
   * force, with a function that reads through the listening session, so what it reads is at least as
   * new as any notification not yet delivered.
   */
  listening(query: (sql: string) => Promise<unknown[]>): void;
  /** Listening stopped (connection lost, handle destroyed): notifications may be missed from now on. */
  deaf(): void;
}

type Source =
  | { kind: 'pglite'; pglite: PGlite; db: Kysely<object> }
  | { kind: 'postgres'; config: pg.ClientConfig; listeners: Set<PostgresListener>; ended: boolean };

const sources = new WeakMap<object, Source>();

const keyOf = <DB>(db: Kysely<DB> | Transaction<DB>): object => db.getExecutor().adapter;

/** createDatabase's side: how this handle can listen. */
export function registerPgliteSource<DB>(db: Kysely<DB>, pglite: PGlite): void {
  // Only raw statements are run through it, so the schema type does not matter here.
  sources.set(keyOf(db), { kind: 'pglite', pglite, db: db as unknown as Kysely<object> });
}

/** createDatabase's side; returns what the pool must run before it ends, so no listener outlives it. */
export function registerPostgresSource<DB>(db: Kysely<DB>, config: pg.ClientConfig): () => Promise<void> {
  const source: Source = { kind: 'postgres', config, listeners: new Set(), ended: false };
  sources.set(keyOf(db), source);
  return async () => {
    source.ended = true;
    await Promise.all([...source.listeners].map((l) => l.close()));
  };
}

/** The handle a transaction or plugin view belongs to, as an identity for per-handle caches. */
export function handleIdentity<DB>(db: Kysely<DB> | Transaction<DB>): object {
  return keyOf(db);
}

/**
 * Subscribes to `channel` on the handle's database; false when the handle cannot listen (not made by
 * createDatabase), in which case the caller must not rely on notifications at all.
 */
export function listenOn<DB>(db: Kysely<DB> | Transaction<DB>, channel: string, subscriber: NotificationSubscriber): boolean {
  const source = sources.get(keyOf(db));
  if (!source) return false;
  if (source.kind === 'pglite') {
    listenOnPglite(source, channel, subscriber);
    return true;
  }
  if (source.ended) return false;
  const listener = new PostgresListener(source.config, channel, subscriber, () => source.ended);
  source.listeners.add(listener);
  listener.start();
  return true;
}

/**
 * PGlite is one in-process session: a notification is delivered before the COMMIT that sends it returns,
 * so a listening cache is up to date when the publishing transaction's promise resolves. LISTEN goes
 * through Kysely, which runs it between transactions: issued inside someone's transaction it would be
 * undone by that transaction's rollback.
 */
function listenOnPglite(source: Extract<Source, { kind: 'pglite' }>, channel: string, subscriber: NotificationSubscriber) {
  source.pglite.onNotification((name, payload) => {
    if (name === channel) subscriber.notify(payload);
  });
  sql
    .raw(`listen ${quoteIdentifier(channel)}`)
    .execute(source.db)
    .then(() => subscriber.listening(async (text) => (await sql.raw(text).execute(source.db)).rows))
    .catch(() => subscriber.deaf());
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

const RECONNECT_MS = 1000;

/**
 * One dedicated session per subscription (not a pool connection, which would be released, and whose
 * LISTEN would then apply to whoever uses it next). Reconnects after a loss; while it is down the
 * subscriber has been told it is deaf.
 */
class PostgresListener {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly subscriber: NotificationSubscriber,
    private readonly ended: () => boolean,
  ) {}

  start(): void {
    if (this.ended()) return;
    const client = new pg.Client(this.config);
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.subscriber.deaf();
      client.end().catch(() => {});
      if (!this.ended()) {
        this.timer = setTimeout(() => this.start(), RECONNECT_MS);
        this.timer.unref();
      }
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === this.channel && this.client === client) this.subscriber.notify(message.payload ?? '');
    });
    client
      .connect()
      .then(() => client.query(`listen ${quoteIdentifier(this.channel)}`))
      .then(() => {
        if (this.client === client) this.subscriber.listening(async (text) => (await client.query(text)).rows);
      })
      .catch(lost);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.subscriber.deaf();
    if (client) await client.end().catch(() => {});
  }
}
