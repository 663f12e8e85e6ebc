import { sql, type Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { writeTransaction } from '@/lib/transactions/write-transaction';
import { now } from '@/lib/time/clock';
import { activateDueVersion, lockSeries, type DocumentSeriesTable } from './document-series';

/**
 * The timed job behind scheduled activation: a scheduled version whose 生效时间 has come becomes published
 * (and the one it replaced archived), so the back office's states match the clock. What decides never
 * waits for it — decisions and forms already follow the times (lib/versioning/in-force.ts).
 */
export async function activateDueVersions(db: Kysely<Database>): Promise<number> {
  let activated = 0;
  for (const table of ['rule_set_versions', 'form_versions'] as DocumentSeriesTable[]) {
    const key = table === 'rule_set_versions' ? 'rule_set_key' : 'form_key';
    const { rows } = await sql<{ key: string; region_id: string | null }>`
      select ${sql.ref(key)} as key, region_id from ${sql.table(table)} where status = 'scheduled' and effective_from <= ${now()}`.execute(db);
    for (const row of rows) {
      await writeTransaction(db, async (trx) => {
        const series = { table, key: row.key, regionId: row.region_id };
        await lockSeries(trx, series);
        await activateDueVersion(trx, series);
      });
      activated++;
    }
  }
  return activated;
}
