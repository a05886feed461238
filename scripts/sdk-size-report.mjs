// Where the SDK's bytes go: builds the ES module entries (the event API and each widget) in
// memory, exactly as scripts/build-sdk.mjs does, and prints each chunk's gzip size (level 9)
// with a share per source module, in proportion to the module's rendered length (before the
// chunk is minified as a whole, so the shares are estimates; the chunk totals are exact).
//   node scripts/sdk-size-report.mjs [chunk-name-filter]
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { esBuildOptions } from './build-sdk.mjs';
import { ROOT } from './lib/ensure.mjs';

const filter = new RegExp(process.argv[2] ?? '.');
const report = {
  name: 'cordial-size-report',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || !filter.test(chunk.fileName)) continue;
      const gzip = gzipSync(chunk.code, { level: 9 }).length;
      const modules = Object.entries(chunk.modules).filter(([, m]) => m.renderedLength > 0);
      const rendered = modules.reduce((sum, [, m]) => sum + m.renderedLength, 0);
      console.log(`\n${chunk.fileName}: ${gzip} B gzip (${chunk.code.length} B minified)`);
      for (const [id, m] of modules.sort(([, a], [, b]) => b.renderedLength - a.renderedLength))
        console.log(
          `  ~${String(Math.round((gzip * m.renderedLength) / rendered)).padStart(6)} B  ${id.replace(`${ROOT}/`, '')}`,
        );
    }
  },
};

const options = esBuildOptions();
await build({
  ...options,
  plugins: [...options.plugins, report],
  build: { ...options.build, write: false, outDir: join(ROOT, '.cache/size-report') },
});
