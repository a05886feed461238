import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A saved fixture page as a Document, with one of its templated views rendered the way the
 * page's own router would (the fixtures keep each conversation in a <template>).
 */
export function fixturePage(file: string, view: string, mount: string): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures', file), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const template = doc.getElementById(view);
  const target = doc.getElementById(mount);
  if (!(template instanceof HTMLTemplateElement) || !target) throw new Error(`${file} has no view ${view}`);
  target.replaceChildren(template.content.cloneNode(true));
  return doc;
}
