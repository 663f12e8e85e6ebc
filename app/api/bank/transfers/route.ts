import type { NextRequest } from 'next/server';
import { bankSecret } from '@/lib/config/bank-secrets';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { readCappedBody } from '@/lib/http/read-capped-body';
import { MAX_NOTIFICATION_BYTES, receiveBankNotification } from '@/lib/payments/receive-bank-notification';

/** A bank's signed notification of an incoming transfer (machines only; no session). */
export function POST(request: NextRequest) {
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
