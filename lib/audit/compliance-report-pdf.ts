import PDFDocument from 'pdfkit';
import { resolvePolicyFont } from '@/lib/policies/policy-font';
import { usePolicyFontFace } from '@/lib/policies/policy-font-face';
import { formatDateTime } from '@/lib/time/format';
import type { ComplianceReport } from './compliance-report';

const FONT = 'report';
// A4 landscape: the change table has seven columns of Chinese text.
const PAGE = { width: 841.89, height: 595.28 } as const;
const MARGIN = 40;
const BOTTOM = PAGE.height - 44;
const WIDTH = PAGE.width - 2 * MARGIN;
const PAD = 4;
const INK = '#1a1a1a';
const NAVY = '#1f3a5f';
const MUTED = '#5b6472';
const RULE = '#9aa7b8';
const HEAD_BACKGROUND = '#eef2f7';

type Column = { title: string; width: number };

const CHANGE_COLUMNS: Column[] = [
  { title: '时间', width: 78 },
  { title: '操作人', width: 118 },
  { title: '操作', width: 96 },
  { title: '对象', width: 112 },
  { title: '原因 / 审核意见', width: 150 },
  { title: '审核人', width: 62 },
  { title: '变更摘要', width: WIDTH - 616 },
];
const DECISION_COLUMNS: Column[] = [
  { title: '规则集', width: 160 },
  { title: '结果', width: WIDTH - 260 },
  { title: '次数', width: 100 },
];

function rowHeight(pdf: PDFKit.PDFDocument, columns: Column[], cells: string[]): number {
  return Math.max(...cells.map((text, i) => pdf.heightOfString(text || ' ', { width: columns[i]!.width - 2 * PAD }))) + 2 * PAD;
}

function drawRow(pdf: PDFKit.PDFDocument, columns: Column[], cells: string[], y: number, head: boolean): number {
  const height = rowHeight(pdf, columns, cells);
  let x = MARGIN;
  for (const [i, column] of columns.entries()) {
    if (head) pdf.rect(x, y, column.width, height).fill(HEAD_BACKGROUND);
    pdf.lineWidth(0.5).strokeColor(RULE).rect(x, y, column.width, height).stroke();
    pdf.fillColor(head ? NAVY : INK).text(cells[i] || '', x + PAD, y + PAD, { width: column.width - 2 * PAD });
    x += column.width;
  }
  return y + height;
}

/** A table that breaks across pages, repeating its head on each. */
function drawTable(pdf: PDFKit.PDFDocument, columns: Column[], rows: string[][], top: number): number {
  pdf.fontSize(8.5);
  const head = columns.map((c) => c.title);
  let y = drawRow(pdf, columns, head, top, true);
  for (const cells of rows) {
    if (y + rowHeight(pdf, columns, cells) > BOTTOM) {
      pdf.addPage();
      y = drawRow(pdf, columns, head, MARGIN, true);
    }
    y = drawRow(pdf, columns, cells, y, false);
  }
  return y;
}

function heading(pdf: PDFKit.PDFDocument, text: string, y: number): number {
  if (y + 60 > BOTTOM) {
    pdf.addPage();
    y = MARGIN;
  }
  pdf.fontSize(12).fillColor(NAVY).text(text, MARGIN, y);
  return y + 20;
}

function note(pdf: PDFKit.PDFDocument, text: string, y: number): number {
  pdf.fontSize(10).fillColor(MUTED).text(text, MARGIN, y, { width: WIDTH });
  return y + 22;
}

/**
 * 合规报告 as a PDF (A4 landscape, Chinese, the policy font embedded as a subset and shared per thread
 * like the policies'): the period and region, every rule and form change, and the decision statistics.
 */
export async function renderComplianceReportPdf(report: ComplianceReport, generatedAt: Date): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = new PDFDocument({
    font: null as unknown as string,
    size: [PAGE.width, PAGE.height],
    margins: { top: MARGIN, bottom: 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: '合规报告', Subject: '规则和表单变更及决策统计', Creator: '电子保函服务平台', CreationDate: generatedAt },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  usePolicyFontFace(pdf, FONT, resolvePolicyFont());

  const { period } = report;
  pdf.fontSize(18).fillColor(NAVY).text('合规报告', MARGIN, MARGIN, { width: WIDTH, align: 'center' });
  pdf.fontSize(10).fillColor(INK);
  pdf.text(`区域：${period.region_label}`, MARGIN, MARGIN + 32);
  pdf.text(`期间：${formatDateTime(period.from)} 至 ${formatDateTime(period.to)}（北京时间）`, MARGIN, MARGIN + 48);
  pdf.fillColor(MUTED).text(`生成时间：${formatDateTime(generatedAt)}`, MARGIN, MARGIN + 64);

  let y = heading(pdf, `一、规则和表单变更（共 ${report.changes.length} 条）`, MARGIN + 90);
  y = report.changes.length === 0
    ? note(pdf, '本期间内没有规则或表单变更。', y)
    : drawTable(pdf, CHANGE_COLUMNS, report.changes.map((c) => [
        formatDateTime(c.at), c.actor, c.action, `${c.subject || c.entity}${c.version === null ? '' : ` v${c.version}`}`, c.reason ?? '', c.approver ?? '', c.summary ?? '',
      ]), y) + 16;

  const total = report.decisions.reduce((sum, d) => sum + d.count, 0);
  y = heading(pdf, `二、决策统计（共 ${total} 次决策）`, y);
  if (report.decisions.length === 0) note(pdf, '本期间内没有规则决策。', y);
  else drawTable(pdf, DECISION_COLUMNS, report.decisions.map((d) => [d.rule_set, d.outcome, String(d.count)]), y);

  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    pdf.fontSize(8).fillColor(MUTED).text(`合规报告 · 第 ${index - start + 1} 页，共 ${count} 页`, MARGIN, PAGE.height - 30, { width: WIDTH, align: 'center', lineBreak: false });
  }
  pdf.end();
  return finished;
}
