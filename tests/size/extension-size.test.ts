import { describe, expect, it } from 'vitest';
import { filesUnder, gzipBytes } from './gzip-size';

/**
 * Size budgets of the extension (gzip bytes, level 9). The content script runs in every
 * webmail tab, so it has the tightest budget; the figures are recorded in the README.
 */
const KB = 1024;

describe('extension bundle budgets', () => {
  it('should keep the content script injected into webmail within 16 KB gzip', () => {
    expect(gzipBytes('extension/chrome-mv3/content-scripts/webmail.js')).toBeLessThanOrEqual(16 * KB);
  });

  // The workbench is a full-page app the rep opens on purpose; its own page chunk and its analytics
  // worker have their own budget, so they cannot eat into what the mail-side contexts may weigh.
  const isWorkbench = (file: string) => /\/(chunks\/workbench|assets\/analysis\.worker)-[^/]+\.js$/.test(file);
  // The import worker reads an order file while the workbench stores it; it loads only during an import.
  const isImportWorker = (file: string) => /\/assets\/order-rows\.worker-[^/]+\.js$/.test(file);

  it('should keep all of the extension JavaScript but the workbench within 250 KB gzip', () => {
    const total = filesUnder('extension/chrome-mv3', '.js')
      .filter((file) => !isWorkbench(file) && !isImportWorker(file))
      .reduce((sum, file) => sum + gzipBytes(file), 0);
    expect(total).toBeLessThanOrEqual(250 * KB);
  });

  // Measured at 126.8 KB with hand-written SVG charts (page 93.2 KB, worker 33.6 KB: the models and
  // their zod schemas) under a 130 KB ceiling. Drawing the charts with Chartist made the page 9.8 KB
  // bigger (136.6 KB in all, measured on the same build), so the ceiling rose by 10 KB and no more. The
  // settings chunk the sidebar's phone call also loads (lazily) counts here too. The workbench imports
  // and reads through core's IndexedDB adapter, which grew by 4.8 KB on 2026-12-06 (the page chunk was
  // 104.0 KB, now 108.8 KB, built the same way): contacts in pages 1.6 KB, the direct contact check and
  // the leaner identity index 1.4 KB, the order import's fast paths 1.8 KB. That took the ceiling to 145 KB.
  // Later that day the page chunk grew to 109.0 KB (order rows read without drafts, format 3 order
  // blocks, the direct check of order columns) and then 110.6 KB (the import's side of the import
  // worker), 146.4 KB in all: the ceiling was 147 KB. Schema 6 (the contact directory's key parts and
  // the cache of its shards, 0.6 KB) and the contacts' identities kept apart for the import's links
  // (0.5 KB) took it to 147.5 KB, and schema 7 (the identities in a store of their own, with the
  // migration that moves them, 0.6 KB) to 148.1 KB: the ceiling is 149 KB. The import reading on while its
  // worker starts or after it fails, and one drafting function for the preview and the import, 148.7 KB.
  it('should keep the workbench page and its analytics worker within 149 KB gzip', () => {
    const files = filesUnder('extension/chrome-mv3', '.js').filter(isWorkbench);
    // The page chunk, its worker, and the settings chunk the sidebar's call also loads (lazily).
    expect(files.map((file) => file.replace(/^.*\/(chunks|assets)\//, '$1/').replace(/-[\w-]{8}\.js$/, ''))).toEqual(
      expect.arrayContaining(['assets/analysis.worker', 'chunks/workbench', 'chunks/workbench-settings']),
    );
    expect(files.reduce((sum, file) => sum + gzipBytes(file), 0)).toBeLessThanOrEqual(149 * KB);
  });

  // Measured at 10.9 KB (Papa Parse, the CSV reader and the fast order reader) on 2026-12-06.
  it('should keep the import worker within 12 KB gzip', () => {
    const files = filesUnder('extension/chrome-mv3', '.js').filter(isImportWorker);
    expect(files).toHaveLength(1);
    expect(files.reduce((sum, file) => sum + gzipBytes(file), 0)).toBeLessThanOrEqual(12 * KB);
  });
});
