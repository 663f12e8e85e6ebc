import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { now } from '@/lib/time/clock';
import { beijingParts } from '@/lib/time/format';
import { parseInput } from '@/lib/validation/parse-input';
import { complianceReport, complianceReportCsv } from './compliance-report';
import { renderComplianceReportPdf } from './compliance-report-pdf';

const formatSchema = z.object({ format: z.enum(['csv', 'pdf'], { error: '报告格式只能是 CSV 或 PDF' }).default('csv') });

/** GET /api/admin/compliance-report?format=csv|pdf&from=…&to=…&region_id=…: the 合规报告 as a file. */
export async function downloadComplianceReport(db: Kysely<Database>, actor: Actor, raw: Record<string, string>): Promise<{ fileName: string; content: Uint8Array; contentType: string }> {
  const { format } = parseInput(formatSchema, raw);
  const report = await complianceReport(db, actor, raw);
  // The period is chosen in Beijing time; so is the file's name (00:00 Beijing is still the day before in UTC).
  const day = (d: Date) => {
    const { year, month, day } = beijingParts(d);
    return `${year}-${month}-${day}`;
  };
  const fileName = `合规报告-${report.period.region_id ?? '全部区域'}-${day(report.period.from)}至${day(report.period.to)}.${format}`;
  if (format === 'pdf') return { fileName, content: await renderComplianceReportPdf(report, now()), contentType: 'application/pdf' };
  return { fileName, content: new TextEncoder().encode(complianceReportCsv(report)), contentType: 'text/csv; charset=utf-8' };
}
