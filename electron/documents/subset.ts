/**
 * A TrueType subsetter for the embedded Tinos faces, in place of fontkit's (which pdfkit uses): fontkit decodes every
 * glyph's outline and encodes the tables through its generic struct writer on every document, half of a slip's
 * render time. This one copies each glyph's bytes once per renderer (from the font file), and writes the six tables
 * a PDF TrueType font needs with plain byte copies.
 *
 * The hinting programs (fpgm, prep, cvt and each glyph's instructions) are left out: PDF viewers and printers draw
 * outlines unhinted or auto-hinted, and they are a third of the font bytes. Glyph ids are renumbered in the order the
 * document first uses them (pdfkit writes those ids in the text), components of composite glyphs ("ế" = "e" + marks)
 * after them.
 */
import type { Font } from 'fontkit';

interface GlyphData {
  /** the glyph record without instructions; component ids still the font's */
  bytes: Uint8Array;
  /** offsets of the component glyph ids in `bytes`, and the ids */
  components: Array<{ at: number; gid: number }>;
  advance: number;
  lsb: number;
}

/** One face's raw tables and the glyphs copied so far (font data only: shared by every document). */
class GlyphBank {
  private readonly glyphs = new Map<number, GlyphData>();
  readonly head: Uint8Array;
  readonly hhea: Uint8Array;
  readonly maxp: Uint8Array;
  private readonly raw: DataView;
  private readonly glyf: number;
  private readonly locaAt: number;
  private readonly longLoca: boolean;
  private readonly hmtx: number;
  private readonly hMetrics: number;

  constructor(font: Font) {
    const f = font as unknown as {
      stream: { buffer: Uint8Array };
      directory: { tables: Record<string, { offset: number; length: number } | undefined> };
    };
    const bytes = f.stream.buffer;
    this.raw = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const table = (tag: string) => {
      const t = f.directory.tables[tag];
      if (!t) throw new Error(`Font ${font.postscriptName} has no ${tag} table`);
      return t;
    };
    // a real copy (the font's bytes may be a Node Buffer, whose slice() is a view)
    const copy = (tag: string) => {
      const t = table(tag);
      return Uint8Array.prototype.slice.call(bytes, t.offset, t.offset + t.length);
    };
    this.head = copy('head');
    this.hhea = copy('hhea');
    this.maxp = copy('maxp');
    this.glyf = table('glyf').offset;
    this.locaAt = table('loca').offset;
    this.longLoca = this.raw.getInt16(table('head').offset + 50) === 1;
    this.hmtx = table('hmtx').offset;
    this.hMetrics = this.raw.getUint16(table('hhea').offset + 34);
  }

  get(gid: number): GlyphData {
    let g = this.glyphs.get(gid);
    if (!g) {
      g = this.read(gid);
      this.glyphs.set(gid, g);
    }
    return g;
  }

  private loca(gid: number): number {
    return this.longLoca ? this.raw.getUint32(this.locaAt + 4 * gid) : 2 * this.raw.getUint16(this.locaAt + 2 * gid);
  }

  private read(gid: number): GlyphData {
    const r = this.raw;
    const m = Math.min(gid, this.hMetrics - 1);
    const advance = r.getUint16(this.hmtx + 4 * m);
    const lsb = gid < this.hMetrics ? r.getInt16(this.hmtx + 4 * gid + 2) : r.getInt16(this.hmtx + 4 * this.hMetrics + 2 * (gid - this.hMetrics));
    const start = this.glyf + this.loca(gid);
    const end = this.glyf + this.loca(gid + 1);
    if (end <= start) return { bytes: new Uint8Array(0), components: [], advance, lsb };
    const src = new Uint8Array(r.buffer, r.byteOffset + start, end - start);
    const contours = r.getInt16(start);
    if (contours >= 0) {
      // header (10), endPtsOfContours (2n), instructionLength (2), instructions, then flags and coordinates
      const at = 10 + 2 * contours;
      const skip = r.getUint16(start + at);
      const out = new Uint8Array(pad4(src.length - skip));
      out.set(src.subarray(0, at), 0);
      out.set(src.subarray(at + 2 + skip), at + 2); // the two length bytes stay 0
      return { bytes: out, components: [], advance, lsb };
    }
    // composite: component records, then the instructions when the last one says so
    const components: GlyphData['components'] = [];
    let p = 10;
    let flags: number;
    let lastFlagsAt: number;
    do {
      lastFlagsAt = p;
      flags = r.getUint16(start + p);
      components.push({ at: p + 2, gid: r.getUint16(start + p + 2) });
      p += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
    } while (flags & 0x0020);
    const out = new Uint8Array(pad4(p));
    out.set(src.subarray(0, p), 0);
    new DataView(out.buffer).setUint16(lastFlagsAt, flags & ~0x0100); // WE_HAVE_INSTRUCTIONS off
    return { bytes: out, components, advance, lsb };
  }
}

