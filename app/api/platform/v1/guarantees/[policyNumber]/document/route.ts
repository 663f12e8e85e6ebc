import { answerGuaranteeDocument } from '@/lib/trading-platforms/answer-guarantee-document';

/** A trading platform fetches a policy's document: sealed before bid opening, the PDF from then on (signed). */
export async function GET(request: Request, { params }: { params: Promise<{ policyNumber: string }> }) {
  return answerGuaranteeDocument(request, (await params).policyNumber);
}
