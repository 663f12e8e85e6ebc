import { answerBankNotification } from '@/lib/payments/answer-bank-notification';

/** A bank's signed notification of an incoming transfer (machines only; no session). */
export function POST(request: Request) {
  return answerBankNotification(request);
}
