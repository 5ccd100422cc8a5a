/**
 * Renders a form template (form-template.ts) with its values as PDF: NĐ 30/2020 header, title, the template's
 * blocks in order, continuation pages with the page number and the dossier code. One interpreter for every form, so
 * the forms differ only in their template file and in how their values are formatted.
 */
import type { FontStore } from './fonts';
import {
  clearExclusions,
  continuationHeader,
  drawTable,
  formTitle,
  lead,
  nd30Header,
  placeQr,
  sentenceCase,
  signatureBlocks,
  type FormCtx,
  type HeaderData,
} from './form-parts';
import type { FormBlock, FormTemplate, LineBlock, Paper, PaperMetrics } from './form-template';
import { Flow, MM, Wrapper, finish, newDocument, type Box, type Run } from './pen';

export interface FormInput<V extends string> {
  /** The template's values, already formatted; '' means "nothing to show". Line breaks separate paragraphs. */
  values: Readonly<Record<V, string>>;
  /** The dossier code: in the QR code's payload, on continuation pages and in the document title. */
  code: string;
  qrPayload: string;
  header: HeaderData;
  /** The table's rows as the cells' texts (when the template has a table). */
  rows: readonly string[][];
  /** Names printed under the signature blocks. */
  signers: { left?: string; right?: string };
  /** PDF metadata. */
  subject: string;
  author: string;
  /** Values that are written in by hand when empty: drawn as the template's `blank` rather than `empty`. */
  handFilled?: ReadonlySet<V>;
}

/**
 * A form that spills onto a second page only because of long values is laid out again in the paper's compact
 * metrics, so the signatures stay on the page the citizen signs; a form that still does not fit (a long table, a long
 * reason) keeps the regular metrics and continues on the next page.
 * Keep this function free of `await` until `finish`: the fonts are shared between documents (see FontStore), which
 * is safe because one document goes from its first glyph to its embedded subsets without yielding. A layout that is
 * dropped is never finished, and the one that is finished is always the last one laid out.
 */
export async function renderForm<V extends string>(
  store: FontStore,
  template: FormTemplate<V>,
  input: FormInput<V>,
  paper: Paper,
): Promise<Buffer> {
  const m: PaperMetrics | undefined = template.paper[paper];
  if (!m) throw new Error(`Unknown paper size: ${String(paper)}`);
  let layout = layoutForm(store, template, input, m);
  if (layout.pages > 1) {
    const compact = layoutForm(store, template, input, template.compact[paper]);
    layout = compact.pages === 1 ? compact : layoutForm(store, template, input, m);
  }
  return finish(layout.doc);
}

interface Ctx<V extends string> extends FormCtx {
  t: FormTemplate<V>;
  input: FormInput<V>;
}

function layoutForm<V extends string>(
  store: FontStore,
  t: FormTemplate<V>,
  input: FormInput<V>,
  m: PaperMetrics,
): { doc: PDFKit.PDFDocument; pages: number } {
  const margins: Box = {
    top: m.margins.top * MM,
    right: m.margins.right * MM,
    bottom: m.margins.bottom * MM,
    left: m.margins.left * MM,
  };
  const pen = newDocument(store.beginDocument(), m.size, margins, {
    title: `${sentenceCase(t.title)} ${input.code}`,
    subject: input.subject,
    author: input.author,
    creationDate: input.header.issuedAt,
  }, store.layoutCaches());
  const flow = new Flow(pen, margins);
  const ctx: Ctx<V> = { pen, flow, m, t, input };
  flow.onNewPage.push(() => continuationHeader(ctx, `${t.continuation} ${input.code}`));

  nd30Header(ctx, input.header, t);
  formTitle(ctx, t.title);
  for (const block of t.blocks) drawBlock(ctx, block);
  return { doc: pen.doc, pages: flow.page };
}

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
