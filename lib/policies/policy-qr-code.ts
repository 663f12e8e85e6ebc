import QRCode from 'qrcode';

/** The blank margin a scanner needs around the symbol, in modules (ISO/IEC 18004 asks for four). */
export const QR_QUIET_ZONE_MODULES = 4;

export type QrMatrix = { size: number; isDark(row: number, col: number): boolean };

export type QrBox = { x: number; y: number; size: number };

/**
 * The modules of the QR code for a text. Level M survives a smudged printout yet keeps a verification
 * URL at a size a phone reads from across a desk.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, col) => modules.get(row, col) === 1 };
}

/** Side of one module when a symbol of `size` modules and its quiet zone fill `box`. */
export function qrModuleSide(box: QrBox, size: number): number {
  return box.size / (size + 2 * QR_QUIET_ZONE_MODULES);
}

/**
 * Draws the symbol as vector squares: sharp at any zoom or printer resolution, a few hundred bytes, and
 * no image encoder whose output could vary between versions.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, matrix: QrMatrix, box: QrBox): void {
  const side = qrModuleSide(box, matrix.size);
  const originX = box.x + QR_QUIET_ZONE_MODULES * side;
  const originY = box.y + QR_QUIET_ZONE_MODULES * side;
  doc.save();
  doc.rect(box.x, box.y, box.size, box.size);
  doc.fill('#ffffff');
  for (let row = 0; row < matrix.size; row++) {
    // One rectangle per run of dark modules keeps the path short and leaves no seams inside a run.
    for (let col = 0; col < matrix.size; col++) {
      if (!matrix.isDark(row, col)) continue;
      let end = col;
      while (end + 1 < matrix.size && matrix.isDark(row, end + 1)) end++;
      doc.rect(originX + col * side, originY + row * side, (end - col + 1) * side, side);
      col = end;
    }
  }
  doc.fill('#000000');
  doc.restore();
}
