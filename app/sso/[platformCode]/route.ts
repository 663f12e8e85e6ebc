import { answerSso } from '@/lib/trading-platforms/answer-sso';

/** A trading platform hands a bidder over: GET /sso/{platformCode}?token=… (docs/trading-platform-interface.md). */
export async function GET(request: Request, { params }: { params: Promise<{ platformCode: string }> }) {
  const { platformCode } = await params;
  return answerSso(request, platformCode);
}
