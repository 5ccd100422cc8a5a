/**
 * Renders a form template (form-template.ts) with its values as PDF: NĐ 30/2020 header, title, the template's
 * blocks in order, continuation pages with the page number and the dossier code. One interpreter for every form, so
 * the forms differ only in their template file and in how their values are formatted.
 */
import type { FontStore, TextMetrics } from './fonts';
import {
  clearExclusions,
  continuationHeader,
  drawTable,
  formTitle,
  lead,
  nd30Header,
  oneLine,
  placeBarcode,
  placeQr,
  sentenceCase,
  signatureBlocks,
  type FormCtx,
  type HeaderData,
} from './form-parts';
import type { FormBlock, FormTemplate, LineBlock, Paper, PaperMetrics } from './form-template';
import { Flow, MM, Wrapper, finish, newDocument, recordingPen, type Box, type PageSize, type Pen, type Recording, type Run } from './pen';

export interface FormInput<V extends string> {
  /** The template's values, already formatted; '' means "nothing to show". Line breaks separate paragraphs. */
  values: Readonly<Record<V, string>>;
  /** The dossier code: in the QR code's payload, the barcode, on continuation pages and in the document title. */
  code: string;
  qrPayload: string;
  header: HeaderData;
  /** The table's rows as the cells' texts (when the template has a table). */
  rows: readonly string[][];
  /** Names printed under the signature blocks; `rightTitle` replaces the template's right title. */
  signers: { left?: string; right?: string; rightTitle?: string };
  /** PDF metadata. */
  subject: string;
  author: string;
  /** Values that are written in by hand when empty: drawn as the template's `blank` rather than `empty`. */
  handFilled?: ReadonlySet<V>;
}

export interface RenderOptions {
  /** How many of the template's copies (liên) to print, from the first; default all of them (one without `copies`). */
  copies?: number;
}

/**
 * Lays the form out once, as a recording, then draws that recording into the PDF once per copy (liên), each copy
 * from a new page with its label at the top right.
 * A form that spills onto a second page only because of long values is laid out again in the paper's compact
 * metrics, so the signatures stay on the page the citizen signs; a form that still does not fit (a long table, a long
 * reason) keeps the regular layout and continues on the next page. Layouts only measure (no PDF is made for the one
 * that is dropped).
 * Keep this function free of `await` until `finish`: the fonts are shared between documents (see FontStore), which
 * is safe because one document goes from its first glyph to its embedded subsets without yielding.
 */
export async function renderForm<V extends string>(
  store: FontStore,
  template: FormTemplate<V>,
  input: FormInput<V>,
  paper: Paper,
  options: RenderOptions = {},
): Promise<Buffer> {
  const m: PaperMetrics | undefined = template.paper[paper];
  if (!m) throw new Error(`Unknown paper size: ${String(paper)}`);
  const fonts = store.beginDocument();
  const metrics = store.metrics();
  let layout = layoutForm(metrics, template, input, m);
  if (layout.pages.length > 1) {
    const compact = layoutForm(metrics, template, input, template.compact[paper]);
    if (compact.pages.length === 1) layout = compact;
  }
  const labels = template.copies ?? [''];
  const count = Math.max(1, Math.min(labels.length, Math.trunc(options.copies ?? labels.length)));

  const lm = layout.m;
  const pen = newDocument(fonts, lm.size, boxOf(lm), {
    title: `${sentenceCase(oneLine(template.title))} ${input.code}`,
    subject: input.subject,
    author: input.author,
    creationDate: input.header.issuedAt,
  }, store.layoutCaches());
  for (let copy = 0; copy < count; copy++) {
    layout.rec.pages.forEach((_, n) => {
      if (copy > 0 || n > 0) pen.sink.addPage();
      copyLabel(pen, lm, labels[copy] ?? '');
      layout.rec.replayPage(n, pen.sink);
    });
  }
  return finish(pen.doc);
}

const boxOf = (m: PaperMetrics): Box => ({
  top: m.margins.top * MM,
  right: m.margins.right * MM,
  bottom: m.margins.bottom * MM,
  left: m.margins.left * MM,
});

/** "Liên 1: …", small italic, right-aligned in the top margin. */
function copyLabel(pen: Pen, m: PaperMetrics, label: string): void {
  if (!label) return;
  const size = m.small * 0.9;
  const right = pen.sink.page.width - m.margins.right * MM;
  const y = m.margins.top * MM - size * 2.3;
  pen.text(label, right - pen.width(label, 'italic', size), y, 'italic', size);
}

