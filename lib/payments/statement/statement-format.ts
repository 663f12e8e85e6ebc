/**
 * The bank-statement file operators import (银行流水 CSV). One documented format for every bank, so
 * operators convert a bank's export once in a spreadsheet rather than the platform guessing layouts:
 *
 * - UTF-8 (with or without BOM) or GBK/GB18030, the encodings Chinese banks and Excel on Chinese Windows write;
 * - RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes, `""` for a quote;
 * - a header row naming the columns below, in any order (其他列忽略); full-width and half-width
 *   brackets are the same (`金额（元）` = `金额(元)`);
 * - 交易时间 as `YYYY-MM-DD HH:mm:ss`, Beijing time; 金额（元） in yuan with at most two decimals
 *   (thousands separators allowed), greater than zero; 付款人类型 `企业` or `个人` (`对公`/`对私` accepted).
 *
 * This module holds no server code: the back office uses it for the template it offers for download.
 */
export const STATEMENT_COLUMNS = {
  transactionId: '交易流水号',
  bankTime: '交易时间',
  amount: '金额（元）',
  payerName: '付款人名称',
  payerAccount: '付款人账号',
  payerKind: '付款人类型',
  remark: '附言',
} as const;

export type StatementColumn = keyof typeof STATEMENT_COLUMNS;

export const STATEMENT_PAYER_KINDS: Record<string, 'enterprise' | 'personal'> = {
  企业: 'enterprise',
  对公: 'enterprise',
  个人: 'personal',
  对私: 'personal',
};

export const STATEMENT_PAYER_KIND_LABELS = { enterprise: '企业', personal: '个人' } as const;

/**
 * A year of a busy receiving account in one file. A line is 110–150 bytes (Chinese names are 3 bytes a
 * character in UTF-8, 2 in GBK), so 100,000 lines fit in 16 MB with room for long remarks. The bytes are
 * what stays in memory (the upload, then the stored file the job streams from); the parsed lines never
 * are all at once. At the measured import speed (README) 100,000 lines take about a minute; a longer
 * statement is imported in parts.
 */
export const MAX_STATEMENT_BYTES = 16 * 1024 * 1024;
export const MAX_STATEMENT_ROWS = 100_000;

/** The template offered for download: the header and two example lines, UTF-8 with a BOM so Excel reads it. */
export function statementTemplateCsv(): string {
  const header = Object.values(STATEMENT_COLUMNS).join(',');
  const examples = [
    'ICBC202611240001,2026-11-24 10:05:33,"1,200.00",新疆天山建设工程有限公司,3002012309024567812,企业,投标保证保险 FTGH7K3M',
    'ICBC202611240002,2026-11-24 11:20:00,850.5,李明,6222020200112233445,个人,保费 QRTU4679',
  ];
  return `\uFEFF${[header, ...examples].join('\r\n')}\r\n`;
}
