import { answerPlatformRequest } from '@/lib/trading-platforms/answer-platform-request';
import { recordPlatformProjectEvent } from '@/lib/trading-platforms/record-platform-project-event';

/** A trading platform reports a status or bid-opening change of one of its projects (signed; no session). */
export async function POST(request: Request, { params }: { params: Promise<{ projectCode: string }> }) {
  const { projectCode } = await params;
  return answerPlatformRequest(request, (db, platform, body) => recordPlatformProjectEvent(db, platform, projectCode, body));
}
