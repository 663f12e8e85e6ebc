import { answerPlatformRequest, claimReadNonce } from '@/lib/trading-platforms/answer-platform-request';
import { listPlatformGuarantees } from '@/lib/trading-platforms/platform-guarantees';

/** A trading platform asks which guarantees an enterprise holds for a section (signed; no session). */
export function GET(request: Request) {
  return answerPlatformRequest(request, async (db, platform) => {
    await claimReadNonce(db, platform);
    return listPlatformGuarantees(db, platform, new URL(request.url).searchParams);
  });
}
