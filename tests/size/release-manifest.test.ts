import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './gzip-size';

type Manifest = { permissions?: string[]; host_permissions?: string[]; content_scripts?: { matches: string[] }[] };
const manifest = (folder: string): Manifest => JSON.parse(readFileSync(join(DIST, folder, 'manifest.json'), 'utf8'));

describe('release manifest', () => {
  it('should ask only for the webmail hosts, never loopback or all URLs', () => {
    const release = manifest('extension/chrome-mv3');
    expect(release.host_permissions).toEqual([
      'https://mail.google.com/*',
      'https://outlook.live.com/*',
      'https://outlook.office.com/*',
    ]);
    const matches = release.content_scripts?.flatMap((s) => s.matches) ?? [];
    expect(matches.filter((m) => /127\.0\.0\.1|localhost|<all_urls>|^\*:/.test(m))).toEqual([]);
  });

  it('should add the loopback demo inbox only to the demo build', () => {
    expect(manifest('demo-extension/chrome-mv3').host_permissions).toContain('http://127.0.0.1/mail/*');
  });
});
