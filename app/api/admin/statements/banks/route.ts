import { requireActor } from '@/lib/auth/current-actor';
import { handleApi } from '@/lib/http/error-response';
import { listStatementBanks } from '@/lib/payments/statement/list-statement-banks';

/** The banks a statement may be imported for. */
export function GET() {
  return handleApi(async () => Response.json(listStatementBanks(await requireActor()), { headers: { 'Cache-Control': 'no-store' } }));
}
