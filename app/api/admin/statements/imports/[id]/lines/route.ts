import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { statementImportLinesCsv } from '@/lib/payments/statement/statement-import-lines-csv';

type Context = { params: Promise<{ id: string }> };

/** 下载逐行结果: every line of the import with its outcome, as CSV. */
export function GET(_request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { fileName, body } = await statementImportLinesCsv(await getDb(), actor, (await params).id);
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="statement-lines.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
