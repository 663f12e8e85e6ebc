import { describe, expect, it } from 'vitest';
import { formatFenUppercase } from './format-fen-uppercase';

describe('formatFenUppercase', () => {
  it.each([
    // The examples of 《支付结算办法》's rules for writing amounts.
    [140950, '壹仟肆佰零玖元伍角'],
    [600714, '陆仟零柒元壹角肆分'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [1600, '壹拾陆元整'],
  ])('follows the payment rules: %i fen → %s', (fen, text) => {
    expect(formatFenUppercase(fen)).toBe(text);
  });

  it.each([
    [0, '零元整'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [100000, '壹仟元整'],
    [1234567, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [500000000, '伍佰万元整'],
  ])('exact and mixed yuan: %i fen → %s', (fen, text) => {
    expect(formatFenUppercase(fen)).toBe(text);
  });

  it.each([
    [50, '伍角'],
    [5, '伍分'],
    [55, '伍角伍分'],
    [105, '壹元零伍分'],
    [150, '壹元伍角'],
    [10050, '壹佰元零伍角'],
    [100010, '壹仟元零壹角'],
    [100001, '壹仟元零壹分'],
    [2010, '贰拾元零壹角'],
  ])('角 and 分: %i fen → %s', (fen, text) => {
    expect(formatFenUppercase(fen)).toBe(text);
  });

  it.each([
    [1000000, '壹万元整'],
    [1000100, '壹万零壹元整'],
    [100050000, '壹佰万零伍佰元整'],
    [1010000000, '壹仟零壹拾万元整'],
    [10000000000, '壹亿元整'],
    [10000123400, '壹亿零壹仟贰佰叁拾肆元整'],
    [10001000000, '壹亿零壹万元整'],
    [11000000000, '壹亿壹仟万元整'],
    [100000000000000, '壹万亿元整'],
    [100000001000000, '壹万亿零壹万元整'],
    [Number.MAX_SAFE_INTEGER, '玖拾万亿零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('万 and 亿 boundaries: %i fen → %s', (fen, text) => {
    expect(formatFenUppercase(fen)).toBe(text);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %s', (fen) => {
    expect(() => formatFenUppercase(fen)).toThrow(RangeError);
  });
});
