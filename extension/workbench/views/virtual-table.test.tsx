import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { VirtualTable } from './virtual-table';

interface Row {
  id: string;
  name: string;
}

const rows: Row[] = Array.from({ length: 100_000 }, (_, i) => ({ id: `c${i}`, name: `Customer ${i}` }));

function mount(onOpen: (row: Row) => void = () => {}) {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => {
    render(
      <VirtualTable
        label="Customers"
        rows={rows}
        columns={[{ key: 'name', label: 'Name', cell: (r) => r.name }]}
        rowKey={(r) => r.id}
        rowLabel={(r) => r.name}
        onOpen={onOpen}
      />,
      host,
    );
  });
  return host;
}

const dataRows = (host: HTMLElement) => [...host.querySelectorAll('tbody tr:not(.spacer)')] as HTMLElement[];

describe('VirtualTable', () => {
  it('should render only the rows in view of 100,000 and announce the full size', () => {
    const host = mount();
    expect(dataRows(host).length).toBeLessThan(50);
    expect(host.querySelector('table')?.getAttribute('aria-rowcount')).toBe('100001');
    const spacers = [...host.querySelectorAll('tbody tr.spacer')] as HTMLElement[];
    expect(spacers.map((s) => s.style.height)).toEqual([`${(100_000 - dataRows(host).length) * 36}px`]);
  });

  it('should move to the last row with End, render it with its row index, and open it with Enter', () => {
    const opened: Row[] = [];
    const host = mount((row) => opened.push(row));
    const region = host.querySelector('section') as HTMLElement;
    act(() => {
      region.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    act(() => {
      region.dispatchEvent(new Event('scroll'));
    });
    const last = dataRows(host).at(-1) as HTMLElement;
    expect(last.textContent).toBe('Customer 99999');
    expect(last.getAttribute('aria-rowindex')).toBe('100001');
    expect(last.getAttribute('aria-selected')).toBe('true');
    expect(dataRows(host).length).toBeLessThan(50);
    act(() => {
      region.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(opened.map((r) => r.id)).toEqual(['c99999']);
    expect(host.querySelector('[aria-live]')?.textContent).toBe('Row 100000 of 100000: Customer 99999');
  });
});
