import type { NextRequest } from 'next/server';
import { bankSecret } from '@/lib/config/bank-secrets';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';
import { receiveBankNotification } from '@/lib/payments/receive-bank-notification';


/** A bank's signed notification of an incoming transfer (machines only; no session). */
export function POST(request: NextRequest) {
  return handleApi(async () => {
    const bankCode = request.headers.get('x-bank-code') ?? '';
    const body = await request.text();
    const result = await receiveBankNotification(await getDb(), {
      bankCode,
      secret: bankSecret(bankCode),
      timestamp: request.headers.get('x-bank-timestamp'),
      signature: request.headers.get('x-bank-signature'),
      body,
    });
    return Response.json(result);
  });
}
