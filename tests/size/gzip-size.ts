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