const pad4 = (n: number) => (n + 3) & ~3;

const banks = new WeakMap<Font, GlyphBank>();
function bankOf(font: Font): GlyphBank {
  let b = banks.get(font);
  if (!b) {
    b = new GlyphBank(font);
    banks.set(font, b);
  }
  return b;
}

/** The subset of one face in one document; has the shape pdfkit's EmbeddedFont expects of fontkit's subsets. */
export class FastSubset {
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();
  private readonly bank: GlyphBank;

  constructor(font: Font) {
    this.bank = bankOf(font);
    this.includeGlyph(0); // .notdef first, as every TrueType font
  }

  includeGlyph(glyph: number | { id: number }): number {
    const gid = typeof glyph === 'number' ? glyph : glyph.id;
    let id = this.mapping.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(gid);
      this.mapping.set(gid, id);
    }
    return id;
  }

  encode(): Uint8Array {
    const parts: Uint8Array[] = [];
    const offsets: number[] = [];
    const metrics: number[] = [];
    let offset = 0;
    // components are included as they are met, so the list may grow while it is walked
    for (let i = 0; i < this.glyphs.length; i++) {
      const g = this.bank.get(this.glyphs[i] as number);
      let bytes = g.bytes;
      if (g.components.length > 0) {
        bytes = new Uint8Array(bytes);
        const view = new DataView(bytes.buffer);
        for (const c of g.components) view.setUint16(c.at, this.includeGlyph(c.gid));
      }
      parts.push(bytes);
      offsets.push(offset);
      metrics.push(g.advance, g.lsb);
      offset += bytes.length;
    }
    offsets.push(offset);
    const n = this.glyphs.length;

    const glyf = concat(parts, offset);
    const loca = new Uint8Array(4 * (n + 1));
    const lv = new DataView(loca.buffer);
    offsets.forEach((o, i) => lv.setUint32(4 * i, o));
    const hmtx = new Uint8Array(4 * n);
    const hv = new DataView(hmtx.buffer);
    for (let i = 0; i < n; i++) {
      hv.setUint16(4 * i, metrics[2 * i] as number);
      hv.setInt16(4 * i + 2, metrics[2 * i + 1] as number);
    }
    const head = new Uint8Array(this.bank.head);
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, set below
    headView.setInt16(50, 1); // long loca offsets
    const hhea = new Uint8Array(this.bank.hhea);
    new DataView(hhea.buffer).setUint16(34, n); // numberOfHMetrics
    const maxp = new Uint8Array(this.bank.maxp);
    new DataView(maxp.buffer).setUint16(4, n); // numGlyphs
    return sfnt([
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
      ['maxp', maxp],
    ]);
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function checksum(b: Uint8Array): number {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let sum = 0;
  const whole = b.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < b.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < b.length ? (b[i] as number) : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** A TrueType file of the tables (tags in ascending order), each 4-byte aligned, with its checksums. */
function sfnt(tables: Array<[string, Uint8Array]>): Uint8Array {
  const count = tables.length;
  const dirSize = 12 + 16 * count;
  let size = dirSize;
  for (const [, t] of tables) size += pad4(t.length);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  let pow = 1;
  let log = 0;
  while (pow * 2 <= count) {
    pow *= 2;
    log++;
  }
  v.setUint32(0, 0x00010000);
  v.setUint16(4, count);
  v.setUint16(6, pow * 16);
  v.setUint16(8, log);
  v.setUint16(10, count * 16 - pow * 16);
  let offset = dirSize;
  let headAt = -1;
  tables.forEach(([tag, data], i) => {
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) v.setUint8(rec + k, tag.charCodeAt(k));
    v.setUint32(rec + 4, checksum(data));
    v.setUint32(rec + 8, offset);
    v.setUint32(rec + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headAt = offset;
    offset += pad4(data.length);
  });
  if (headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
