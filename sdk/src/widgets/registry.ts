/**
 * Custom element tag → widget module (dist/sdk/widgets/<name>.js, built from
 * sdk/src/widgets/<name>/index.ts). The loader imports a widget only when its tag
 * appears on the page; adding a widget is one folder plus one line here.
 */
export const WIDGETS: Readonly<Record<string, string>> = {
  'cordial-offer': 'offer',
  'cordial-help': 'help',
};
