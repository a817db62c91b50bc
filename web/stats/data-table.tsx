/** The table beside each chart (web/stats/charts.tsx), also the KPI table: a caption, scoped headers, numbers right-aligned. */

export interface TableRow {
  /** The row header (scope="row"). */
  header: string;
  /** The other cells, already formatted ('<5' or '—' where suppressed). */
  cells: string[];
}

export interface DataTableProps {
  /** Unique in the page: the caption's id derives from it. */
  id: string;
  caption: string;
  /** Column headers, the first over the row headers. */
  headers: string[];
  rows: TableRow[];
  /** Which of `cells` are numbers (right-aligned); all by default. */
  numeric?: boolean[];
  class?: string;
}

/** A table with a caption and scoped headers; numbers right-aligned. */
export function DataTable({ id, caption, headers, rows, numeric, class: extra }: DataTableProps) {
  const isNum = (i: number) => numeric?.[i] ?? true;
  return (
    // A table wider than a phone scrolls sideways: the region takes the keyboard's focus so it can be scrolled.
    <div class="table-scroll" tabindex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table class={`table stats-table${extra ? ` ${extra}` : ''}`} id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>{headers.map((h, i) => <th scope="col" class={i > 0 && isNum(i - 1) ? 'num' : undefined}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, i) => <td class={isNum(i) ? 'num' : undefined}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
