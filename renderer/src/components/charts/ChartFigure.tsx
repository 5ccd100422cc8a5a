import { useEffect, useId, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { ChartLegend, type SeriesStyle } from './patterns';

export interface TableColumn {
  key: string;
  label: string;
}

export interface TableRow {
  key: string;
  /** The row's name (a <th scope="row">). */
  header: string;
  cells: Readonly<Record<string, ReactNode>>;
}

interface Props {
  title: string;
  legendLabel: string;
  series: readonly SeriesStyle[];
  /** The chart (or an empty-state message). */
  children: ReactNode;
  /** The collapsible table of exact figures beneath the chart. */
  table: {
    summary: string;
    caption: string;
    /** Header of the row-name column. */
    rowHeader: string;
    columns: readonly TableColumn[];
    rows: readonly TableRow[];
    /** A last row in bold (totals). */
    footer?: TableRow;
  };
}

/**
 * A chart card: heading, legend, the SVG, and the exact figures in a table the officer can unfold. Printing unfolds
 * every table (a closed <details> prints nothing), and folds back what was closed afterwards.
 */
export function ChartFigure({ title, legendLabel, series, children, table }: Props) {
  const headingId = `chart-h-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [open, setOpen] = useState(false);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    // Rendered at once: the page is laid out for print right after this event, before React would get to it.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  return (
    <section className="chart-card" aria-labelledby={headingId}>
      <div className="chart-head">
        <h2 id={headingId} className="card-title">
          {title}
        </h2>
        <ChartLegend series={series} label={legendLabel} />
      </div>
      <div className="chart-body">{children}</div>
      <details
        className="chart-data"
        open={open || printing}
        onToggle={(e) => {
          if (!printing) setOpen((e.currentTarget as HTMLDetailsElement).open);
        }}
      >
        <summary>{table.summary}</summary>
        <div className="chart-table-wrap">
          <table className="chart-table">
            <caption>{table.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{table.rowHeader}</th>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col" className="num">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.header}</th>
                  {table.columns.map((c) => (
                    <td key={c.key} className="num">
                      {r.cells[c.key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {table.footer && (
              <tfoot>
                <tr>
                  <th scope="row">{table.footer.header}</th>
                  {table.columns.map((c) => (
                    <td key={c.key} className="num">
                      {table.footer!.cells[c.key]}
                    </td>
                  ))}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      </details>
    </section>
  );
}
