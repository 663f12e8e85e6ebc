import PDFDocument from 'pdfkit';
import { formatFen } from '@/lib/money/format-fen';
import { formatFenUppercase } from '@/lib/money/format-fen-uppercase';
import { formatChineseDate, formatChineseDateTime } from '@/lib/time/format-chinese-date';
import type { PolicyDocument } from './policy-document';
import { resolvePolicyFont } from './policy-font';
import { usePolicyFontFace } from './policy-font-face';
import { CONTENT, FOOTER_TOP, PAGE, PAGE_LABEL_Y, POLICY_QR_BOX } from './policy-page-layout';
import { drawQrCode, qrMatrix } from './policy-qr-code';

const NAVY = '#1f3a5f';
const INK = '#1a1a1a';
const MUTED = '#5b6472';
const RULE = '#9aa7b8';
const LABEL_BACKGROUND = '#eef2f7';

const FONT = 'policy';
const CONTENT_WIDTH = CONTENT.right - CONTENT.left;
const LABEL_WIDTH = 138;
const PAIRED_VALUE_WIDTH = 150;
const PAIRED_LABEL_WIDTH = 72;
const CELL_PADDING_X = 9;
const CELL_PADDING_Y = 4.5;
const LABEL_SIZE = 10;
const VALUE_SIZE = 10.5;

type Cell = { label: string; value: string };
/** A row holds one field across the page, or two short ones side by side. */
type Row = [Cell] | [Cell, Cell];

function amountWithUppercase(fen: number): string {
  return `${formatFen(fen)}（大写：人民币${formatFenUppercase(fen)}）`;
}

function policyRows(doc: PolicyDocument): Row[] {
  return [
    [
      { label: '保单号', value: doc.policyNumber },
      { label: '验证码', value: doc.verificationCode },
    ],
    [
      { label: '订单号', value: doc.orderNumber },
      { label: '签发日期', value: formatChineseDate(doc.issuedAt) },
    ],
    [{ label: '被保险人（招标人）', value: doc.insured }],
    [{ label: '投保人', value: doc.applicant.name }],
    [{ label: '统一社会信用代码', value: doc.applicant.uscc }],
    [{ label: '项目名称', value: doc.project.name }],
    [{ label: '项目编号', value: doc.project.code }],
    [{ label: '标段', value: doc.sectionName }],
    [{ label: '保险金额（投标保证金）', value: amountWithUppercase(doc.guaranteeAmountFen) }],
    [{ label: '保费', value: amountWithUppercase(doc.premiumFen) }],
    [{ label: '保险人', value: doc.insurerName }],
    [{ label: '产品', value: doc.productName }],
    [
      {
        label: '保险期间',
        value: `自 ${formatChineseDateTime(doc.periodStart)} 起至 ${formatChineseDateTime(doc.periodEnd)} 止（北京时间）`,
      },
    ],
  ];
}

const PREAMBLE = '投保人已投保投标保证保险并缴纳保险费，保险人依照本保单的约定承担保险责任，特立此保单为凭。';

const CLAUSES: { heading: string; paragraphs: string[] }[] = [
  {
    heading: '一、保险责任',
    paragraphs: [
      '在保险期间内，投保人在投标有效期内撤回投标文件，或中标后无正当理由不与招标人签订合同，或未按招标文件要求提交履约担保，' +
        '被保险人依据招标文件有权没收投标保证金的，保险人按照本保单的约定，在保险金额内向被保险人承担赔偿责任。',
    ],
  },
  {
    heading: '二、特别约定',
    paragraphs: [
      '1. 本保单为电子保单，与纸质保单具有同等法律效力。',
      '2. 本保单的真实性及有效状态以电子保函服务平台的验证结果为准。',
      '3. 本保单未尽事宜，以保险人的保险条款及招标文件为准。',
    ],
  },
];

/**
 * Moves to a new page when a block of `height` would run past the printable column, which on the first
 * page stops above the verification footer: whoever holds page one can always check the policy.
 */
function reserve(pdf: PDFKit.PDFDocument, y: number, height: number): number {
  const onFirstPage = pdf.bufferedPageRange().count === 1;
  if (y + height <= (onFirstPage ? FOOTER_TOP - 10 : CONTENT.bottom)) return y;
  pdf.addPage();
  return CONTENT.top;
}

