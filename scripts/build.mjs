// `npm run build`: the release artefacts at stable paths (see README, "Build").
//   dist/extension/chrome-mv3/            unpacked, for "Load unpacked"
//   dist/extension/cordial-chrome.zip     Chrome Web Store upload
//   dist/extension/cordial-firefox.zip    addons.mozilla.org upload (+ its sources zip)
//   dist/demo-extension/chrome-mv3/       the same extension, also matching the loopback demo inbox
//   dist/sdk/cordial.js, cordial.iife.js  the SDK as an ES module and for a script tag, with types
import { rm } from 'node:fs/promises';
import { ensureDependencies, ROOT } from './lib/ensure.mjs';
import { run } from './lib/run.mjs';

export async function build() {
  await ensureDependencies();
  await rm(`${ROOT}/dist`, { recursive: true, force: true });
  const steps = [
    ['extension for Chrome (zip)', 'npx', ['wxt', 'zip', '-b', 'chrome']],
    ['extension for Firefox (zip)', 'npx', ['wxt', 'zip', '-b', 'firefox']],
    ['demo build of the extension', 'npx', ['wxt', 'build', '-b', 'chrome'], { CORDIAL_DEMO: '1' }],
  ];
  for (const [label, command, args, env] of steps) {
    const code = await run(command, args, { label: `build: ${label}`, cwd: ROOT, env, quiet: true });
    if (code !== 0) throw new Error(`build failed at: ${label}`);
  }
  console.log('\n▶ build: SDK (ES module, script tag, widget modules, types)');
  // Vite's build() sets process.env.NODE_ENV = 'production' in this process; `npm test` spawns Vitest
  // from here afterwards, and under that NODE_ENV Vite resolves node: imports for the browser, so the
  // extension's unit tests failed to load ("No such built-in module: node:"). Put it back.
  const nodeEnv = process.env.NODE_ENV;
  try {
    // Imported here, not at the top: it imports Vite, which a fresh clone only has after ensureDependencies().
    const { buildSdk } = await import('./build-sdk.mjs');
    await buildSdk();
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await build();
    console.log('\nBuilt dist/extension, dist/demo-extension and dist/sdk.');
  } catch (error) {
    console.error(`\n✖ ${error.message}`);
    process.exit(1);
  }
}
