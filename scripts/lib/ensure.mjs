// What `npm test` and `npm run demo` install by themselves on a fresh machine.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs npm dependencies when node_modules is absent or older than package-lock.json. */
export async function ensureDependencies() {
  const lock = join(ROOT, 'package-lock.json');
  const stamp = join(ROOT, 'node_modules', '.cordial-lock-hash');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  const why = existsSync(join(ROOT, 'node_modules')) ? 'package-lock.json changed' : 'node_modules is missing';
  const code = await run('npm', ['ci', '--no-audit', '--no-fund'], {
    label: `installing npm dependencies (${why})`,
    cwd: ROOT,
  });
  if (code !== 0) throw new Error('npm ci failed: see the output above.');
  writeFileSync(stamp, hash);
}

/** Installs Debian's chromium when it is missing (apt-get, as root); explains otherwise. */
export async function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Install Debian's package as root: ` +
        `apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  let code = await run('apt-get', ['update', '-qq'], { label: 'installing Debian chromium (apt-get update)', env });
  if (code === 0)
    code = await run('apt-get', ['install', '-y', '-qq', 'chromium'], { label: 'apt-get install chromium', env });
  if (code !== 0 || !existsSync(CHROMIUM))
    throw new Error('Could not install chromium with apt-get: see the output above.');
}
