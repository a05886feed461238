import { en, type Messages } from './locales/en';

/**
 * Every string of the widget, per language. English is built in; the others load on
 * demand so a visitor downloads only their own language.
 */
export const LOCALES: Record<string, () => Promise<Messages>> = {
  en: async () => en,
  fr: async () => (await import('./locales/fr')).fr,
  ar: async () => (await import('./locales/ar')).ar,
};

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'dv', 'yi', 'ckb']);

const lower = (tag: string) => tag.trim().toLowerCase();
const primary = (tag: string) => lower(tag).split('-')[0] as string;

/**
 * The first wanted locale that is available (exact tag, then same language), in order
 * of preference; `fallback` when none is.
 * @example chooseLocale(['fr-CA', 'en'], ['en', 'fr']) // 'fr'
 */
export function chooseLocale(
  wanted: readonly (string | null | undefined)[],
  available: readonly string[],
  fallback = 'en',
) {
  const list = available.map(lower);
  for (const tag of wanted) {
    if (!tag) continue;
    const exact = list.indexOf(lower(tag));
    if (exact >= 0) return available[exact] as string;
    const same = list.findIndex((a) => primary(a) === primary(tag));
    if (same >= 0) return available[same] as string;
  }
  return fallback;
}

/** The visitor's languages, most wanted first: an explicit override, the page, then the browser. */
export function wantedLocales(override: string | null, doc: Document, nav: Pick<Navigator, 'languages' | 'language'>) {
  return [override, doc.documentElement.lang, ...(nav.languages ?? []), nav.language];
}

export const directionOf = (locale: string): 'rtl' | 'ltr' => (RTL.has(primary(locale)) ? 'rtl' : 'ltr');

type Key = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

export interface Translator {
  locale: string;
  dir: 'rtl' | 'ltr';
  t(key: Key, vars?: Record<string, string | number>): string;
  count(n: number): string;
  date(iso: string): string;
}

const fill = (text: string, vars: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/** Message lookup, plural rules and date formatting for one locale (Intl picks the plural category). */
export function createTranslator(locale: string, messages: Messages): Translator {
  const plural = new Intl.PluralRules(locale);
  const nf = new Intl.NumberFormat(locale);
  const df = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return {
    locale,
    dir: directionOf(locale),
    t: (key, vars) => fill(messages[key], vars),
    count(n) {
      const forms = messages.results;
      const form = (n === 0 ? forms.zero : undefined) ?? forms[plural.select(n)] ?? forms.other;
      return fill(form, { n: nf.format(n) });
    },
    date: (iso) => df.format(new Date(iso)),
  };
}

export async function loadTranslator(locale: string): Promise<Translator> {
  const load = LOCALES[locale] ?? LOCALES.en;
  return createTranslator(locale, await (load as () => Promise<Messages>)());
}
