import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors/domain-error';
import { parseCsv } from './parse-csv';
import { parseBeijingTime, parseStatement, parseYuanToFen } from './parse-statement';
import { MAX_STATEMENT_ROWS, statementTemplateCsv } from './statement-format';
import { encodeGbk } from './testing/encode-gbk';

const AT = new Date('2026-11-24T04:00:00Z');
const HEADER = '交易流水号,交易时间,金额（元）,付款人名称,付款人账号,付款人类型,附言';
const utf8 = (text: string) => new TextEncoder().encode(text);
const statement = (...rows: string[]) => utf8([HEADER, ...rows].join('\r\n'));
const ROW = 'T001,2026-11-24 10:05:33,1200.50,新疆天山建设工程有限公司,3002012309024567812,企业,投标保证保险 ABCD3467';

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('CSV records (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, numbering lines as the file has them', () => {
    const records = parseCsv('a,b,c\r\n"1,2","say ""hi""","two\nlines"\n\nx,,""\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1,2', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['x', '', ''] },
    ]);
  });

  it('keeps a quote inside an unquoted field and reads a last line without a line break', () => {
    expect(parseCsv('a,b"c\nd,e')).toEqual([
      { line: 1, fields: ['a', 'b"c'] },
      { line: 2, fields: ['d', 'e'] },
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
    expect(refusal(() => parseCsv('a,b\n"open,c\n')).message).toBe('第 2 行：引号没有闭合，文件无法读取');
    expect(refusal(() => parseCsv('a,b\n"x"y,c\n')).message).toBe('第 2 行：引号后还有多余的字符，文件无法读取');
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
  it('reads a UTF-8 file with a BOM and the half-width bracket header', () => {
    const bytes = utf8(`\uFEFF${HEADER.replace('（元）', '(元)')}\n${ROW}\n`);
    const { encoding, lines } = parseStatement(bytes, AT);
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

  it('reads a GBK file as Chinese banks export it', () => {
    const { encoding, lines } = parseStatement(encodeGbk(`${HEADER}\r\n${ROW.replace('新疆天山建设工程有限公司', '新疆昆仑路桥有限公司')}\r\n`), AT);
    expect(encoding).toBe('gbk');
    expect(lines[0]!.transfer).toMatchObject({ payerName: '新疆昆仑路桥有限公司', remark: '投标保证保险 ABCD3467' });
  });

  it('reads columns in any order, ignores extra ones, and unwraps spreadsheet text like ="6222…"', () => {
    const bytes = utf8([
      '附言,对方开户行,付款人类型,付款人账号,付款人名称,金额(元),交易时间,交易流水号',
      '"保费 WXYZ7699",中国银行,个人,="6222 0202 0011 2233 445",李明,"1,000.00",2026-11-24 09:00:00,T9',
    ].join('\n'));
    expect(parseStatement(bytes, AT).lines[0]!.transfer).toMatchObject({
      transactionId: 'T9', amountFen: 100_000, payerAccount: '6222020200112233445', payerKind: 'personal', remark: '保费 WXYZ7699',
    });
  });

  it('keeps each line\'s errors with the line, naming the column', () => {
    const { lines } = parseStatement(
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

  it('refuses a file without a required column, naming what is missing', () => {
    const error = refusal(() => parseStatement(utf8('交易流水号,交易时间,金额（元）,付款人名称,付款人账号,附言\nT1,2026-11-24 10:00:00,1,张三,6222020200112233445,\n'), AT));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('第 1 行表头缺少列：付款人类型。表头应为：交易流水号,交易时间,金额（元）,付款人名称,付款人账号,付款人类型,附言');
  });

  it('refuses empty, header-only, oversized, too long and UTF-16 files', () => {
    expect(refusal(() => parseStatement(new Uint8Array(), AT)).message).toBe('文件是空的');
    expect(refusal(() => parseStatement(statement(), AT)).message).toBe('文件中没有交易记录');
    expect(refusal(() => parseStatement(new Uint8Array(1024 * 1024 + 1), AT)).message).toBe('文件超过 1 MB，请按日期分成几个文件分别导入');
    const many = Array.from({ length: MAX_STATEMENT_ROWS + 1 }, (_, i) => ROW.replace('T001', `T${i}`));
    expect(refusal(() => parseStatement(statement(...many), AT)).message).toBe('文件有 5001 笔交易，一次最多导入 5000 笔，请分成几个文件');
    expect(refusal(() => parseStatement(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), AT)).message).toMatch(/UTF-16/);
  });

  it('offers a template that reads back without errors', () => {
    const { lines } = parseStatement(utf8(statementTemplateCsv()), AT);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.errors.length === 0)).toBe(true);
  });
});
