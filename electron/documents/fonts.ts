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

  /** The fonts for the next document, with a clean glyph cache. */
  beginDocument(): FontSet {
    const fonts = Object.values(this.current) as Array<Font & GlyphCache>;
    if (fonts.every((f) => typeof f._glyphs === 'object' && f._glyphs !== null)) {
      for (const f of fonts) f._glyphs = {};
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
}

function emptyLayoutCaches(): LayoutCaches {
  return { regular: Object.create(null), bold: Object.create(null), italic: Object.create(null), boldItalic: Object.create(null) };
}
