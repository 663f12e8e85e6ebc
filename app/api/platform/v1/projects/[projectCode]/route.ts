import { answerPlatformRequest } from '@/lib/trading-platforms/answer-platform-request';
import { pushProject } from '@/lib/trading-platforms/push-project';

/** A trading platform creates or replaces one of its projects (signed; no session). */
export async function PUT(request: Request, { params }: { params: Promise<{ projectCode: string }> }) {
  const { projectCode } = await params;
  return answerPlatformRequest(request, (db, platform, body) => pushProject(db, platform, projectCode, body));
}
