import { requireActor } from '@/lib/auth/current-actor';
import { importOfficialHolidays } from '@/lib/calendar/import-official-holidays';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';

/** POST `{ "year": 2026 }`: adds that year's official holidays to the working-day calendar, keeping every day already set. */
export function POST(request: Request) {
  return handleApi(async () => {
    const actor = await requireActor();
    return Response.json(await importOfficialHolidays(await getDb(), actor, await readJsonBody(request)));
  });
}
