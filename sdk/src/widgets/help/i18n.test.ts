import { describe, expect, it } from 'vitest';
import { chooseLocale, createTranslator, directionOf, LOCALES, loadTranslator, wantedLocales } from './i18n';
import { en } from './locales/en';

describe('chooseLocale', () => {
  it('should take the first wanted language that is available, by exact tag or by language', () => {
    expect(chooseLocale(['fr-CA', 'en'], ['en', 'fr'])).toBe('fr');
    expect(chooseLocale(['de', 'ar-EG'], ['en', 'fr', 'ar'])).toBe('ar');
    expect(chooseLocale(['pt-BR', 'pt-PT'], ['pt-PT', 'pt-BR'])).toBe('pt-BR');
    expect(chooseLocale([null, '', 'xx'], ['en', 'fr'])).toBe('en');
  });

  it('should put an explicit override before the page language and the browser languages', () => {
    document.documentElement.lang = 'fr';
    const wanted = wantedLocales('ar', document, { languages: ['en-US'], language: 'en-US' });
    expect(wanted.slice(0, 3)).toEqual(['ar', 'fr', 'en-US']);
    expect(
      chooseLocale(wantedLocales(null, document, { languages: ['en-US'], language: 'en-US' }), Object.keys(LOCALES)),
    ).toBe('fr');
  });
});

describe('translations', () => {
  it('should ship every English key in every language', async () => {
    for (const locale of Object.keys(LOCALES)) {
      const messages = await (LOCALES[locale] as () => Promise<typeof en>)();
      expect(Object.keys(messages).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(messages))
        if (typeof value === 'string') expect(value.trim(), `${locale}.${key}`).not.toBe('');
    }
  });

  it('should lay out Arabic and Hebrew right to left', () => {
    expect(directionOf('ar-EG')).toBe('rtl');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
  });

  it('should fill placeholders and pick plural forms by the language rules', async () => {
    const tr = createTranslator('en', en);
    expect(tr.t('caseSent', { id: 'c-1' })).toContain('c-1');
    expect([tr.count(0), tr.count(1), tr.count(3)]).toEqual([
      'No articles found',
      '1 article found',
      '3 articles found',
    ]);
    const ar = await loadTranslator('ar');
    expect(ar.count(2)).toBe('عُثر على مقالين');
    expect(ar.count(5)).toContain('مقالات');
    expect(ar.dir).toBe('rtl');
  });
});
