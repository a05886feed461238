import { describe, expect, it } from 'vitest';
import demoArticles from '../../../../demo/store/help/articles.json';
import { checkSchema } from '../../schema-check';
import { articlesFor, helpfulness, matchesPattern, parseContent, popular, suggestionsFor } from './articles';

const base = { body: 'Text.', updatedAt: '2026-03-01T10:00:00Z' };

function content(input: unknown) {
  const parsed = parseContent(input, checkSchema);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.content;
}

describe('parseContent', () => {
  it('should accept a bare array and fill in defaults', () => {
    const c = content([{ id: 'a', title: 'A', ...base }]);
    expect(c.articles[0]).toMatchObject({ locale: 'en', labels: [], urlPatterns: [], helpful: 0, views: 0 });
    expect(c.version).toMatch(/^[0-9a-z]+$/);
  });

  it('should derive a version that changes with the content', () => {
    const one = content([{ id: 'a', title: 'A', ...base }]).version;
    const two = content([{ id: 'a', title: 'B', ...base }]).version;
    expect(one).not.toBe(two);
  });

  it('should say which article and field are wrong', () => {
    const parsed = parseContent(
      {
        articles: [
          { id: 'a', title: 'A', ...base },
          { id: 'b', title: '', ...base },
        ],
      },
      checkSchema,
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain('articles[1].title: must not be empty');
    }
  });

  it('should reject a bad date and a duplicate id in one locale', () => {
    expect(parseContent([{ id: 'a', title: 'A', body: '', updatedAt: 'yesterday' }], checkSchema).ok).toBe(false);
    const dup = parseContent(
      [
        { id: 'a', title: 'A', ...base },
        { id: 'a', title: 'A again', ...base },
      ],
      checkSchema,
    );
    expect(dup).toEqual({ ok: false, error: 'Cordial help: article "a" appears twice in locale en.' });
  });
});

describe('articlesFor', () => {
  const c = content({
    defaultLocale: 'en',
    articles: [
      { id: 'ship', title: 'Shipping', locale: 'en', ...base },
      { id: 'ship', title: 'Livraison', locale: 'fr', ...base },
      { id: 'ship', title: 'الشحن', locale: 'ar', ...base },
      { id: 'pay', title: 'Paying', locale: 'en', ...base },
    ],
  });

  it('should prefer the visitor language and fall back to the default locale per article', () => {
    expect(articlesFor(c, 'fr-CA').map((a) => a.title)).toEqual(['Livraison', 'Paying']);
    expect(articlesFor(c, 'ar').map((a) => a.title)).toEqual(['الشحن', 'Paying']);
    expect(articlesFor(c, 'de').map((a) => a.title)).toEqual(['Shipping', 'Paying']);
  });
});

describe('suggestions', () => {
  it('should match path globs and full-URL globs', () => {
    const url = new URL('https://shop.example/store/product/p-kettle?x=1');
    expect(matchesPattern('/store/product/*', url)).toBe(true);
    expect(matchesPattern('/store/cart', url)).toBe(false);
    expect(matchesPattern('https://shop.example/store/*', url)).toBe(true);
    expect(matchesPattern('/store/product/p-kettle.', url)).toBe(false);
  });

  it('should rank URL-pattern matches above label matches and leave unrelated articles out', () => {
    const c = content({
      pages: [{ pattern: '/store/cart', labels: ['payments'] }],
      articles: [
        { id: 'label', title: 'Cards', labels: ['payments'], ...base },
        { id: 'url', title: 'Checkout', urlPatterns: ['/store/cart'], ...base },
        { id: 'other', title: 'Grinders', labels: ['gear'], ...base },
      ],
    });
    const ids = suggestionsFor(c, c.articles, new URL('https://s.example/store/cart'), []).map((a) => a.id);
    expect(ids).toEqual(['url', 'label']);
    const byElement = suggestionsFor(c, c.articles, new URL('https://s.example/'), ['Gear']).map((a) => a.id);
    expect(byElement).toEqual(['other']);
  });

  it('should order popular articles by views then helpfulness', () => {
    const c = content([
      { id: 'a', title: 'A', views: 5, ...base },
      { id: 'b', title: 'B', views: 50, ...base },
      { id: 'c', title: 'C', views: 5, helpful: 10, ...base },
    ]);
    expect(popular(c.articles).map((a) => a.id)).toEqual(['b', 'c', 'a']);
    expect(helpfulness({ helpful: 0, notHelpful: 0 })).toBe(0.5);
  });
});

describe('the demo store help content', () => {
  it('should be valid and offer every article in English', () => {
    const c = content(demoArticles);
    const english = new Set(c.articles.filter((a) => a.locale === 'en').map((a) => a.id));
    expect(c.articles.every((a) => english.has(a.id))).toBe(true);
  });
});
