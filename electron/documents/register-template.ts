/**
 * The register PDF's page layout as data (the columns are in register-columns.ts): landscape paper metrics for the
 * NĐ 30/2020 header of the first page, and the table's type sizes. Changing the layout is an edit here.
 */
import type { FormCtx } from './form-parts';

type PaperMetrics = FormCtx['m'];

export interface RegisterLayout {
  /** Metrics of the first page's header and title (nd30Header, formTitle); margins in millimetres. */
  page: PaperMetrics;
  /** Table text size and line advance, points. */
  cell: number;
  cellLeading: number;
  /** Cell padding, points. */
  padX: number;
  padY: number;
  /** Size of the period lines and of the page number. */
  small: number;
  /** "Trang n" at the foot of every page. */
  pageLabel: string;
}

export const REGISTER_LAYOUT: Readonly<Record<'A4' | 'A5', RegisterLayout>> = {
  A4: {
    page: {
      size: 'A4',
      margins: { top: 15, right: 12, bottom: 12, left: 20 },
      header: 11,
      title: 14,
      body: 12,
      code: 12,
      table: 8,
      small: 10,
      leading: 1.25,
      qrMm: 0,
      leftColumn: 0.4,
      signatureMm: 0,
    },
    cell: 8,
    cellLeading: 1.2,
    padX: 2,
    padY: 1.6,
    small: 10,
    pageLabel: 'Trang',
  },
  A5: {
    page: {
      size: 'A5',
      margins: { top: 10, right: 8, bottom: 8, left: 12 },
      header: 8,
      title: 10.5,
      body: 9,
      code: 9,
      table: 6,
      small: 7.5,
      leading: 1.25,
      qrMm: 0,
      leftColumn: 0.4,
      signatureMm: 0,
    },
    cell: 5.6,
    cellLeading: 1.2,
    padX: 1.4,
    padY: 1.1,
    small: 7.5,
    pageLabel: 'Trang',
  },
};
