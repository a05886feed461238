import { useId } from 'preact/hooks';

export interface BarDatum {
  label: string;
  value: number;
  /** A second value drawn as a lighter bar behind (e.g. last month's size). */
  compare?: number;
}

interface Props {
  title: string;
  data: readonly BarDatum[];
  /** How values read in the summary and the table. */
  format: (v: number) => string;
  valueLabel: string;
  compareLabel?: string;
  /** One sentence that says what the picture shows, for everyone (and the SVG's accessible name). */
  summary: string;
  horizontal?: boolean;
}

/**
 * A hand-written SVG bar chart (a charting library would cost more than the whole workbench's
 * view code): the picture is decoration for sighted readers, the caption summarises it, and the
 * data table below is the text alternative for everyone else.
 */
export function BarChart({ title, data, format, valueLabel, compareLabel, summary, horizontal = false }: Props) {
  const id = useId();
  const max = Math.max(1e-9, ...data.map((d) => Math.max(d.value, d.compare ?? 0)));
  const n = Math.max(1, data.length);
  const width = 640;
  const height = horizontal ? Math.max(120, n * 28 + 10) : 220;
  const labelWidth = horizontal ? 160 : 0;
  return (
    <figure class="chart" aria-labelledby={`${id}-t`}>
      <figcaption>
        <strong id={`${id}-t`}>{title}</strong>
        <span class="chart-summary">{summary}</span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height + (horizontal ? 0 : 40)}`} role="img" aria-label={`${title}. ${summary}`}>
        {data.map((d, i) => {
          if (horizontal) {
            const barMax = width - labelWidth - 90;
            const y = 5 + i * 28;
            return (
              <g key={d.label}>
                <text x={labelWidth - 6} y={y + 16} text-anchor="end" class="chart-label">
                  {d.label}
                </text>
                {d.compare !== undefined && (
                  <rect class="bar-compare" x={labelWidth} y={y + 2} width={(d.compare / max) * barMax} height={20} />
                )}
                <rect class="bar" x={labelWidth} y={y + 6} width={(d.value / max) * barMax} height={12} />
                <text x={labelWidth + (d.value / max) * barMax + 4} y={y + 16} class="chart-value">
                  {format(d.value)}
                </text>
              </g>
            );
          }
          const slot = width / n;
          const h = (d.value / max) * (height - 20);
          const every = Math.ceil(n / 12);
          return (
            <g key={d.label}>
              <rect class="bar" x={i * slot + slot * 0.15} y={height - h} width={slot * 0.7} height={h}>
                <title>{`${d.label}: ${format(d.value)}`}</title>
              </rect>
              {i % every === 0 && (
                <text x={i * slot + slot / 2} y={height + 16} text-anchor="middle" class="chart-label">
                  {d.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Show the data as a table</summary>
        <table>
          <caption class="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{horizontal ? 'Group' : 'Period'}</th>
              <th scope="col">{valueLabel}</th>
              {compareLabel && <th scope="col">{compareLabel}</th>}
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td class="num">{format(d.value)}</td>
                {compareLabel && <td class="num">{d.compare === undefined ? '—' : format(d.compare)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
