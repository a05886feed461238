// Type-checks every package with its own tsconfig (strict everywhere).
import { run } from './lib/run.mjs';

const projects = ['packages/core', 'sdk', 'extension', 'tests'];
let failed = 0;
for (const project of projects) {
  const code = await run('npx', ['tsc', '--noEmit', '-p', project], { label: `typecheck ${project}` });
  if (code !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
