import type { Theme } from '../messaging/protocol';

/** Parses `rgb(…)`/`rgba(…)` as computed styles report them; undefined when transparent. */
function rgb(color: string): [number, number, number] | undefined {
  const parts = /rgba?\(([^)]+)\)/
    .exec(color)?.[1]
    ?.split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (!parts || parts.length < 3 || parts[3] === 0) return undefined;
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

/**
 * Light or dark, following the webmail's own theme: the relative luminance of the first
 * opaque background from the main region up to the root.
 */
export function pageTheme(doc: Document, start: Element | null): Theme {
  const view = doc.defaultView;
  for (let el: Element | null = start ?? doc.body; el && view; el = el.parentElement) {
    const color = rgb(view.getComputedStyle(el).backgroundColor);
    if (!color) continue;
    const [r, g, b] = color.map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.3 ? 'dark' : 'light';
  }
  return view?.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
