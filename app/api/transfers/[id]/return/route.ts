import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { returnTransfer } from '@/lib/payments/return-transfer';

type Context = { params: Promise<{ id: string }> };

/** An operator returns an unmatched transfer to its payer. */
export function POST(request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { id } = await params;
    return Response.json(await returnTransfer(await getDb(), actor, id, await readJsonBody(request)));
  });
}
