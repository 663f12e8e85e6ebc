import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { attachmentResponse } from '@/lib/http/attachment-response';
import { answerPlatformRequest, claimReadNonce } from './answer-platform-request';
import { platformGuaranteeDocument } from './platform-guarantees';

/**
 * GET /api/platform/v1/guarantees/{policyNumber}/document (signed): the policy's file as the bidder's
 * 【下载保单】 gives it — sealed before bid opening, the PDF from then on; a refusal in the envelope.
 */
export function answerGuaranteeDocument(request: Request, policyNumber: string, database?: Kysely<Database>): Promise<Response> {
  return answerPlatformRequest(request, async (db, platform) => {
    await claimReadNonce(db, platform);
    const file = await platformGuaranteeDocument(db, platform, policyNumber);
    return attachmentResponse(file, file.contentType);
  }, database);
}
