/**
 * The control slip's hand-over table. Unlike the forms' table (form-parts drawTable), a cell here is a stack of
 * items of one line each: wrapped text, the "Người giao | Người nhận" pair of a time cell, or blank lines left for
 * the signatures. The header repeats below the continuation header of every page. Rows move whole to the next page (with the header repeated) unless taller than a page; the empty
 * rows for hand-written hand-overs are drawn only where they fit.
 */
import { lead, TABLE_PAD_X, textTop, type FormCtx } from './form-parts';
import { drawLine, wrapFixed, type Line, type Run } from './pen';

export type Item = { kind: 'line'; line: Line; align: 'left' | 'center' } | { kind: 'signers' } | { kind: 'blank' };
/** One row: a stack of items per column. */
export type Row = Item[][];

export interface TableSpec {
  columns: ReadonlyArray<{ label: string; share: number }>;
  signers: readonly [string, string];
}

const PAD_Y = 2;

/** Column geometry and the wrapping of runs into a column's items. */
export class ControlTable {
  readonly xs: number[];
  readonly lh: number;
  readonly size: number;

  constructor(
    private readonly ctx: FormCtx,
    private readonly spec: TableSpec,
  ) {
    const { flow, m } = ctx;
    this.size = m.table;
    this.lh = m.table * 1.22;
    const xs = [flow.left];
    for (const c of spec.columns) xs.push((xs[xs.length - 1] as number) + c.share * flow.width);
    xs[xs.length - 1] = flow.left + flow.width;
    this.xs = xs;
  }

  colW(i: number): number {
    return (this.xs[i + 1] as number) - (this.xs[i] as number);
  }

  /** Runs wrapped into column `i` as line items. */
  lines(i: number, runs: Run[], align: 'left' | 'center' = 'left'): Item[] {
    return wrapFixed(this.ctx.pen, runs, this.size, this.colW(i) - 2 * TABLE_PAD_X).map((line) => ({ kind: 'line', line, align }));
  }

  /** Draws the header, then the rows; then the optional rows that fit on the page. */
  draw(rows: readonly Row[], optional: readonly Row[]): void {
    const { ctx } = this;
    const { flow, m } = ctx;
    const head: Row = this.spec.columns.map((c, i) => this.lines(i, [{ text: c.label, face: 'bold' }], 'center'));
    const headLines = Math.max(...head.map((c) => c.length));
    const headH = headLines * this.lh + 2 * PAD_Y;
    const drawHead = () => {
      const y = flow.y;
      this.borders(y, headH);
      head.forEach((items, i) => {
        const y0 = y + PAD_Y + ((headLines - items.length) * this.lh) / 2;
        items.forEach((it, k) => this.item(it, i, y0 + k * this.lh));
      });
      flow.y += headH;
    };
    const rowH = (row: Row) => Math.max(1, ...row.map((c) => c.length)) * this.lh + 2 * PAD_Y;
    const first = rows[0];
    flow.ensure(headH + (first ? rowH(first) : this.lh + 2 * PAD_Y));
    drawHead();
    flow.onNewPage.push(drawHead);
    // lines a row can use on a fresh page: below the continuation header (page number, one or two lines of text)
    const fresh = Math.floor((flow.bottom - flow.top - lead(m, m.small) * 3.4 - headH - 2 * PAD_Y) / this.lh);

    for (const row of rows) {
      const total = Math.max(1, ...row.map((c) => c.length));
      let start = 0;
      while (start < total) {
        const avail = Math.floor((flow.bottom - flow.y - 2 * PAD_Y + 0.01) / this.lh);
        if (total - start <= avail) {
          this.part(row, start, total);
          break;
        }
        if ((start === 0 && total <= fresh) || avail < 1) {
          flow.newPage();
          continue;
        }
        // taller than a page: split, the items continue below the header of the next page
        this.part(row, start, start + avail);
        start += avail;
        flow.newPage();
      }
    }
    for (const row of optional) {
      if (rows.length > 0 && flow.y + rowH(row) > flow.bottom + 0.01) break;
      flow.ensure(rowH(row));
      this.part(row, 0, Math.max(1, ...row.map((c) => c.length)));
    }
    flow.onNewPage.pop();
  }

  private borders(y: number, h: number): void {
    const { pen, flow } = this.ctx;
    pen.doc.rect(flow.left, y, flow.width, h).lineWidth(0.6).stroke('#000');
    for (let i = 1; i < this.xs.length - 1; i++) pen.vline(this.xs[i] as number, y, y + h);
  }

  private part(row: Row, from: number, to: number): void {
    const { flow } = this.ctx;
    const h = (to - from) * this.lh + 2 * PAD_Y;
    this.borders(flow.y, h);
    row.forEach((items, i) => items.slice(from, to).forEach((it, k) => this.item(it, i, flow.y + PAD_Y + k * this.lh)));
    flow.y += h;
  }

  private item(it: Item, i: number, y: number): void {
    const { pen } = this.ctx;
    const x = this.xs[i] as number;
    const w = this.colW(i);
    const top = textTop(y, this.lh, this.size);
    if (it.kind === 'line') {
      const dx = it.align === 'center' ? (w - it.line.width) / 2 : TABLE_PAD_X;
      drawLine(pen, it.line, x + dx, top, this.size);
    } else if (it.kind === 'signers') {
      const half = (w - 2 * TABLE_PAD_X) / 2;
      this.spec.signers.forEach((label, k) => {
        const size = Math.min(this.size, (this.size * (half - 2)) / pen.width(label, 'italic', this.size));
        pen.text(label, x + TABLE_PAD_X + k * half, textTop(y, this.lh, size), 'italic', size, { width: half, align: 'center' });
      });
    }
  }
}
