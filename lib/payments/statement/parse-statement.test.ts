import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors/domain-error';
import { parseBeijingTime, parseStatement, parseYuanToFen } from './parse-statement';
import { MAX_STATEMENT_BYTES, MAX_STATEMENT_ROWS, statementTemplateCsv } from './statement-format';
import { readStatementRecords, type CsvRecord } from './statement-records';
import { encodeGbk } from './testing/encode-gbk';

const AT = new Date('2026-11-24T04:00:00Z');
const HEADER = '交易流水号,交易时间,金额（元）,付款人名称,付款人账号,付款人类型,附言';
const utf8 = (text: string) => new TextEncoder().encode(text);
const statement = (...rows: string[]) => utf8([HEADER, ...rows].join('\r\n'));
const ROW = 'T001,2026-11-24 10:05:33,1200.50,新疆天山建设工程有限公司,3002012309024567812,企业,投标保证保险 ABCD3467';

async function refusal(work: () => Promise<unknown>): Promise<DomainError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

async function parseCsv(text: string): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readStatementRecords(utf8(text), 'utf-8')) records.push(record);
  return records;
}

describe('CSV records (RFC 4180, csv-parse)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, numbering lines as the file has them', async () => {
    const records = await parseCsv('a,b,c\r\n"1,2","say ""hi""","two\nlines"\n\nx,,""\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1,2', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['x', '', ''] },
    ]);
  });

  it('keeps a quote inside an unquoted field and reads a last line without a line break', async () => {
    expect(await parseCsv('a,b"c\nd,e')).toEqual([
      { line: 1, fields: ['a', 'b"c'] },
      { line: 2, fields: ['d', 'e'] },
    ]);
  });

  it('refuses an unclosed quote, naming the line', async () => {
    expect((await refusal(() => parseCsv('a,b\n"open,c\n'))).message).toBe('第 2 行：引号没有闭合，文件无法读取');
  });

  it('reads text after a closing quote as spreadsheets do, keeping it in the field (the line\'s own checks then judge it)', async () => {
    // csv-parse with relax_quotes keeps the field as written; the hand-written parser refused the file.
    expect(await parseCsv('a,b\n"x"y,c\n')).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['"x"y', 'c'] }]);
  });

  it('ends records at CRLF, LF or CR, mixed in one file, and numbers lines across a chunk boundary', async () => {
    expect(await parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      { line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['c', 'd'] }, { line: 3, fields: ['e', 'f'] }, { line: 4, fields: ['g', 'h'] },
    ]);
    // 70,000 lines: the decoder is fed 64 KiB slices, and multi-byte characters fall across slice edges.
    const text = Array.from({ length: 70_000 }, (_, i) => `${i},新疆"${i}`).join('\n');
    const records = await parseCsv(text);
    expect(records).toHaveLength(70_000);
    expect(records[69_999]).toEqual({ line: 70_000, fields: ['69999', '新疆"69999'] });
    expect(records.every((r, i) => r.line === i + 1 && r.fields[1] === `新疆"${i}`)).toBe(true);
  });
});

describe('amounts and times', () => {
  it.each([
    ['1200.50', 120_050], ['0.01', 1], ['850.5', 85_050], ['1,200.00', 120_000], ['￥300', 30_000], ['12.300', 1230], ['0.29', 29],
  ])('reads %s yuan as %i fen exactly', (text, fen) => {
    expect(parseYuanToFen(text)).toEqual({ fen });
  });

  it.each([
    ['-100.00', '必须大于 0（收款流水不应有负数金额）'],
    ['0', '必须大于 0'],
    ['0.00', '必须大于 0'],
    ['12.345', '最多保留两位小数（精确到分）'],
    ['1.2e3', '格式不正确，应为以元为单位的数字，如 1200.50'],
    ['12,00.00', '格式不正确，应为以元为单位的数字，如 1200.50'],
    ['一百元', '格式不正确，应为以元为单位的数字，如 1200.50'],
    ['', '请填写金额'],
    ['12345678901.00', '数额过大'],
  ])('refuses %s', (text, error) => {
    expect(parseYuanToFen(text)).toEqual({ error });
  });

  it('reads Beijing wall-clock times, also as Excel saves them again', () => {
    expect(parseBeijingTime('2026-11-24 10:05:33')).toEqual({ at: new Date('2026-11-24T02:05:33Z') });
    expect(parseBeijingTime('2026/11/4 9:05')).toEqual({ at: new Date('2026-11-04T01:05:00Z') });
  });

  it.each(['2026-02-30 10:00:00', '2026-11-24 24:00:00', '24/11/2026 10:00:00', '2026-11-24', '2026-11-24T10:05:33+08:00'])('refuses the time %s', (text) => {
    expect('error' in parseBeijingTime(text)).toBe(true);
  });
});

