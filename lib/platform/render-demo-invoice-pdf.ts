import PDFDocument from 'pdfkit';
import { formatFen } from '@/lib/money/format-fen';
import { resolvePolicyFont } from '@/lib/policies/policy-font';
import { usePolicyFontFace } from '@/lib/policies/policy-font-face';
import { formatChineseDate } from '@/lib/time/format-chinese-date';

export interface DemoInvoice {
  invoiceNumber: string;
  issuedAt: Date;
  buyerName: string;
  buyerTaxNumber: string;
  sellerName: string;
  item: string;
  amountFen: number;
}

/**
 * The electronic invoice an operator would upload from the tax system, for the demo's one issued invoice:
 * a one-page PDF marked 演示 (it is no real invoice), in the policy's font so the Chinese prints.
 */
export async function renderDemoInvoicePdf(invoice: DemoInvoice): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    font: null as unknown as string,
    size: 'A5',
    layout: 'landscape',
    margin: 36,
    lang: 'zh-CN',
    info: { Title: `电子发票（演示）${invoice.invoiceNumber}`, Creator: '电子保函服务平台（演示数据）', CreationDate: invoice.issuedAt },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  usePolicyFontFace(pdf, 'invoice', resolvePolicyFont());
  pdf.fillColor('#8b1a1a').fontSize(18).text('电子发票（普通发票）', { align: 'center' });
  pdf.fontSize(10).fillColor('#5b6472').text('演示数据，非真实发票', { align: 'center' }).moveDown(1.2);
  const lines: [string, string][] = [
    ['发票号码', invoice.invoiceNumber],
    ['开票日期', formatChineseDate(invoice.issuedAt)],
    ['购买方名称', invoice.buyerName],
    ['纳税人识别号', invoice.buyerTaxNumber],
    ['项目名称', invoice.item],
    ['价税合计', formatFen(invoice.amountFen)],
    ['销售方名称', invoice.sellerName],
  ];
  pdf.fillColor('#1a1a1a').fontSize(11);
  for (const [label, value] of lines) pdf.text(`${label}：${value}`).moveDown(0.4);
  pdf.end();
  return finished;
}
