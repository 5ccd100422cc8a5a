/**
 * The register's fast text path. A register of 100,000 rows draws some two million short lines; pdfkit's `text()`
 * costs tens of microseconds per call (options, graphics state, OpenType layout). Here each character is looked up
 * once per document in the face's cmap (Tinos has precomposed glyphs for every Vietnamese letter, so NFC text needs
 * no shaping; kerning is not applied), registered in pdfkit's own subset of that font (so the glyphs, widths and
 * ToUnicode map are embedded as for any pdfkit text) and written as raw content-stream operators.
 *
 * This does not rely on fontkit's per-glyph code points (see FontStore): the Unicode of each glyph is the character
 * that reached it, so it stays right even when other documents are rendered while a register is being streamed.
 */
import type { Font } from 'fontkit';

interface KitGlyph {
  id: number;
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont, the parts used here (internals: checked when a face is opened). */
interface EmbeddedFont {
  id: string;
  font: Font & { glyphForCodePoint(cp: number): KitGlyph; unitsPerEm: number };
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
  ascender: number;
  descender: number;
  ref(): unknown;
}

interface GlyphInfo {
  hex: string;
  /** advance in 1/1000 em */
  adv: number;
}

/** Numbers as the content stream wants them: at most two decimals, no exponent. */
export const num = (n: number) => String(Math.round(n * 100) / 100);

export class GlyphFace {
  private readonly glyphs = new Map<number, GlyphInfo>();
  /** Advances of the BMP by UTF-16 unit (-1: not looked up yet): the hot loop reads a typed array, not the Map. */
  private readonly bmpAdv = new Float64Array(0x10000).fill(-1);
  private readonly bmpHex: string[] = [];
  readonly ascender: number;
  readonly descender: number;

  constructor(private readonly embedded: EmbeddedFont) {
    const e = embedded as Partial<EmbeddedFont> | undefined;
    if (!e || typeof e.id !== 'string' || !e.subset || typeof e.subset.includeGlyph !== 'function' || !Array.isArray(e.widths) || !Array.isArray(e.unicode) || typeof e.font?.glyphForCodePoint !== 'function') {
      throw new Error('pdfkit internals changed: the register cannot reach the embedded font (update register-glyphs.ts)');
    }
    this.ascender = embedded.ascender;
    this.descender = embedded.descender;
  }

  /** The font's resource name in the page ("F1"). */
  get id(): string {
    return this.embedded.id;
  }

  /** Registers the font in the current page's resources. */
  useOn(page: { fonts: Record<string, unknown> }): void {
    if (page.fonts[this.embedded.id] == null) page.fonts[this.embedded.id] = this.embedded.ref();
  }

  private glyph(cp: number): GlyphInfo {
    let g = this.glyphs.get(cp);
    if (g === undefined) {
      const e = this.embedded;
      const kit = e.font.glyphForCodePoint(cp);
      const sid = e.subset.includeGlyph(kit.id);
      const adv = kit.advanceWidth * e.scale;
      e.widths[sid] ??= adv;
      e.unicode[sid] ??= [cp];
      g = { hex: sid.toString(16).padStart(4, '0'), adv };
      this.glyphs.set(cp, g);
      // lone surrogates stay in the Map path, so a pair is always read as one code point
      if (cp < 0xd800 || (cp >= 0xe000 && cp < 0x10000)) {
        this.bmpAdv[cp] = adv;
        this.bmpHex[cp] = g.hex;
      }
    }
    return g;
  }

  /** Advance of `s` in 1/1000 em. */
  advance(s: string): number {
    let w = 0;
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      const a = this.bmpAdv[u] as number;
      if (a >= 0) w += a;
      else if (u >= 0xd800 && u < 0xdc00 && i + 1 < s.length) w += this.glyph(s.codePointAt(i++) as number).adv;
      else w += this.glyph(u).adv;
    }
    return w;
  }

  /** Width of `s` in points at `size`. */
  width(s: string, size: number): number {
    return (this.advance(s) * size) / 1000;
  }

  /** The glyph ids of `s` as a hex string for Tj. */
  hex(s: string): string {
    let h = '';
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      const x = this.bmpHex[u];
      if (x !== undefined) h += x;
      else if (u >= 0xd800 && u < 0xdc00 && i + 1 < s.length) h += this.glyph(s.codePointAt(i++) as number).hex;
      else h += this.glyph(u).hex;
    }
    return h;
  }

  /** Per-character advances of `s` (1/1000 em), for cutting a word. */
  advances(s: string): Array<{ ch: string; adv: number }> {
    return Array.from(s, (ch) => ({ ch, adv: this.glyph(ch.codePointAt(0) as number).adv }));
  }
}

/** The EmbeddedFont of `name` in this document (pdfkit internal `_font`). */
export function embeddedFont(doc: PDFKit.PDFDocument, name: string): GlyphFace {
  doc.font(name);
  return new GlyphFace((doc as unknown as { _font: EmbeddedFont })._font);
}

/**
 * Greedy wrap of one NFC line of text into lines no wider than `width` points: breaks at spaces; a word longer than
 * a line breaks after its last "-", "/", "." or "," that fits (dossier codes), else between characters.
 */
export function wrapLine(face: GlyphFace, text: string, size: number, width: number): string[] {
  const max = (width * 1000) / size + 0.01;
  if (text === '') return [];
  if (face.advance(text) <= max) return [text];
  const space = face.advance(' ');
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    let w = face.advance(word);
    if (line !== '' && lineW + space + w <= max) {
      line += ' ' + word;
      lineW += space + w;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (w > max) {
      const [head, tail] = cutWord(face, rest, max);
      lines.push(head);
      rest = tail;
      w = face.advance(rest);
    }
    line = rest;
    lineW = w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function cutWord(face: GlyphFace, word: string, max: number): [string, string] {
  const chars = face.advances(word);
  let w = 0;
  let fit = 0; // characters that fit
  let lastBreak = 0; // characters up to and including the last break character that fits
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as { ch: string; adv: number };
    if (i > 0 && w + c.adv > max) break;
    w += c.adv;
    fit = i + 1;
    if ('-/.,'.includes(c.ch) && i + 1 < chars.length) lastBreak = i + 1;
  }
  const at = lastBreak > 0 ? lastBreak : Math.max(1, fit);
  const head = chars.slice(0, at).map((c) => c.ch).join('');
  const tail = chars.slice(at).map((c) => c.ch).join('');
  return [head, tail];
}
