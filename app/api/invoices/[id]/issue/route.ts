import type { NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readUpload } from '@/lib/http/read-upload';
import { issueInvoice } from '@/lib/invoices/issue-invoice';
import { MAX_INVOICE_PDF_BYTES } from '@/lib/invoices/store-invoice-pdf';

type Context = { params: Promise<{ id: string }> };

/** 开具发票: multipart form with `invoice_number`, and `file` (electronic) or `carrier` and `tracking_number` (paper). */
export function POST(request: NextRequest, { params }: Context) {
  return handleApi(async () => {
    const actor = await requireActor();
    const { id } = await params;
    const { fields, file } = await readUpload(request, MAX_INVOICE_PDF_BYTES, '发票文件不能超过 5 MB');
    return Response.json(await issueInvoice(await getDb(), actor, id, fields, file));
  });
}
