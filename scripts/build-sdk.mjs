// The SDK part of `npm run build` (called by scripts/build.mjs):
//   dist/sdk/cordial.js          ES module: the event API and the widget loader (createClient, loadWidgets)
//   dist/sdk/cordial.iife.js     the script tag: defines only window.cordial (event API + loader)
//   dist/sdk/widgets/<name>.js   one lazily loaded ES module per widget in sdk/src/widgets/registry.ts,
//                                imported by the loader only when its element is on the page
//   dist/sdk/chunks/*.js         code the widgets share (Lit, zod/mini)
//   dist/sdk/snippet.js          the queueing snippet (calls before the SDK loads are replayed)
//   dist/sdk/types/              type declarations for @cordial/sdk
// Everything loads under `script-src 'self'`: no eval, no inline code, styles through adoptedStyleSheets.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from './lib/ensure.mjs';
import { run } from './lib/run.mjs';

const SRC = join(ROOT, 'sdk/src');
const OUT = join(ROOT, 'dist/sdk');

/** Every widget folder with an index.ts (the module the loader imports): offer, help, ... */
const widgets = readdirSync(join(SRC, 'widgets'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(SRC, 'widgets', d.name, 'index.ts')))
  .map((d) => d.name);

/**
 * Lit's css`` and html`` templates are strings to a minifier, so their indentation ships as
 * is. Collapse it: CSS whitespace around punctuation, and runs of whitespace with a line
 * break in HTML (equivalent for rendering: our templates have no <pre>).
 */
const minifyLitTemplates = {
  name: 'cordial-minify-lit-templates',
  transform(code, id) {
    if (!id.startsWith(SRC) || !/\b(css|html)`/.test(code)) return null;
    return {
      code: code
        .replace(
          /\bcss`([^`]*)`/g,
          (_, text) =>
            `css\`${text
              .replace(/\/\*[\s\S]*?\*\//g, '')
              .replace(/\s+/g, ' ')
              .replace(/\s*([{}:;,>])\s*/g, '$1')
              .replace(/;}/g, '}')
              .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
              .trim()}\``,
        )
        .replace(/\bhtml`([^`]*)`/g, (_, text) => `html\`${text.replace(/\s*\n\s*/g, ' ')}\``),
      // No map of our own: the module's previous one is kept, so source maps still name this file.
      map: null,
    };
  },
};

// Relative base: chunk and worker URLs resolve against the module that loads them, wherever dist/sdk is served.
const common = {
  base: './',
  configFile: false,
  logLevel: 'warn',
  root: ROOT,
  publicDir: false,
  plugins: [minifyLitTemplates],
};
const target = 'es2022';

/**
 * @param {{ out?: string, sourcemap?: boolean, types?: boolean }} [options] another folder is for the npm package
 *   (sdk/dist, see "prepack" in sdk/package.json) and, with source maps and no types, for sdk/scripts/size-breakdown.mjs.
 */
export async function buildSdk({ out = OUT, sourcemap = false, types = true } = {}) {
  // The JSON Schemas the browser checks, generated from the zod schemas (zod is not shipped).
  const gen = await run('npx', ['vite-node', 'sdk/scripts/gen-schemas.ts'], {
    label: 'build: SDK JSON schemas',
    cwd: ROOT,
    quiet: true,
  });
  if (gen !== 0) throw new Error('SDK schema generation failed');
  // The ES module build: the package entry plus one entry per widget, sharing chunks.
  await build({
    ...common,
    build: {
      outDir: out,
      emptyOutDir: true,
      target,
      minify: true,
      sourcemap,
      lib: {
        entry: Object.fromEntries([
          ['cordial', join(SRC, 'index.ts')],
          ...widgets.map((name) => [`widgets/${name}`, join(SRC, 'widgets', name, 'index.ts')]),
        ]),
        formats: ['es'],
      },
      // Lib mode keeps whitespace in ES output unless the output itself is minified. The files are served as
      // they are, so the /* @__PURE__ */ annotations meant for a later bundler are dropped (about 60 B gzip each).
      rolldownOptions: {
        output: {
          minify: true,
          comments: false,
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  });
  // The script-tag build: one classic script, no exports; it imports the widget modules above by URL.
  await build({
    ...common,
    build: {
      outDir: out,
      emptyOutDir: false,
      target,
      minify: true,
      sourcemap,
      lib: {
        entry: join(SRC, 'global.ts'),
        formats: ['iife'],
        name: 'cordialLoader',
        fileName: () => 'cordial.iife.js',
      },
      rolldownOptions: { output: { minify: true, comments: false } },
    },
  });
  copyFileSync(join(SRC, 'snippet.js'), join(out, 'snippet.js'));
  if (!types) return;
  const code = await run('npx', ['tsc', '-p', 'sdk/tsconfig.build.json', '--outDir', join(out, 'types')], {
    label: 'build: SDK type declarations',
    cwd: ROOT,
  });
  if (code !== 0) throw new Error('SDK type declarations failed');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `--out DIR` (relative to the repository): where to build instead of dist/sdk.
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? join(ROOT, process.argv[at + 1] ?? '') : OUT;
  await buildSdk({ out });
  console.log(`Built ${out} (widgets: ${widgets.join(', ')}).`);
}
