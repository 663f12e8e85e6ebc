import type { Kysely } from 'kysely';
import type { AuditEvent, Database } from '@/db/database';

const BATCH = 500;

/** The chain from its first row, in order, read in batches so a long chain is never held in memory. */
export async function* auditChainRows(db: Kysely<Database>): AsyncGenerator<AuditEvent> {
  let afterId = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_events').selectAll().where('id', '>', afterId).orderBy('id').limit(BATCH).execute();
    yield* rows;
    if (rows.length < BATCH) return;
    afterId = rows.at(-1)!.id;
  }
}
