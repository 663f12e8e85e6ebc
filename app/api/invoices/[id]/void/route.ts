import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { voidInvoice } from '@/lib/invoices/void-invoice';

type Context = { params: Promise<{ id: string }> };

/** 作废（红冲）: `{ "reason": "…" }`. */
export function POST(request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { id } = await params;
    return Response.json(await voidInvoice(await getDb(), actor, id, await readJsonBody(request)));
  });
}
