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
  if (!existsSync(path)) {
    throw new Error(
      configuredPath
        ? `The policy font POLICY_FONT_PATH=${path} does not exist.`
        : `The policy font ${path} does not exist: install fonts-noto-cjk, or set POLICY_FONT_PATH to a ` +
            'font file covering Simplified Chinese (and POLICY_FONT_FAMILY to its PostScript name if it is a collection).',
    );
  }
  const configuredFamily = env.POLICY_FONT_FAMILY?.trim() || undefined;
  const isCollection = /\.(ttc|otc)$/i.test(path);
  return { path, family: configuredFamily ?? (isCollection ? DEFAULT_POLICY_FONT_FAMILY : undefined) };
}
