import { describe, expect, it } from 'vitest';
import { filesUnder, gzipBytes } from './gzip-size';

/**
 * Size budgets of the extension (gzip bytes, level 9). The content script runs in every
 * webmail tab, so it has the tightest budget; the figures are recorded in the README.
 */
const KB = 1024;

describe('extension bundle budgets', () => {
  it('should keep the content script injected into webmail within 40 KB gzip', () => {
    expect(gzipBytes('extension/chrome-mv3/content-scripts/webmail.js')).toBeLessThanOrEqual(40 * KB);
  });

  // Installed once, never downloaded per page. It was 250 KB for the sidebar alone; the
  // workbench (a full-page app with its analysis worker, loaded only when opened) adds about
  // 100 KB, so the ceiling moved with it, and it still stops silent growth.
  it('should keep all of the extension JavaScript within 320 KB gzip', () => {
    const total = filesUnder('extension/chrome-mv3', '.js').reduce((sum, file) => sum + gzipBytes(file), 0);
    expect(total).toBeLessThanOrEqual(320 * KB);
  });
});
