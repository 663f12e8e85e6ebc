import type { NextRequest } from 'next/server';
import { complianceReport, complianceReportCsv } from '@/lib/audit/compliance-report';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';

/** 合规报告 (CSV): GET /api/admin/compliance-report?from=…&to=…&region_id=… */
export function GET(request: NextRequest) {
  return handleApi(async () => {
    const query = Object.fromEntries(request.nextUrl.searchParams);
    const report = await complianceReport(await getDb(), await requireActor(), query);
    return new Response(complianceReportCsv(report), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="compliance-report.csv"' },
    });
  });
}
