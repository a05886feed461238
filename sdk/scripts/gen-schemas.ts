// Writes the JSON Schemas the browser checks (sdk/src/schemas/*.json) from the zod schemas,
// the single source of truth. Run by scripts/build-sdk.mjs; schemas.test.ts fails when the
// committed files are stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS, toShippedSchema } from '../src/schemas/index';

for (const [name, schema] of Object.entries(SCHEMAS))
  writeFileSync(
    join(import.meta.dirname, '../src/schemas', `${name}.json`),
    `${JSON.stringify(toShippedSchema(schema))}\n`,
  );
console.log(`wrote ${Object.keys(SCHEMAS).length} JSON schemas to sdk/src/schemas/`);
