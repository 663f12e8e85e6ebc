import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_FONT_FAMILY, DEFAULT_POLICY_FONT_PATH, resolvePolicyFont } from './policy-font';

describe('resolvePolicyFont', () => {
  it('takes the Simplified Chinese face of the Noto CJK collection by default', () => {
    expect(resolvePolicyFont({})).toEqual({ path: DEFAULT_POLICY_FONT_PATH, family: DEFAULT_POLICY_FONT_FAMILY });
  });

  it('uses the configured file and face', () => {
    expect(resolvePolicyFont({ POLICY_FONT_PATH: DEFAULT_POLICY_FONT_PATH, POLICY_FONT_FAMILY: 'NotoSansCJKtc-Regular' })).toEqual({
      path: DEFAULT_POLICY_FONT_PATH,
      family: 'NotoSansCJKtc-Regular',
    });
  });

  it('names the variable to set when the configured file is missing', () => {
    expect(() => resolvePolicyFont({ POLICY_FONT_PATH: '/nonexistent/font.ttf' })).toThrow(
      /保单字体文件不存在：POLICY_FONT_PATH=\/nonexistent\/font\.ttf/,
    );
  });
});
