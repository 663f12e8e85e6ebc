import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { matchTransferByHand } from '@/lib/payments/match-transfer-by-hand';

type Context = { params: Promise<{ id: string }> };

/** An operator attaches an unmatched transfer to its order; the payment rules then judge it. */
export function POST(request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { id } = await params;
    return Response.json(await matchTransferByHand(await getDb(), actor, id, await readJsonBody(request)));
  });
}
