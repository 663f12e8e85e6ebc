import { downloadAuditCheckpoint } from '@/lib/audit/audit-checkpoint-resource';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { attachmentResponse } from '@/lib/http/attachment-response';
import { handleApi } from '@/lib/http/error-response';

/** 下载检查点: a kept checkpoint as the signed JSON file compliance stores outside the system. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(async () => attachmentResponse(await downloadAuditCheckpoint(await getDb(), await requireActor(), (await params).id), 'application/json'));
}
