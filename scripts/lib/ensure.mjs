// What `npm test` and `npm run demo` install by themselves on a fresh machine.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The files whose change needs a fresh install: the lock file, and every package.json of the
 * workspace, because a workspace gaining a `bin` or an install script changes node_modules
 * without always changing the lock file.
 */
function installInputs() {
  const { workspaces = [] } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return ['package-lock.json', 'package.json', ...workspaces.map((folder) => `${folder}/package.json`)];
}

/** Installs npm dependencies when node_modules is absent or older than the files above. */
export async function ensureDependencies() {
  const stamp = join(ROOT, 'node_modules', '.cordial-lock-hash');
  const hash = createHash('sha256');
  for (const file of installInputs()) hash.update(file).update(readFileSync(join(ROOT, file)));
  const digest = hash.digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  const why = existsSync(join(ROOT, 'node_modules')) ? 'package files changed' : 'node_modules is missing';
  const code = await run('npm', ['ci', '--no-audit', '--no-fund'], {
    label: `installing npm dependencies (${why})`,
    cwd: ROOT,
  });
  if (code !== 0) throw new Error('npm ci failed: see the output above.');
  writeFileSync(stamp, digest);
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
