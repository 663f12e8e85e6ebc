import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { attachmentResponse } from '@/lib/http/attachment-response';
import { handleApi } from '@/lib/http/error-response';
import { downloadMyInvoice } from '@/lib/invoices/download-my-invoice';

type Context = { params: Promise<{ id: string }> };

/** 【下载发票】: the order's electronic invoice, for its own enterprise only (404 for anyone else). */
export function GET(_request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { id } = await params;
    return attachmentResponse(await downloadMyInvoice(await getDb(), actor, id));
  });
}