interface Ctx<V extends string> extends FormCtx {
  t: FormTemplate<V>;
  input: FormInput<V>;
}

interface Layout {
  rec: Recording;
  pages: readonly unknown[];
  m: PaperMetrics;
}

function layoutForm<V extends string>(metrics: TextMetrics, t: FormTemplate<V>, input: FormInput<V>, m: PaperMetrics): Layout {
  const pen = recordingPen(metrics, PAPER_POINTS[m.size]);
  const rec = pen.sink as Recording;
  const flow = new Flow(pen, boxOf(m));
  const ctx: Ctx<V> = { pen, flow, m, t, input };
  flow.onNewPage.push(() => continuationHeader(ctx, `${t.continuation} ${input.code}`));

  nd30Header(ctx, input.header, t);
  formTitle(ctx, t.title);
  for (const block of t.blocks) drawBlock(ctx, block);
  return { rec, pages: rec.pages, m };
}

/** Paper sizes in points, portrait (as pdfkit's). */
const PAPER_POINTS: Readonly<Record<Paper, PageSize>> = {
  A5: { width: 419.53, height: 595.28 },
  A4: { width: 595.28, height: 841.89 },
};

/** The runs of a line block, split into paragraphs where a value holds a line break. */
export function paragraphsOf<V extends string>(
  t: Pick<FormTemplate<V>, 'empty' | 'blank'>,
  block: LineBlock<V>,
  values: Readonly<Record<V, string>>,
  handFilled?: ReadonlySet<V>,
): Run[][] {
  const paragraphs: Run[][] = [[]];
  for (const p of block.parts) {
    const current = paragraphs[paragraphs.length - 1] as Run[];
    if (typeof p === 'string') {
      current.push({ text: p, face: 'regular' });
      continue;
    }
    const v = values[p.v];
    const text = v !== '' ? v : handFilled?.has(p.v) ? t.blank : t.empty;
    text.split('\n').forEach((chunk, k) => {
      if (k > 0) paragraphs.push([]);
      (paragraphs[paragraphs.length - 1] as Run[]).push({ text: chunk, face: p.face ?? 'regular', keep: p.keep ?? false });
    });
  }
  return paragraphs;
}

export function blockShown<V extends string>(block: LineBlock<V>, values: Readonly<Record<V, string>>): boolean {
  if (block.unless && values[block.unless] === '') return false;
  if (block.when && values[block.when.v] !== block.when.is) return false;
  return true;
}

function drawBlock<V extends string>(ctx: Ctx<V>, block: FormBlock<V>): void {
  const { flow, m, t, input } = ctx;
  switch (block.kind) {
    case 'line': {
      if (!blockShown(block, input.values)) return;
      const size = block.size === 'code' ? m.code : m.body;
      const leading = lead(m, size);
      if (block.spaceBefore) flow.y += lead(m, m.body) * block.spaceBefore;
      if (block.qr) placeQr(ctx, input.qrPayload);
      const paragraphs = paragraphsOf(t, block, input.values, input.handFilled);
      if (block.keepWithNext) keepTogether(ctx, paragraphs, size, leading, block.keepWithNext);
      for (const runs of paragraphs) flow.paragraph(runs, { size, leading });
      if (block.barcode) placeBarcode(ctx, input.code);
      return;
    }
    case 'components': {
      clearExclusions(flow);
      if (block.heading !== undefined) {
        flow.ensure(lead(m, m.body) * 4); // keep the heading with the table
        flow.paragraph([{ text: block.heading, face: 'regular' }], { size: m.body, leading: lead(m, m.body) });
      }
      flow.y += 2;
      if (t.table) drawTable(ctx, t.table.columns, input.rows, t.table.none);
      return;
    }
    case 'signatures':
      clearExclusions(flow);
      signatureBlocks(ctx, t.signatures, input.signers);
      return;
  }
}

/**
 * Starts a new page unless the paragraphs and `next` more body lines fit below the cursor (measured at the full
 * width). Paragraphs longer than half a page are left to break where they fall.
 */
function keepTogether<V extends string>(ctx: Ctx<V>, paragraphs: Run[][], size: number, leading: number, next: number): void {
  const { pen, flow, m } = ctx;
  let lines = 0;
  for (const runs of paragraphs) {
    const w = new Wrapper(pen, runs, size);
    while (w.next(flow.width)) lines++;
  }
  const h = lines * leading;
  if (h <= (flow.bottom - flow.top) / 2) flow.ensure(h + next * lead(m, m.body));
}
