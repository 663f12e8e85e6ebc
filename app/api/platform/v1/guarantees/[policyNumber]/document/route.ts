import { attachmentResponse } from '@/lib/http/attachment-response';
import { answerPlatformRequest, claimReadNonce } from '@/lib/trading-platforms/answer-platform-request';
import { platformGuaranteeDocument } from '@/lib/trading-platforms/platform-guarantees';

/** A trading platform fetches a policy's document: sealed before bid opening, the PDF from then on (signed). */
export async function GET(request: Request, { params }: { params: Promise<{ policyNumber: string }> }) {
  const { policyNumber } = await params;
  return answerPlatformRequest(request, async (db, platform) => {
    await claimReadNonce(db, platform);
    const file = await platformGuaranteeDocument(db, platform, policyNumber);
    return attachmentResponse(file, file.contentType);
  });
}
