import { bankSecret } from '@/lib/config/bank-secrets';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readCappedBody } from '@/lib/http/read-capped-body';
import { MAX_NOTIFICATION_BYTES, receiveBankNotification } from './receive-bank-notification';

/** The path banks post their signed notifications to (machines only; no session). */
export const BANK_WEBHOOK_PATH = '/api/bank/transfers';

/**
 * The answer to a bank's POST of a notification: the route (app/api/bank/transfers) and the production
 * server's own path for it (scripts/app-process.ts under npm start, which skips Next's router under a rush) both call this.
 */
export function answerBankNotification(request: Request): Promise<Response> {
  return handleApi(async () => {
    const bankCode = request.headers.get('x-bank-code') ?? '';
    const bytes = await readCappedBody(request, MAX_NOTIFICATION_BYTES, '通知内容过大');
    const result = await receiveBankNotification(await getDb(), {
      bankCode,
      secret: bankSecret(bankCode),
      timestamp: request.headers.get('x-bank-timestamp'),
      signature: request.headers.get('x-bank-signature'),
      body: new TextDecoder().decode(bytes),
    });
    return Response.json(result);
  });
}
