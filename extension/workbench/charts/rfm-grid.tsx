import type { Format } from '../format';
import type { RfmCell } from '../model/analysis-views';

interface Props {
  grid: RfmCell[][];
  format: Format;
  onOpen: (r: number, f: number) => void;
}

/**
 * Recency (rows, 5 = most recent at the top) by frequency (columns): each cell is a button with
 * its count, coloured by the mean monetary value of its customers (darker = more). It is a real
 * table, so a screen reader announces the row and column of every cell.
 */
export function RfmGrid({ grid, format, onOpen }: Props) {
  const values = grid.flat().flatMap((c) => (c.meanMonetary === undefined ? [] : [c.meanMonetary]));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const shade = (v: number | undefined) => (v === undefined || hi === lo ? 0 : (v - lo) / (hi - lo));
  const rows = [...grid].reverse();
  return (
    <figure class="chart">
      <figcaption>
        <strong id="rfm-title">RFM grid: recency by frequency</strong>
        <span class="chart-summary">
          Counts of customers per recency and frequency score; colour shows their mean spend, from{' '}
          {format.money(values.length ? lo : undefined)} (light) to {format.money(values.length ? hi : undefined)}{' '}
          (dark). Choose a cell to open its customers.
        </span>
      </figcaption>
      <table class="rfm-grid" aria-labelledby="rfm-title">
        <thead>
          <tr>
            <td />
            {grid[0]?.map((c) => (
              <th scope="col" key={c.f}>
                F{c.f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((line) => (
            <tr key={line[0]?.r}>
              <th scope="row">R{line[0]?.r}</th>
              {line.map((cell) => {
                const s = shade(cell.meanMonetary);
                return (
                  <td key={cell.f}>
                    <button
                      type="button"
                      class="rfm-cell"
                      style={{ '--shade': String(s), color: s > 0.55 ? 'white' : 'inherit' }}
                      disabled={cell.count === 0}
                      aria-label={`Recency ${cell.r}, frequency ${cell.f}: ${format.integer(cell.count)} customers, mean spend ${format.money(cell.meanMonetary)}`}
                      onClick={() => onOpen(cell.r, cell.f)}
                    >
                      {format.integer(cell.count)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
