import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';

/** The faces the documents draw with (NĐ 30/2020: Times New Roman; Tinos is its metric twin, OFL). */
export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FONT_FILES: Readonly<Record<FontFace, string>> = {
  regular: 'Tinos_400Regular.ttf',
  bold: 'Tinos_700Bold.ttf',
  italic: 'Tinos_400Regular_Italic.ttf',
  boldItalic: 'Tinos_700Bold_Italic.ttf',
};

export type FontSet = Readonly<Record<FontFace, Font>>;

/** Shaped words by text, per face: pdfkit's EmbeddedFont#layoutCache, shared across the documents of a renderer. */
export type LayoutCaches = Readonly<Record<FontFace, Record<string, unknown>>>;

/** Bound on the shared word caches: a busy day's names and addresses must not grow them without end. */
const LAYOUT_CACHE_LIMIT = 20_000;

/** fontkit's per-font glyph cache (TTFFont#_glyphs); not part of its typed API. */
type GlyphCache = { _glyphs?: Record<number, { codePoints?: number[] }> };

/**
 * The four Tinos faces, read from disk and parsed once per renderer and shared by every document it makes
 * (re-parsing per document costs ~100 ms). Sharing is safe with one precaution: pdfkit keeps its per-document state
 * (subset, widths, layout cache) in its own EmbeddedFont wrapper and fontkit's subsetter clones the tables it
 * changes, but fontkit caches each glyph object with the code points it was first reached by, and the subsetter
 * reaches the components of composite glyphs (the "O" inside "Ô") with none. A later document that lays out such a
 * glyph writes an empty ToUnicode entry ("HOÀNG" copies as "H ÀNG"). `beginDocument` therefore drops the glyph
 * cache before each document, which gives it the state of a freshly parsed font. A document is rendered
 * synchronously from its first glyph to its embedded subsets, so documents never interleave on a font.
 */
export class FontStore {
  private readonly bytes: Readonly<Record<FontFace, Buffer>>;
  private current: FontSet;
  private layouts: LayoutCaches = emptyLayoutCaches();

  constructor(fontsDir: string) {
    const read = (face: FontFace): Buffer => {
      const file = join(fontsDir, FONT_FILES[face]);
      try {
        return readFileSync(file);
      } catch (e) {
        throw new Error(`Cannot read font ${file}: ${(e as Error).message}`, { cause: e });
      }
    };
    this.bytes = { regular: read('regular'), bold: read('bold'), italic: read('italic'), boldItalic: read('boldItalic') };
    this.current = this.parse();
  }

  private parse(): FontSet {
    const b = this.bytes;
    return { regular: create(b.regular), bold: create(b.bold), italic: create(b.italic), boldItalic: create(b.boldItalic) };
  }

  /**
   * The fonts for the next document, with no glyph in fontkit's cache that lacks its code points. (The documents embed
   * their fonts with FastSubset, which never reaches glyphs through fontkit; the sweep keeps the text layer right
   * should fontkit's subsetter ever be used again. Glyphs reached through text stay cached: their outlines and metrics
   * are the font's.)
   */
  beginDocument(): FontSet {
    const fonts = Object.values(this.current) as Array<Font & GlyphCache>;
    if (fonts.every((f) => typeof f._glyphs === 'object' && f._glyphs !== null)) {
      for (const f of fonts) {
        const cache = f._glyphs as Record<number, { codePoints?: number[] }>;
        for (const id in cache) if (!cache[id]?.codePoints?.length) delete cache[id];
      }
    } else {
      // fontkit's internals changed: stay correct, at the price of parsing per document (a test flags this)
      this.current = this.parse();
      this.layouts = emptyLayoutCaches();
    }
    return this.current;
  }

  /**
   * Word shapes shared by every document of this renderer. fontkit's OpenType shaping is most of a slip's cost and
   * the labels repeat from slip to slip. Safe with the glyph-cache reset above: a cached word holds glyphs reached
   * through text, which carry their code points.
   */
  layoutCaches(): LayoutCaches {
    if (Object.values(this.layouts).some((c) => Object.keys(c).length > LAYOUT_CACHE_LIMIT)) this.layouts = emptyLayoutCaches();
    return this.layouts;
  }

  /** String widths for layout, shaped as pdfkit shapes them and kept across the documents of this renderer. */
  metrics(): TextMetrics {
    return metricsFor(this.current, this.layoutCaches());
  }
}

const metricsCache = new WeakMap<LayoutCaches, TextMetrics>();
/** The TextMetrics of these fonts and layout caches (one per pair: the caches hold the shaped words). */
export function metricsFor(fonts: FontSet, layouts: LayoutCaches): TextMetrics {
  let m = metricsCache.get(layouts);
  if (!m || m.fonts !== fonts) {
    m = new TextMetrics(fonts, layouts);
    metricsCache.set(layouts, m);
  }
  return m;
}

/** pdfkit's shaped run of a word, as its EmbeddedFont#layoutRun leaves it (positions in 1/1000 em). */
interface ShapedRun {
  advanceWidth: number;
}

/**
 * Widths of strings at 1 pt, measured exactly as pdfkit's EmbeddedFont measures and draws them (split after each
 * space, each piece shaped alone) and filling the same shared word cache, so layout never needs a document and the
 * drawing finds its words shaped. Strings are cached whole: a form's labels repeat on every slip.
 */
export class TextMetrics {
  private widths: Record<FontFace, Map<string, number>> = emptyWidths();

  constructor(
    readonly fonts: FontSet,
    private readonly layouts: LayoutCaches,
  ) {}

  /** Width at 1 pt of `s`, which must already be printable(). */
  width(face: FontFace, s: string): number {
    const cache = this.widths[face];
    let w = cache.get(s);
    if (w !== undefined) return w;
    if (cache.size > LAYOUT_CACHE_LIMIT) this.widths = emptyWidths();
    w = 0;
    let last = 0;
    for (let i = 0; i <= s.length; i++) {
      const ch = s.charCodeAt(i);
      if ((i === s.length && last < i) || ch === 32 || ch === 9) {
        w += this.run(face, s.slice(last, i + 1)).advanceWidth;
        last = i + 1;
      }
    }
    w /= 1000;
    this.widths[face].set(s, w);
    return w;
  }

  private run(face: FontFace, text: string): ShapedRun {
    const cache = this.layouts[face] as Record<string, ShapedRun>;
    const hit = cache[text];
    if (hit) return hit;
    // = pdfkit's EmbeddedFont#layoutRun (pdfkit reads these runs from the shared cache when it draws the word)
    const font = this.fonts[face];
    const scale = 1000 / font.unitsPerEm;
    const run = font.layout(text) as { positions: object[]; glyphs: Array<{ advanceWidth: number }> };
    run.positions.forEach((p, i) => {
      const pos = p as unknown as Record<string, number>;
      for (const key in pos) pos[key] = (pos[key] as number) * scale;
      pos.advanceWidth = (run.glyphs[i]?.advanceWidth ?? 0) * scale;
    });
    cache[text] = run as unknown as ShapedRun;
    return run as unknown as ShapedRun;
  }
}

function emptyWidths(): Record<FontFace, Map<string, number>> {
  return { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };
}

function emptyLayoutCaches(): LayoutCaches {
  return { regular: Object.create(null), bold: Object.create(null), italic: Object.create(null), boldItalic: Object.create(null) };
}
