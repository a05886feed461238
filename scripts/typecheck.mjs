// Type-checks every package with its own tsconfig (strict everywhere).
import { run } from './lib/run.mjs';

const projects = ['packages/core', 'sdk', 'extension', 'tests'];
let failed = 0;
// WXT generates the extension's types (.wxt/) from its entrypoints; an entrypoint added since the
// last install would otherwise type-check against stale types. It takes about half a second.
if ((await run('npx', ['wxt', 'prepare'], { label: 'wxt prepare (extension types)' })) !== 0) failed++;
for (const project of projects) {
  const code = await run('npx', ['tsc', '--noEmit', '-p', project], { label: `typecheck ${project}` });
  if (code !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
