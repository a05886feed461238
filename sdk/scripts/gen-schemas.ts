// Writes the JSON Schemas the browser checks (sdk/src/schemas/*.json) from the zod schemas,
// the single source of truth. Run by scripts/build-sdk.mjs; schemas.test.ts fails when the
// committed files are stale. Formatted with Biome so that a build leaves the tree unchanged.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS, toShippedSchema } from '../src/schemas/index';

const files = Object.entries(SCHEMAS).map(([name, schema]) => {
  const file = join(import.meta.dirname, '../src/schemas', `${name}.json`);
  writeFileSync(file, `${JSON.stringify(toShippedSchema(schema))}\n`);
  return file;
});
execFileSync('npx', ['biome', 'format', '--write', ...files], { stdio: 'ignore' });
console.log(`wrote ${files.length} JSON schemas to sdk/src/schemas/`);
