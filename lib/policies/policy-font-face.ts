import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import type { PolicyFont } from './policy-font';
import { installRestructureSpeedups } from './restructure-speedups';

/**
 * The policy font parsed once per process and shared by every document, instead of pdfkit's way of
 * reading and parsing the whole 19 MB Noto CJK collection for each one. Measured before this
 * (bench:policy): about 115 ms a policy, of which about 40 % was opening the font, about 30 % writing the
 * subset's 42,000 empty local subroutines one by one, the rest layout (OpenType shaping of the same
 * clauses again) and parsing pdfkit's default Helvetica metrics, which a policy never uses.
 *
 * pdfkit has no public way to hand it a parsed font, so this reaches into three of its internals, each
 * checked by render-policy-pdf.test.ts, which renders with and without this sharing and requires the
 * same bytes: the document's font table (`_fontFamilies`, `_fontCount`), its EmbeddedFont class (taken
 * from the first document's font) and its per-font layout cache; and fontkit's CFF subset's
 * `subsetSubrs`, replaced by one that visits only the subroutines used.
 */

/** pdfkit's EmbeddedFont, as far as this module uses it. */
type EmbeddedFont = { font: FontkitFont; layoutCache?: Record<string, unknown> };
type EmbeddedFontClass = new (document: PDFKit.PDFDocument, font: FontkitFont, id: string) => EmbeddedFont;
type FontkitFont = { createSubset(): unknown };
/** pdfkit's document internals touched here. */
type DocumentFonts = { _font: EmbeddedFont; _fontFamilies: Record<string, EmbeddedFont>; _fontCount: number };

type SharedFace = { EmbeddedFont: EmbeddedFontClass; font: FontkitFont; layoutCache: Record<string, unknown>; documents: number };

/**
 * Layouts are cached by word, and names and numbers differ per policy (a few dozen new words each), so
 * the cache starts afresh after this many documents to stay a few megabytes at most.
 */
const DOCUMENTS_PER_LAYOUT_CACHE = 1_000;

const faces = new Map<string, SharedFace>();

/**
 * Makes `name` the document's current font: the font at `font.path` (the `font.family` face of a
 * collection). With `share: false` it is pdfkit's own way, a fresh parse (the reference the tests
 * compare with).
 */
export function usePolicyFontFace(pdf: PDFKit.PDFDocument, name: string, font: PolicyFont, options: { share?: boolean } = {}): void {
  if (options.share === false) {
    pdf.registerFont(name, font.path, font.family);
    pdf.font(name);
    return;
  }
  installRestructureSpeedups();
  const key = `${font.path}\u0000${font.family ?? ''}`;
  const internals = pdf as unknown as DocumentFonts;
  const shared = faces.get(key);
  if (shared) {
    const embedded = new shared.EmbeddedFont(pdf, shared.font, `F${++internals._fontCount}`);
    if (++shared.documents > DOCUMENTS_PER_LAYOUT_CACHE) {
      shared.layoutCache = Object.create(null);
      shared.documents = 0;
    }
    embedded.layoutCache = shared.layoutCache;
    internals._fontFamilies[name] = embedded;
    pdf.font(name);
    return;
  }
  pdf.registerFont(name, readFileSync(/*turbopackIgnore: true*/ font.path), font.family);
  pdf.font(name);
  const first = internals._font;
  const face: SharedFace = {
    EmbeddedFont: first.constructor as EmbeddedFontClass,
    font: first.font,
    layoutCache: first.layoutCache ?? Object.create(null),
    documents: 0,
  };
  first.layoutCache = face.layoutCache;
  skipUnusedSubroutines(face.font);
  faces.set(key, face);
}

/**
 * Parses the font into the shared face before any policy needs it (a render thread does this when it
 * starts): the first document after a start then costs what every later one does.
 */
export function preparePolicyFontFace(font: PolicyFont): void {
  const pdf = new PDFDocument({ font: null as unknown as string });
  usePolicyFontFace(pdf, 'prepare', font);
  pdf.end();
}

type Subroutine = { offset: number; length: number };
type CffSubset = {
  cff: { stream: { pos: number; readBuffer(length: number): Uint8Array } };
  subsetSubrs(subrs: Subroutine[], used: Record<number, boolean>): Uint8Array[];
};

/** A subroutine that only returns (CFF operator 11): what fontkit writes for each one the subset does not use. */
const RETURN_ONLY = new Uint8Array([11]);

/**
 * fontkit keeps every subroutine index (charstrings call them by number) and writes a one-byte stub for
 * each unused one, reading through all of them to do so: the same bytes, visiting only the used ones.
 */
function skipUnusedSubroutines(font: FontkitFont): void {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as CffSubset;
    if (typeof subset.subsetSubrs !== 'function') return subset; // a TrueType font: nothing to skip
    subset.subsetSubrs = function (subrs, used) {
      const result = new Array<Uint8Array>(subrs.length).fill(RETURN_ONLY);
      for (const index of Object.keys(used)) {
        const subr = subrs[Number(index)];
        if (!subr) continue;
        this.cff.stream.pos = subr.offset;
        result[Number(index)] = this.cff.stream.readBuffer(subr.length);
      }
      return result;
    };
    return subset;
  };
}
