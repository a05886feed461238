import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  cell: (row: T) => ComponentChildren;
  /** When set, the header is a sort button. */
  sort?: 'ascending' | 'descending' | 'none';
  onSort?: () => void;
}

interface Props<T> {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** What the live region reads for the active row. */
  rowLabel: (row: T) => string;
  onOpen?: (row: T) => void;
  rowHeight?: number;
  height?: number;
}

const OVERSCAN = 8;

/**
 * A table that renders only the rows in view (plus a few), so 100,000 rows scroll as smoothly as 100.
 * It stays a real table for assistive technology: aria-rowcount gives the full size, each row its
 * aria-rowindex. Keyboard: arrows, Page Up/Down, Home/End move the active row; Enter opens it.
 */
export function VirtualTable<T>({
  label,
  rows,
  columns,
  rowKey,
  rowLabel,
  onOpen,
  rowHeight = 36,
  height = 520,
}: Props<T>) {
  const scroller = useRef<HTMLElement>(null);
  const [top, setTop] = useState(0);
  const [active, setActive] = useState(0);
  const visible = Math.ceil(height / rowHeight);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, first + visible + OVERSCAN * 2);
  const safeActive = Math.min(active, Math.max(0, rows.length - 1));

  useLayoutEffect(() => {
    setActive(0);
    if (scroller.current) scroller.current.scrollTop = 0;
    setTop(0);
  }, [rows]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    const el = scroller.current;
    if (!el) return;
    const header = rowHeight;
    if (next * rowHeight < el.scrollTop) el.scrollTop = next * rowHeight;
    else if ((next + 1) * rowHeight + header > el.scrollTop + el.clientHeight)
      el.scrollTop = (next + 1) * rowHeight + header - el.clientHeight;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, number> = {
      ArrowDown: safeActive + 1,
      ArrowUp: safeActive - 1,
      PageDown: safeActive + visible,
      PageUp: safeActive - visible,
      Home: 0,
      End: rows.length - 1,
    };
    if (e.key in keys) {
      e.preventDefault();
      move(keys[e.key] as number);
    } else if (e.key === 'Enter' && onOpen && rows[safeActive] && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      onOpen(rows[safeActive] as T);
    }
  };

  const activeRow = rows[safeActive];
  return (
    <section
      class="vtable"
      ref={scroller}
      style={{ height: `${height}px` }}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll region takes focus so the arrow keys can move through rows.
      tabIndex={0}
      aria-label={`${label}: ${rows.length} rows. Use the arrow keys to move, Enter to open.`}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <p class="sr-only" aria-live="polite">
        {activeRow ? `Row ${safeActive + 1} of ${rows.length}: ${rowLabel(activeRow)}` : ''}
      </p>
      <table class="table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1} style={{ height: `${rowHeight}px` }}>
            {columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined} aria-sort={c.sort}>
                {c.onSort ? (
                  <button type="button" class="sort" onClick={c.onSort}>
                    {c.label}
                    <span aria-hidden="true">
                      {c.sort === 'ascending' ? ' ▲' : c.sort === 'descending' ? ' ▼' : ''}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr class="spacer" style={{ height: `${first * rowHeight}px` }} />}
          {rows.slice(first, last).map((row, i) => {
            const index = first + i;
            return (
              <tr
                key={rowKey(row)}
                id={`row-${rowKey(row)}`}
                aria-rowindex={index + 2}
                aria-selected={index === safeActive}
                class={index === safeActive ? 'active' : undefined}
                style={{ height: `${rowHeight}px` }}
                onClick={() => {
                  setActive(index);
                  onOpen?.(row);
                }}
              >
                {columns.map((c) => (
                  <td key={c.key} class={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {last < rows.length && <tr class="spacer" style={{ height: `${(rows.length - last) * rowHeight}px` }} />}
        </tbody>
      </table>
    </section>
  );
}
