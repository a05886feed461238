// `npm run demo`: builds everything and serves the demo on http://127.0.0.1:4173 (PORT overrides).
//   /store/  a storefront embedding the SDK with one script tag
//   /mail/   a Gmail-like inbox for the extension (load dist/demo-extension/chrome-mv3)
// With a display available, it also opens Chromium with the extension loaded on the demo.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from './build.mjs';
import { listen } from './demo-server.mjs';
import { CHROMIUM, ROOT } from './lib/ensure.mjs';

try {
  await build();
} catch (error) {
  console.error(`\n✖ ${error.message}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 4173);
const { url } = await listen(port);
const extension = join(ROOT, 'dist/demo-extension/chrome-mv3');
console.log(`
Cordial demo is running.
  Home        ${url}/
  Storefront  ${url}/store/
  Inbox       ${url}/mail/
  Collector   ${url}/collect/events.ndjson
  Extension   ${extension}
              (chrome://extensions → Developer mode → Load unpacked → that folder)
Press Ctrl+C to stop.`);

if ((process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && existsSync(CHROMIUM) && !process.env.CORDIAL_NO_BROWSER) {
  const profile = mkdtempSync(join(tmpdir(), 'cordial-demo-'));
  const browser = spawn(
    CHROMIUM,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--disable-background-networking',
      `${url}/`,
      `${url}/mail/#inbox/t1`,
    ],
    { stdio: 'ignore', detached: true },
  );
  browser.unref();
  console.log('Opened Chromium with the extension loaded.');
}
