#!/usr/bin/env node
// The `cordial` command. The CLI is written in TypeScript (src/cli/); plain Node 20 cannot
// run that, so this launcher runs a bundle of it: dist/cli.mjs, which `npm pack` ships
// (prepack) and which, in a checkout, is (re)built here with esbuild whenever a source file
// is newer. esbuild comes with the repo's dev tools (it is Vite's), bundles in ~50 ms, and
// the bundle is written atomically so parallel invocations never see half a file.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli.mjs');
const sources = join(root, 'src');

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

export async function buildCli(outfile = bundle) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(
      'cordial: dist/cli.mjs is missing and esbuild is not installed to build it; run `npm install` in the repository.',
    );
  }
  mkdirSync(dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [join(sources, 'cli', 'main.ts')],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Runtime dependencies (zod, papaparse) stay imports, resolved from the package's node_modules.
    packages: 'external',
    logLevel: 'warning',
  });
  renameSync(temporary, outfile);
}

const stale = existsSync(sources) && (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(sources));
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `cordial … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    if (stale) await buildCli();
    const { main } = await import(pathToFileURL(bundle).href);
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
