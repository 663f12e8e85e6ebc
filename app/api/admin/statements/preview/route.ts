import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readCsvBody } from '@/lib/http/read-csv-body';
import { previewStatementImport } from '@/lib/payments/statement/preview-statement-import';
import { MAX_STATEMENT_BYTES } from '@/lib/payments/statement/statement-format';

/** POST the statement file as `text/csv` with `?bank=<code>`: what importing it would do, changing nothing. */
export function POST(request: NextRequest) {
  return handleApi(async () => {
    const actor = await requireActor();
    const csv = await readCsvBody(request, MAX_STATEMENT_BYTES);
    const bankCode = request.nextUrl.searchParams.get('bank') ?? '';
    return Response.json(await previewStatementImport(await getDb(), actor, { bankCode, csv }), { headers: { 'Cache-Control': 'no-store' } });
  });
}