function drawFrame(pdf: PDFKit.PDFDocument): void {
  pdf.save();
  pdf.lineWidth(1.4).rect(24, 24, PAGE.width - 48, PAGE.height - 48).stroke(NAVY);
  pdf.lineWidth(0.5).rect(29, 29, PAGE.width - 58, PAGE.height - 58).stroke(NAVY);
  pdf.restore();
}

/** The platform's logo (public/logo.svg: a shield with a tick) drawn as vector paths, `size` points square. */
function drawLogo(pdf: PDFKit.PDFDocument, x: number, y: number, size: number): void {
  pdf.save().translate(x, y).scale(size / 64);
  pdf.path('M32 4 L56 12 V30 C56 45 46 55 32 60 C18 55 8 45 8 30 V12 Z').fill(NAVY);
  pdf.path('M20 32 L29 41 L45 24').lineWidth(6).lineCap('round').lineJoin('round').stroke('#ffffff');
  pdf.restore();
}

function drawTitle(pdf: PDFKit.PDFDocument): number {
  let y = CONTENT.top;
  drawLogo(pdf, CONTENT.left, y - 4, 40);
  // The one font has no bold face; a thin outline in the text's own colour makes the title read as bold.
  pdf.save().lineWidth(0.6).strokeColor(NAVY).fillColor(NAVY).fontSize(22);
  // pdfkit counts the spacing after the last character too; shifting by half of it re-centres the title.
  pdf.text('投标保证保险保单', CONTENT.left + 1.5, y, {
    width: CONTENT_WIDTH,
    align: 'center',
    characterSpacing: 3,
    fill: true,
    stroke: true,
  });
  pdf.restore();
  y += 34;
  pdf.fillColor(MUTED).fontSize(11).text('电子投标保函', CONTENT.left + 3, y, {
    width: CONTENT_WIDTH,
    align: 'center',
    characterSpacing: 6,
  });
  y += 24;
  pdf.save().lineWidth(1.2).moveTo(CONTENT.left, y).lineTo(CONTENT.right, y).stroke(NAVY).restore();
  y += 12;
  pdf.fillColor(INK).fontSize(10);
  const preambleOptions = { width: CONTENT_WIDTH, lineGap: 3 };
  pdf.text(PREAMBLE, CONTENT.left, y, preambleOptions);
  return y + pdf.heightOfString(PREAMBLE, preambleOptions) + 8;
}

type Column = { x: number; width: number; isLabel: boolean };

/** Label, value (, label, value) columns of a row, the value columns taking what the labels leave. */
function rowColumns(row: Row): Column[] {
  const left = CONTENT.left;
  if (row.length === 1) {
    return [
      { x: left, width: LABEL_WIDTH, isLabel: true },
      { x: left + LABEL_WIDTH, width: CONTENT_WIDTH - LABEL_WIDTH, isLabel: false },
    ];
  }
  const secondLabelX = left + LABEL_WIDTH + PAIRED_VALUE_WIDTH;
  return [
    { x: left, width: LABEL_WIDTH, isLabel: true },
    { x: left + LABEL_WIDTH, width: PAIRED_VALUE_WIDTH, isLabel: false },
    { x: secondLabelX, width: PAIRED_LABEL_WIDTH, isLabel: true },
    { x: secondLabelX + PAIRED_LABEL_WIDTH, width: CONTENT.right - secondLabelX - PAIRED_LABEL_WIDTH, isLabel: false },
  ];
}

function cellTextOptions(column: Column) {
  return { width: column.width - 2 * CELL_PADDING_X, lineGap: 0 };
}

function drawTable(pdf: PDFKit.PDFDocument, rows: Row[], top: number): number {
  let y = top;
  for (const row of rows) {
    const columns = rowColumns(row);
    const texts = row.flatMap((cell) => [cell.label, cell.value]);
    const height =
      Math.max(
        ...columns.map((column, index) =>
          pdf.fontSize(column.isLabel ? LABEL_SIZE : VALUE_SIZE).heightOfString(texts[index]!, cellTextOptions(column)),
        ),
      ) +
      2 * CELL_PADDING_Y;
    y = reserve(pdf, y, height);

    pdf.save().lineWidth(0.6).strokeColor(RULE);
    for (const column of columns) {
      if (column.isLabel) pdf.rect(column.x, y, column.width, height).fill(LABEL_BACKGROUND);
    }
    for (const column of columns) pdf.rect(column.x, y, column.width, height).stroke();
    pdf.restore();

    columns.forEach((column, index) => {
      pdf.fillColor(column.isLabel ? MUTED : INK).fontSize(column.isLabel ? LABEL_SIZE : VALUE_SIZE);
      pdf.text(texts[index]!, column.x + CELL_PADDING_X, y + CELL_PADDING_Y, cellTextOptions(column));
    });
    y += height;
  }
  return y;
}

