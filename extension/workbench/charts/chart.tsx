import { BarChart, type BarChartOptions, LineChart, type LineChartOptions } from 'chartist';
import { useEffect, useId, useRef } from 'preact/hooks';

export interface ChartSeries {
  /** Names the series in the legend and heads its column in the data table. */
  name: string;
  values: readonly number[];
  /**
   * `compare` is drawn lighter, behind: a reference such as last month's size or the unweighted pipeline;
   * `table` is not drawn, only listed in the data table (detail that would clutter the picture).
   */
  tone?: 'main' | 'compare' | 'table';
}

interface Props {
  title: string;
  /** One sentence that says what the picture shows, for everyone (and the picture's accessible name). */
  summary: string;
  /** `line` for a time series (a line over a shaded area), `bars` for counts per group or per bin. */
  kind: 'bars' | 'line';
  labels: readonly string[];
  /** The reference series (tone `compare`) first, so the main one is drawn on top. */
  series: readonly ChartSeries[];
  /** How values read in the table, the tooltips and the bar ends. */
  format: (v: number) => string;
  /** How values read on the value axis (shorter, e.g. "€12K"); `format` when absent. */
  axisFormat?: (v: number) => string;
  /** The data table's first column heading. */
  labelHeading: string;
  horizontal?: boolean;
}

const ROW = 26;

/**
 * A chart drawn by Chartist (SVG, labels written as text nodes, never as HTML), with the caption that
 * summarises it, a legend when it has more than one series, and the data table as its text alternative.
 * The picture itself is one image for assistive technology (its name is the title and the summary):
 * the table below says everything it shows, and is reached from the keyboard like any disclosure.
 */
export function Chart(props: Props) {
  const { title, summary, labels, series, format, labelHeading, horizontal = false } = props;
  const id = useId();
  const plot = useRef<HTMLDivElement>(null);
  const drawn = series.filter((s) => s.tone !== 'table');

  useEffect(() => {
    const host = plot.current;
    if (!host) return;
    const axisFormat = props.axisFormat ?? format;
    const valueAxis = { labelInterpolationFnc: (v: unknown) => axisFormat(Number(v)), onlyInteger: true, offset: 64 };
    const labelAxis = { showGrid: false, offset: horizontal ? 150 : 30 };
    const data = {
      labels: [...labels],
      series: drawn.map((s) => ({ name: s.name, className: `ct-series-${s.tone ?? 'main'}`, data: [...s.values] })),
    };
    const height = horizontal ? Math.max(120, labels.length * ROW * (drawn.length > 1 ? 1.4 : 1) + 40) : 240;
    const common = { height, low: 0, chartPadding: { top: 12, right: horizontal ? 72 : 16, bottom: 4, left: 8 } };
    const created =
      props.kind === 'line'
        ? new LineChart(host, data, {
            ...common,
            showArea: true,
            // Straight segments between the months: a smoothed curve would invent values between them.
            lineSmooth: false,
            fullWidth: true,
            axisY: valueAxis,
            // Month labels are long: show about a dozen whatever the length of the series.
            axisX: { ...labelAxis, labelInterpolationFnc: (v, i) => (i % Math.ceil(labels.length / 12) ? null : v) },
          } satisfies LineChartOptions)
        : new BarChart(host, data, {
            ...common,
            horizontalBars: horizontal,
            reverseData: horizontal,
            seriesBarDistance: 9,
            axisX: horizontal ? valueAxis : labelAxis,
            axisY: horizontal ? labelAxis : valueAxis,
          } satisfies BarChartOptions);
    created.on('draw', (event) => {
      if (event.type !== 'bar' && event.type !== 'point') return;
      // Horizontal bars are drawn bottom-up from reversed data (Chartist reverses the labels, the
      // series and their values), so the first group sits at the top.
      const index = horizontal ? labels.length - 1 - event.index : event.index;
      const shown = drawn[horizontal ? drawn.length - 1 - event.seriesIndex : event.seriesIndex];
      const value = shown?.values[index];
      if (value === undefined) return;
      const name = drawn.length > 1 ? ` (${shown?.name})` : '';
      // A native tooltip on hover; Chartist's `text` writes a text node.
      event.element.elem('title').text(`${labels[index]}${name}: ${format(value)}`);
      // Horizontal bars read best with their value written at the end of the main bar.
      if (event.type === 'bar' && horizontal && shown?.tone !== 'compare') {
        event.group.elem('text', { x: event.x2 + 4, y: event.y2 + 4 }, 'ct-bar-value').text(format(value));
      }
    });
    // The wrapper is the one image assistive technology sees; the SVG's labels and tooltips inside it
    // would be read again, piece by piece.
    created.on('created', () => host.querySelector('svg')?.setAttribute('aria-hidden', 'true'));
    return () => {
      created.detach();
      host.replaceChildren();
    };
    // The views rebuild their arrays on every render: redraw only when what is drawn changes.
  }, [props.kind, horizontal, JSON.stringify([labels, series]), format, props.axisFormat]);

  return (
    <figure class="chart" aria-labelledby={`${id}-t`}>
      <figcaption>
        <strong id={`${id}-t`}>{title}</strong>
        <span class="chart-summary">{summary}</span>
      </figcaption>
      {drawn.length > 1 && (
        <ul class="chart-legend" aria-hidden="true">
          {drawn.map((s) => (
            <li key={s.name} class={`legend-${s.tone ?? 'main'}`}>
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <div ref={plot} class="chart-plot" role="img" aria-label={`${title}. ${summary}`} />
      <details>
        <summary>Show the data as a table</summary>
        <table>
          <caption class="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              {series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td class="num" key={s.name}>
                    {s.values[i] === undefined ? '—' : format(s.values[i] as number)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
