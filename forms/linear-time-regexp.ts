import type { RegExpEngine } from 'ajv/dist/types';
import { RE2JS } from 're2js';

/**
 * ajv's `code.regExp` engine for every validator of our forms (browser, server, save-time check):
 * RE2 matches in time linear in the input, so a `pattern` such as `^(a+)+$` cannot stall the server
 * or a bidder's tab however long the answer typed. JSON Schema's `pattern` is a search, not a full
 * match, hence `test` (find anywhere), not `matches`.
 *
 * RE2 has no lookaround and no backreferences; such a pattern throws here, and the save-time check
 * refuses it with an explanation ({@link explainUnsupportedPattern}).
 */
export const linearTimeRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
    // ajv caches compiled patterns by this text; it must tell two patterns apart.
    return { test: (input: string) => compiled.test(input), toString: () => `re2:/${pattern}/${flags}` };
  },
  { code: 'linearTimeRegExp' },
);

/** Why a pattern cannot be used in a form, in Chinese, or null when RE2 compiles it. */
export function explainUnsupportedPattern(pattern: string): string | null {
  try {
    RE2JS.compile(RE2JS.translateRegExp(pattern));
    return null;
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
    if (/\(\?[=!<]/.test(pattern) || /\\[1-9]/.test(pattern)) {
      return `正则表达式 ${JSON.stringify(pattern)} 不能使用：不支持前瞻/后顾断言与反向引用（这类写法可能让校验耗时成倍增长，拖垮服务），请改写（${detail}）`;
    }
    return `正则表达式 ${JSON.stringify(pattern)} 无效或不受支持（${detail}）`;
  }
}
