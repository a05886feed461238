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

  it('should keep all of the extension JavaScript within 250 KB gzip', () => {
    const total = filesUnder('extension/chrome-mv3', '.js').reduce((sum, file) => sum + gzipBytes(file), 0);
    expect(total).toBeLessThanOrEqual(250 * KB);
  });
});
