import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { retryStatementImport } from '@/lib/payments/statement/retry-statement-import';

type Context = { params: Promise<{ id: string }> };

/** 继续导入: a failed import runs again from its last recorded batch, in the background (202). */
export function POST(_request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    return Response.json(await retryStatementImport(await getDb(), actor, (await params).id), { status: 202 });
  });
}
