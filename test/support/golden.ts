import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { ROOT } from './desk';

/**
 * Golden renders: a PDF's pages drawn by poppler's pdftoppm and compared with the PNGs kept in test/golden/, with a
 * tolerance (anti-aliasing differs a little between builds; a moved line or a lost diacritic does not pass).
 * `UPDATE_GOLDEN=1` writes the current renders as the new goldens (look at them before committing).
 */

export const GOLDEN_DIR = path.join(ROOT, 'test', 'golden');
/** Renders also land here, to be looked at after a run. */
export const RENDER_DIR = path.join(ROOT, 'test-results', 'pdf');

/** Every page of `pdf` as a PNG at `dpi` (pdftoppm), in order. */
export function renderPages(pdf: Buffer, dpi = 60): Buffer[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-golden-'));
  try {
    const input = path.join(dir, 'in.pdf');
    fs.writeFileSync(input, pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', input, path.join(dir, 'p')]);
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]))
      .map((f) => fs.readFileSync(path.join(dir, f)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface GoldenResult {
  pages: number;
  /** Per page: the share of pixels that differ from the golden (0 when written anew). */
  diffs: number[];
  updated: boolean;
}

/**
 * Compares each page of `pdf` with test/golden/<name>-<n>.png. Fails (returns the diff shares for the test to
 * assert) when a page differs in more than `tolerance` of its pixels or when the page count or size changed.
 */
export function compareWithGolden(name: string, pdf: Buffer, opts: { dpi?: number } = {}): GoldenResult {
  const pages = renderPages(pdf, opts.dpi ?? 60);
  fs.mkdirSync(RENDER_DIR, { recursive: true });
  pages.forEach((png, i) => fs.writeFileSync(path.join(RENDER_DIR, `${name}-${i + 1}.png`), png));
  const goldenFile = (i: number) => path.join(GOLDEN_DIR, `${name}-${i + 1}.png`);
  const existing = fs.existsSync(GOLDEN_DIR) ? fs.readdirSync(GOLDEN_DIR).filter((f) => f.startsWith(`${name}-`) && /^\d+\.png$/.test(f.slice(name.length + 1))) : [];
  if (existing.length === 0 && process.env.CI) throw new Error(`${name}: no golden render in test/golden/ (commit one)`);
  if (process.env.UPDATE_GOLDEN === '1' || existing.length === 0) {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    for (const f of existing) fs.rmSync(path.join(GOLDEN_DIR, f));
    pages.forEach((png, i) => fs.writeFileSync(goldenFile(i), png));
    return { pages: pages.length, diffs: pages.map(() => 0), updated: true };
  }
  if (existing.length !== pages.length) {
    throw new Error(`${name}: ${pages.length} page(s) rendered, the golden has ${existing.length}`);
  }
  const diffs = pages.map((png, i) => {
    const actual = PNG.sync.read(png);
    const golden = PNG.sync.read(fs.readFileSync(goldenFile(i)));
    if (actual.width !== golden.width || actual.height !== golden.height) {
      throw new Error(`${name} page ${i + 1}: ${actual.width}×${actual.height}, the golden is ${golden.width}×${golden.height}`);
    }
    const out = new PNG({ width: actual.width, height: actual.height });
    const differing = pixelmatch(actual.data, golden.data, out.data, actual.width, actual.height, { threshold: 0.2 });
    if (differing > 0) fs.writeFileSync(path.join(RENDER_DIR, `${name}-${i + 1}.diff.png`), PNG.sync.write(out));
    return differing / (actual.width * actual.height);
  });
  return { pages: pages.length, diffs, updated: false };
}

/** The default tolerance: 0.5 % of a page's pixels. */
export const GOLDEN_TOLERANCE = 0.005;
