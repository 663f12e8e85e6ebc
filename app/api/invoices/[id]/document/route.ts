import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { attachmentResponse } from '@/lib/http/attachment-response';
import { handleApi } from '@/lib/http/error-response';
import { readInvoiceDocument } from '@/lib/invoices/read-invoice-document';

type Context = { params: Promise<{ id: string }> };

/** The uploaded PDF of an electronic invoice, for the back office. */
export function GET(_request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { id } = await params;
    return attachmentResponse(await readInvoiceDocument(await getDb(), actor, id));
  });
}
