// Bundles the TypeScript CLI (src/cli/main.ts) into dist/cli.mjs with esbuild: the
// launcher (cordial.mjs) calls it when the bundle is missing or older than a source, and
// `npm pack` runs it (prepack). esbuild comes with the repo's dev tools (it is Vite's) and
// bundles in about 50 ms; the file is written atomically so parallel runs never see half of it.
import { mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundle = join(root, 'dist', 'cli.mjs');
export const sources = join(root, 'src');

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

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
