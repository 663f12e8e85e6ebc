import type { QrBox } from './policy-qr-code';

/** A4 portrait in points; the policy is printed by bidders and filed with tender documents. */
export const PAGE = { width: 595.28, height: 841.89 } as const;

/** The printable column: about 2 cm each side, inside the double frame. */
export const CONTENT = { left: 56, right: 595.28 - 56, top: 48, bottom: 780 } as const;

/** The verification footer sits at the same place at the foot of the first page, whatever the content. */
export const FOOTER_TOP = 690;

/** Includes the QR code's white quiet zone, so the visible symbol is a little smaller and indented. */
export const POLICY_QR_BOX: QrBox = { x: 47.5, y: 697, size: 92 };

export const PAGE_LABEL_Y = 798;
