import { existsSync } from 'node:fs';

/** Debian's fonts-noto-cjk; the CI image and the README's browser setup install it. */
export const DEFAULT_POLICY_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The Simplified Chinese face inside the Noto CJK collection. */
export const DEFAULT_POLICY_FONT_FAMILY = 'NotoSansCJKsc-Regular';

export type PolicyFont = {
  path: string;
  /** PostScript name of the face to take from a collection (.ttc/.otc); a single-face file needs none. */
  family: string | undefined;
};

/**
 * The font a policy is printed in: it must cover Chinese and is embedded (subset) in every PDF, so it is a
 * file on the server, chosen by POLICY_FONT_PATH and POLICY_FONT_FAMILY where the default is not installed.
 */
export function resolvePolicyFont(env: Record<string, string | undefined> = process.env): PolicyFont {
  const configuredPath = env.POLICY_FONT_PATH?.trim() || undefined;
  const path = configuredPath ?? DEFAULT_POLICY_FONT_PATH;
  // A run-time location, not a source file: keep the bundler from tracing the whole project for it.
  if (!existsSync(/*turbopackIgnore: true*/ path)) {
    throw new Error(
      configuredPath
        ? `保单字体文件不存在：POLICY_FONT_PATH=${path}`
        : `保单字体文件 ${path} 不存在：请安装 fonts-noto-cjk，或用 POLICY_FONT_PATH 指定支持简体中文的字体文件` +
            '（字体集合还须用 POLICY_FONT_FAMILY 指定字体的 PostScript 名称）。',
    );
  }
  const configuredFamily = env.POLICY_FONT_FAMILY?.trim() || undefined;
  const isCollection = /\.(ttc|otc)$/i.test(path);
  return { path, family: configuredFamily ?? (isCollection ? DEFAULT_POLICY_FONT_FAMILY : undefined) };
}
