import type { NextRequest } from 'next/server';
import { complianceReport } from '@/lib/audit/compliance-report';
import { requireActor } from '@/lib/auth/current-actor';
import { getDb } from '@/lib/database';
import { handleApi } from '@/lib/http/error-response';

/** The 合规报告 screen's figures: the same report as the CSV and PDF, as JSON. */
export function GET(request: NextRequest) {
  return handleApi(async () => Response.json(await complianceReport(await getDb(), await requireActor(), Object.fromEntries(request.nextUrl.searchParams))));
}
