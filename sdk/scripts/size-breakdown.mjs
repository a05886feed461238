// Where the SDK's gzip bytes go, per source module:
//   node sdk/scripts/size-breakdown.mjs [cordial.iife.js] [cordial.js] [widgets/offer.js] ...
// Builds dist/sdk again with source maps into a temporary folder, follows each file's static imports (what the size
// budgets in tests/size count), and gives every source module the bytes it costs: its minified characters, and how
// much smaller the gzip of the file gets without them (leave-one-out; the shares are scaled to the file's total,
// since gzip's back-references make the deltas add up to less). Code without a mapping (JSON imports) is listed by
// its first characters.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSdk } from '../../scripts/build-sdk.mjs';
import { ROOT } from '../../scripts/lib/ensure.mjs';

const entries = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'cordial-sdk-size-'));
const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** Base64 VLQ (the source map "mappings" encoding) → [generated column, source index?] per segment, per line. */
function decodeMappings(mappings) {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const values = [];
        let value = 0;
        let shift = 0;
        for (const char of segment) {
          const digit = digits.indexOf(char);
          value += (digit & 31) << shift;
          shift += 5;
          if (digit & 32) continue;
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
        column += values[0];
        if (values.length > 1) source += values[1];
        return [column, values.length > 1 ? source : -1];
      });
  });
}

/** The file and, transitively, the chunks it imports statically (as tests/size/gzip-size.ts counts them). */
function withImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(out, file), 'utf8');
  for (const match of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g))
    withImports(join(file, '..', match[1]), seen);
  return seen;
}

/** Bytes per source module of one built file: [name, minified characters, scaled gzip share]. */
function attribute(file) {
  const code = readFileSync(join(out, file), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '');
  const map = JSON.parse(readFileSync(join(out, `${file}.map`), 'utf8'));
  const lines = code.split('\n');
  const owners = new Map();
  const own = (name, line, from, to) => {
    const spans = owners.get(name) ?? [];
    spans.push([line, from, to]);
    owners.set(name, spans);
  };
  const moduleName = (index) =>
    relative(ROOT, join(out, file, '..', map.sources[index])).replace(/^.*node_modules\//, '');
  decodeMappings(map.mappings).forEach((segments, line) => {
    segments.forEach(([column, source], i) => {
      const end = segments[i + 1]?.[0] ?? lines[line].length;
      const name = source >= 0 ? moduleName(source) : `(unmapped: ${lines[line].slice(column, column + 40).trim()}…)`;
      if (end > column) own(source >= 0 || end - column > 100 ? name : `(unmapped bits of ${file})`, line, column, end);
    });
  });
  const total = gzip(code);
  const rows = [...owners].map(([name, spans]) => {
    const drop = lines.map((text) => [...text].map(() => false));
    let chars = 0;
    for (const [line, from, to] of spans)
      for (let c = from; c < to; c++) {
        drop[line][c] = true;
        chars++;
      }
    const without = lines.map((text, line) => [...text].filter((_, c) => !drop[line][c]).join('')).join('\n');
    return [name, chars, total - gzip(without)];
  });
  const sum = rows.reduce((s, [, , delta]) => s + delta, 0);
  return { total, rows: rows.map(([name, chars, delta]) => [name, chars, Math.round((delta * total) / sum)]) };
}

try {
  await buildSdk({ out, sourcemap: true, types: false });
  for (const entry of entries.length ? entries : ['cordial.iife.js', 'cordial.js', 'widgets/offer.js']) {
    const rows = new Map();
    let total = 0;
    for (const file of withImports(entry)) {
      const result = attribute(file);
      total += result.total;
      for (const [name, chars, share] of result.rows) {
        const row = rows.get(name) ?? [0, 0];
        rows.set(name, [row[0] + chars, row[1] + share]);
      }
    }
    console.log(`\n${entry} with its static imports: ${total} B gzip`);
    console.log('  gzip B   min. chars  module');
    for (const [name, [chars, share]] of [...rows].sort((a, b) => b[1][1] - a[1][1]))
      console.log(`  ${String(share).padStart(6)}   ${String(chars).padStart(10)}  ${name}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
