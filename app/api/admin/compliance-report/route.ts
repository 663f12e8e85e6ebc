import type { NextRequest } from 'next/server';
import { downloadComplianceReport } from '@/lib/audit/download-compliance-report';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { attachmentResponse } from '@/lib/http/attachment-response';
import { handleApi } from '@/lib/http/error-response';

/** 合规报告 (CSV or PDF): GET /api/admin/compliance-report?format=pdf&from=…&to=…&region_id=… */
export function GET(request: NextRequest) {
  return handleApi(async () => {
    const file = await downloadComplianceReport(await getDb(), await requireActor(), Object.fromEntries(request.nextUrl.searchParams));
    return attachmentResponse(file, file.contentType);
  });
}
