import type { NextRequest } from 'next/server';
import { handleApi } from '@/lib/http/error-response';
import { readJsonBody } from '@/lib/http/read-json-body';
import { setTestRendererPaused } from '@/lib/policies/document-jobs/test-renderer-control';

/** Browser tests only (E2E_CLOCK_CONTROL token, embedded database): hold policy rendering back or let it go. */
export function POST(request: NextRequest) {
  return handleApi(async () => Response.json(setTestRendererPaused(request.headers.get('x-test-clock-token'), await readJsonBody(request))));
}
