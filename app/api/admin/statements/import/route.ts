import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readCsvBody } from '@/lib/http/read-csv-body';
import { startStatementImport } from '@/lib/payments/statement/start-statement-import';
import { MAX_STATEMENT_BYTES } from '@/lib/payments/statement/statement-format';

/**
 * POST the statement file as `text/csv` with `?bank=<code>&name=<file name>`: the file is checked whole
 * (a bad one is refused here with its lines named) and its lines are recorded in the background; the
 * answer is the import's id at once (202), to follow at /api/admin/statement-imports/<id>.
 */
export function POST(request: NextRequest) {
  return handleApi(async () => {
    const actor = await requireActor();
    const csv = await readCsvBody(request, MAX_STATEMENT_BYTES);
    const params = request.nextUrl.searchParams;
    const started = await startStatementImport(await getDb(), actor, {
      bankCode: params.get('bank') ?? '',
      fileName: params.get('name') ?? undefined,
      csv,
    });
    return Response.json(started, { status: 202, headers: { Location: `/api/admin/statement-imports/${started.id}` } });
  });
}
