import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const DIST = resolve(import.meta.dirname, '../../dist');

/** Gzip bytes (level 9) of one built file; a clear error when the build is missing. */
export function gzipBytes(file: string): number {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first.`);
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** Every file under a built folder with the given extension, relative to dist/. */
export function filesUnder(folder: string, extension: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(DIST, dir))) {
      const rel = join(dir, name);
      if (statSync(join(DIST, rel)).isDirectory()) walk(rel);
      else if (rel.endsWith(extension)) out.push(rel);
    }
  };
  walk(folder);
  return out;
}

/** A built ES module and, transitively, the chunks it imports statically (not the lazy `import()`s). */
export function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(DIST, file), 'utf8');
  for (const match of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    const target = join(file, '..', match[1] ?? '');
    withImports(target, seen);
  }
  return seen;
}

/** The chunks a built module loads later with `import()` (relative paths, resolved against dist/). */
export function lazyImports(file: string): string[] {
  const code = readFileSync(join(DIST, file), 'utf8');
  return [...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => join(file, '..', m[1] ?? ''));
}
