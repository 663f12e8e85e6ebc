import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { attachmentResponse } from '@/lib/http/attachment-response';
import { downloadPolicy } from '@/lib/policies/download-policy';

/** 【下载保单】: sealed before bid opening, the PDF after. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(async () => {
    const { id } = await params;
    const file = await downloadPolicy(await getDb(), await requireActor(), id);
    return attachmentResponse(file, file.contentType);
  });
}
