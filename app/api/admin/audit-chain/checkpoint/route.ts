import { takeAuditCheckpointAs } from '@/lib/audit/audit-checkpoint';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';

/** 生成审计链检查点 on demand: the signed checkpoint, as a file compliance keeps outside the system. */
export function POST() {
  return handleApi(async () => {
    const checkpoint = await takeAuditCheckpointAs(await getDb(), await requireActor());
    return Response.json(checkpoint, { headers: { 'content-disposition': `attachment; filename="audit-checkpoint-${checkpoint.row}.json"` } });
  });
}
