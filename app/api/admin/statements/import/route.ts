import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readCsvBody } from '@/lib/http/read-csv-body';
import { importStatement } from '@/lib/payments/statement/import-statement';
import { MAX_STATEMENT_BYTES } from '@/lib/payments/statement/statement-format';

/** POST the statement file as `text/csv` with `?bank=<code>&name=<file name>`: records its new lines. */
export function POST(request: NextRequest) {
  return handleApi(async () => {
    const actor = await requireActor();
    const csv = await readCsvBody(request, MAX_STATEMENT_BYTES);
    const params = request.nextUrl.searchParams;
    const result = await importStatement(await getDb(), actor, {
      bankCode: params.get('bank') ?? '',
      fileName: params.get('name') ?? undefined,
      csv,
    });
    return Response.json(result);
  });
}