describe('statement files', () => {
  it('reads a UTF-8 file with a BOM and the half-width bracket header', async () => {
    const bytes = utf8(`\uFEFF${HEADER.replace('（元）', '(元)')}\n${ROW}\n`);
    const { encoding, lines } = await parseStatement(bytes, AT);
    expect(encoding).toBe('utf-8');
    expect(lines).toEqual([
      {
        line: 2,
        cells: {
          transactionId: 'T001', bankTime: '2026-11-24 10:05:33', amount: '1200.50', payerName: '新疆天山建设工程有限公司',
          payerAccount: '3002012309024567812', payerKind: '企业', remark: '投标保证保险 ABCD3467',
        },
        transfer: {
          transactionId: 'T001', amountFen: 120_050, payerName: '新疆天山建设工程有限公司', payerAccount: '3002012309024567812',
          payerKind: 'enterprise', remark: '投标保证保险 ABCD3467', bankTime: new Date('2026-11-24T02:05:33Z'),
        },
        errors: [],
      },
    ]);
  });

  it('reads a GBK file as Chinese banks export it (as GB18030, its superset)', async () => {
    const { encoding, lines } = await parseStatement(encodeGbk(`${HEADER}\r\n${ROW.replace('新疆天山建设工程有限公司', '新疆昆仑路桥有限公司')}\r\n`), AT);
    expect(encoding).toBe('gb18030');
    expect(lines[0]!.transfer).toMatchObject({ payerName: '新疆昆仑路桥有限公司', remark: '投标保证保险 ABCD3467' });
  });

  it('reads columns in any order, ignores extra ones, and unwraps spreadsheet text like ="6222…"', async () => {
    const bytes = utf8([
      '附言,对方开户行,付款人类型,付款人账号,付款人名称,金额(元),交易时间,交易流水号',
      '"保费 WXYZ7699",中国银行,个人,="6222 0202 0011 2233 445",李明,"1,000.00",2026-11-24 09:00:00,T9',
    ].join('\n'));
    expect((await parseStatement(bytes, AT)).lines[0]!.transfer).toMatchObject({
      transactionId: 'T9', amountFen: 100_000, payerAccount: '6222020200112233445', payerKind: 'personal', remark: '保费 WXYZ7699',
    });
  });

  it('keeps each line\'s errors with the line, naming the column', async () => {
    const { lines } = await parseStatement(
      statement(
        ROW,
        'T002,2026-11-24 10:05,-5,张三,6222020200112233445,个人,',
        'T003,2026年11月24日,12.345,,6.22202E+18,合伙企业,',
        'T001,2026-11-24 10:05:33,1200.50,新疆天山建设工程有限公司,3002012309024567812,企业,',
        'T004,2027-11-24 10:05:33,1,张三,6222020200112233445,个人,',
        'T005,2026-11-24 10:05:33,1,200.00,张三,6222020200112233445,个人,',
      ),
      AT,
    );
    expect(lines.map((l) => [l.line, l.transfer !== null, l.errors])).toEqual([
      [2, true, []],
      [3, false, ['金额（元）：必须大于 0（收款流水不应有负数金额）']],
      [4, false, [
        '付款人名称：请填写付款户名',
        '付款人账号：账号被表格软件转成了科学计数法，请把该列设为“文本”后重新导出',
        '交易时间：格式应为 YYYY-MM-DD HH:mm:ss（北京时间），如 2026-11-24 10:05:33',
        '金额（元）：最多保留两位小数（精确到分）',
        '付款人类型：只能是“企业”或“个人”，不能是“合伙企业”',
      ]],
      [5, false, ['交易流水号：与第 2 行重复']],
      [6, false, ['交易时间：晚于当前时间，请检查年份和日期']],
      [7, false, ['该行有 8 列，表头有 7 列（内容含逗号时须用英文双引号括起来，如 "1,200.00"）']],
    ]);
  });

  it('refuses a file without a required column, naming what is missing', async () => {
    const error = await refusal(() => parseStatement(utf8('交易流水号,交易时间,金额（元）,付款人名称,付款人账号,附言\nT1,2026-11-24 10:00:00,1,张三,6222020200112233445,\n'), AT));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('第 1 行表头缺少列：付款人类型。表头应为：交易流水号,交易时间,金额（元）,付款人名称,付款人账号,付款人类型,附言');
  });

  it('refuses empty, header-only, oversized, too long, undecodable and UTF-16 files', async () => {
    expect((await refusal(() => parseStatement(new Uint8Array(), AT))).message).toBe('文件是空的');
    expect((await refusal(() => parseStatement(statement(), AT))).message).toBe('文件中没有交易记录');
    expect((await refusal(() => parseStatement(new Uint8Array(MAX_STATEMENT_BYTES + 1), AT))).message).toBe('文件超过 16 MB，请按日期分成几个文件分别导入');
    const many = Array.from({ length: MAX_STATEMENT_ROWS + 1 }, (_, i) => `T${i},2026-11-24 10:05:33,1,张三,6222020200112233445,个人,`);
    expect((await refusal(() => parseStatement(statement(...many), AT))).message).toBe('文件有 100001 笔交易，一次最多导入 100000 笔，请分成几个文件');
    expect((await refusal(() => parseStatement(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), AT))).message).toMatch(/UTF-16/);
    // Not UTF-8, and 0xFF is no GB18030 lead byte.
    const garbage = new Uint8Array([...utf8(`${HEADER}\n`), 0xff, 0x81, 0x2c, 0x0a]);
    expect((await refusal(() => parseStatement(garbage, AT))).message).toBe('无法识别文件编码，请保存为 UTF-8 或 GBK 编码的 CSV 文件');
  });

  it('reads GB18030 beyond GBK: four-byte sequences for characters GBK lacks', async () => {
    const iconv = (await import('iconv-lite')).default;
    // 𠀀 (U+20000) and € exist in GB18030 only as four-byte or extended codes.
    const bytes = iconv.encode(`${HEADER}\r\nT1,2026-11-24 10:05:33,1,𠀀建设有限公司,3002012309024567812,企业,附言€ ABCD3467\r\n`, 'gb18030');
    const { encoding, lines } = await parseStatement(bytes, AT);
    expect(encoding).toBe('gb18030');
    expect(lines[0]!.transfer).toMatchObject({ payerName: '𠀀建设有限公司', remark: '附言€ ABCD3467' });
  });

  it('offers a template that reads back without errors', async () => {
    const { lines } = await parseStatement(utf8(statementTemplateCsv()), AT);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.errors.length === 0)).toBe(true);
  });
});
