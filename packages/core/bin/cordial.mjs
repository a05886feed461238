#!/usr/bin/env node
// The `cordial` command. The CLI is written in TypeScript (src/cli/); plain Node 20 cannot
// run that, so this launcher runs a bundle of it, dist/cli.mjs, which `npm pack` ships
// (prepack) and which, in a checkout, build-cli.mjs (re)builds whenever a source is newer.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, bundle, sources } from './build-cli.mjs';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// `cordial … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
try {
  const stale = existsSync(sources) && (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(sources));
  if (stale) await buildCli();
  const { main } = await import(pathToFileURL(bundle).href);
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