function drawClauses(pdf: PDFKit.PDFDocument, top: number): void {
  const options = { width: CONTENT_WIDTH, lineGap: 2.5 };
  let y = top;
  for (const clause of CLAUSES) {
    y = reserve(pdf, y, 40);
    pdf.fillColor(NAVY).fontSize(11).text(clause.heading, CONTENT.left, y, { width: CONTENT_WIDTH });
    y += 19;
    pdf.fillColor(INK).fontSize(9.5);
    for (const paragraph of clause.paragraphs) {
      const height = pdf.heightOfString(paragraph, options);
      y = reserve(pdf, y, height);
      pdf.text(paragraph, CONTENT.left, y, options);
      y += height + 1;
    }
    y += 8;
  }
}

function drawVerificationFooter(pdf: PDFKit.PDFDocument, doc: PolicyDocument): void {
  pdf.save().lineWidth(0.6).dash(3, { space: 2 }).moveTo(CONTENT.left, FOOTER_TOP).lineTo(CONTENT.right, FOOTER_TOP);
  pdf.stroke(RULE).undash().restore();

  drawQrCode(pdf, qrMatrix(doc.verifyUrl), POLICY_QR_BOX);

  const x = POLICY_QR_BOX.x + POLICY_QR_BOX.size + 8;
  const width = CONTENT.right - x;
  let y = POLICY_QR_BOX.y + 16;
  pdf.fillColor(INK).fontSize(10.5).text('扫码或访问以下地址验证保单真伪', x, y, { width });
  y += 20;
  const urlOptions = { width, lineGap: 1 };
  pdf.fillColor(NAVY).fontSize(9.5).text(doc.verifyUrl, x, y, urlOptions);
  y += pdf.heightOfString(doc.verifyUrl, urlOptions) + 8;
  pdf.fillColor(MUTED).fontSize(9).text(`查验时请核对保单号 ${doc.policyNumber} 及验证码 ${doc.verificationCode}。`, x, y, { width });
}

function drawPageLabels(pdf: PDFKit.PDFDocument, doc: PolicyDocument): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    drawFrame(pdf);
    const label = `保单号 ${doc.policyNumber}　　第 ${index - start + 1} 页 / 共 ${count} 页`;
    pdf.fillColor(MUTED).fontSize(8).text(label, CONTENT.left, PAGE_LABEL_Y, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
  }
}

/**
 * The policy (保单) as an A4 PDF, with the font embedded as a subset so it prints the same everywhere.
 * Identical input gives identical bytes: the creation date is the issue date and pdfkit derives the
 * file id from the document info, not from a random source.
 */
export async function renderPolicyPdf(doc: PolicyDocument, options: { shareFont?: boolean } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const font = resolvePolicyFont();
  const pdf = new PDFDocument({
    // No default font: pdfkit would parse Helvetica's metrics for every document, and a policy never uses it.
    font: null as unknown as string,
    size: [PAGE.width, PAGE.height],
    // Every position is placed by hand; margins this small keep pdfkit from breaking pages on its own.
    margins: { top: 20, bottom: 10, left: CONTENT.left, right: PAGE.width - CONTENT.right },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `投标保证保险保单 ${doc.policyNumber}`,
      Subject: '电子投标保函',
      Author: doc.insurerName,
      Creator: '电子保函服务平台',
      CreationDate: doc.issuedAt,
    },
  });

  const chunks: Buffer[] = [];
  const finished = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });

  try {
    usePolicyFontFace(pdf, FONT, font, { share: options.shareFont });
  } catch (cause) {
    throw new Error(
      `无法使用 ${font.path}${font.family ? `（字体 ${font.family}）` : ''} 作为保单字体：` +
        '请用 POLICY_FONT_PATH 指定支持简体中文的字体文件，字体集合还须用 POLICY_FONT_FAMILY 指定其中的字体。',
      { cause },
    );
  }

  let y = drawTitle(pdf);
  y = drawTable(pdf, policyRows(doc), y);
  drawClauses(pdf, y + 14);
  drawPageLabels(pdf, doc);
  pdf.switchToPage(pdf.bufferedPageRange().start);
  drawVerificationFooter(pdf, doc);

  pdf.end();
  return finished;
}
