import type { NextRequest } from 'next/server';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { setTestClock } from '@/lib/time/test-clock-control';

/** Browser tests only (E2E_CLOCK_CONTROL token, embedded database): move the server's clock. */
export function POST(request: NextRequest) {
  return handleApi(async () => Response.json(setTestClock(request.headers.get('x-test-clock-token'), await readJsonBody(request))));
}
