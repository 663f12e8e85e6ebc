import { checkAuditChain } from '@/lib/audit/check-audit-chain';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';

export function GET() {
  return handleApi(async () => Response.json(await checkAuditChain(await getDb(), await requireActor())));
}
