import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { policyDocumentStatus } from '@/lib/policies/policy-document-status';

/** Whether 【下载保单】 can be offered yet (the order page polls this while it shows 保单生成中). */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApi(async () => {
    const { id } = await params;
    return Response.json(await policyDocumentStatus(await getDb(), await requireActor(), id), { headers: { 'cache-control': 'no-store' } });
  });
}
