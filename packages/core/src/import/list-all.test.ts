import { describe, expect, it } from 'vitest';
import type { Repository } from '../ports/repository.ts';
import { listAll } from './list-all.ts';

/** A repository whose contact list has two pages, the second failing; `asked` records each read. */
function twoPages(asked: string[]): Repository {
  return {
    list: async (_store: string, options: { after?: string } = {}) => {
      asked.push(options.after ?? 'first');
      if (options.after) throw new Error('the second page is unreadable');
      return { records: [{ id: 'a' }, { id: 'b' }], corrupt: [], next: 'b' };
    },
  } as unknown as Repository;
}

describe('listAll', () => {
  it('should ask for the next page before handing out this one, and report its failure to a caller that goes on', async () => {
    const asked: string[] = [];
    const seen: string[] = [];
    const reading = (async () => {
      for await (const record of listAll(twoPages(asked), 'contacts')) {
        seen.push(record.id);
        expect(asked).toEqual(['first', 'b']);
      }
    })();
    await expect(reading).rejects.toThrow(/second page/);
    expect(seen).toEqual(['a', 'b']);
  });

  it('should leave a prefetched page that fails unheard when the caller stops early', async () => {
    const asked: string[] = [];
    for await (const record of listAll(twoPages(asked), 'contacts')) if (record.id === 'a') break;
    // An unhandled rejection would fail the run; give it a turn to surface.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toEqual(['first', 'b']);
  });
});
