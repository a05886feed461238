import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../../../tests/fixtures/help/generate-articles';
import type { Article } from './articles';
import { buildIndex, createSearcher, fold, highlight, snippet, toDoc } from './search';

const article = (id: string, title: string, body: string, votes: [number, number] = [0, 0]): Article => ({
  id,
  title,
  body,
  locale: 'en',
  labels: [],
  urlPatterns: [],
  updatedAt: '2026-01-01T00:00:00Z',
  helpful: votes[0],
  notHelpful: votes[1],
  views: 0,
});

const ARTICLES = [
  article('refund', 'How refunds work', 'We refund your card within five days after the return arrives.'),
  article('grinder', 'Cleaning the burr grinder', 'Unplug the grinder and brush the burrs. Never use water.'),
  article('kettle', 'Descaling your kettle', 'Use citric acid to descale the kettle every month.'),
  article('track', 'Tracking a delivery', 'Your parcel tracking number is in the shipping email.'),
];

const searcher = (articles: Article[], vote?: (id: string) => number) =>
  createSearcher(buildIndex(articles.map(toDoc)), articles, vote);

describe('createSearcher', () => {
  it('should find articles by a prefix while the visitor is still typing', () => {
    expect(searcher(ARTICLES).search('desc')[0]?.article.id).toBe('kettle');
  });

  it('should tolerate a typo in a longer word', () => {
    expect(searcher(ARTICLES).search('grnder')[0]?.article.id).toBe('grinder');
  });

  it('should rank a title match above a body-only match', () => {
    const list = [
      article('body', 'Shipping times', 'Refunds are covered elsewhere; this is about refunds only in passing.'),
      article('title', 'Refunds', 'All about money back.'),
    ];
    expect(
      searcher(list)
        .search('refunds')
        .map((h) => h.article.id),
    ).toEqual(['title', 'body']);
  });

  it('should lift an article that visitors found helpful above an equal one they did not', () => {
    const list = [
      article('unhelpful', 'Reset your password', 'Open the account page.', [1, 30]),
      article('helpful', 'Reset your password', 'Open the account page.', [30, 1]),
    ];
    expect(searcher(list).search('password')[0]?.article.id).toBe('helpful');
  });

  it('should let the visitor own vote reorder equal articles', () => {
    const list = [article('a', 'Gift cards', 'Buy a gift card.'), article('b', 'Gift cards', 'Buy a gift card.')];
    const byVote = (id: string) => (id === 'b' ? 1 : id === 'a' ? -1 : 0);
    expect(searcher(list, byVote).search('gift')[0]?.article.id).toBe('b');
  });

  it('should require every word but fall back to any word when nothing has all', () => {
    const s = searcher(ARTICLES);
    expect(s.search('kettle descale').map((h) => h.article.id)).toEqual(['kettle']);
    expect(s.search('kettle zzzzzz').map((h) => h.article.id)).toEqual(['kettle']);
  });

  it('should match accented and unaccented spellings alike', () => {
    const list = [article('cafe', 'Café au lait', 'Milk coffee.')];
    expect(searcher(list).search('cafe')[0]?.article.id).toBe('cafe');
    expect(fold('Éé')).toBe('ee');
  });

  it('should return nothing for a blank query', () => {
    expect(searcher(ARTICLES).search('   ')).toEqual([]);
  });

  it('should highlight the matched words in the title and the snippet', () => {
    const hit = searcher(ARTICLES).search('tracking')[0];
    expect(hit?.title.filter((s) => s.mark).map((s) => s.text)).toEqual(['Tracking']);
    expect(hit?.snippet.some((s) => s.mark && s.text === 'tracking')).toBe(true);
  });

  it('should find an article among a thousand generated ones by its exact title words', () => {
    const many = generateArticles(1000);
    const target = many[777] as Article;
    const results = searcher(many).search(target.title.replace(/[()]/g, ''));
    expect(results[0]?.article.id).toBe(target.id);
  });
});

describe('highlight and snippet', () => {
  it('should mark whole words whose folded form matched', () => {
    expect(highlight('Le Café, le cafe.', new Set(['cafe']))).toEqual([
      { text: 'Le ', mark: false },
      { text: 'Café', mark: true },
      { text: ', le ', mark: false },
      { text: 'cafe', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('should cut a window around the first match with ellipses', () => {
    const text = `${'lorem '.repeat(60)}needle ${'ipsum '.repeat(60)}`;
    const parts = snippet(text, new Set(['needle']), 80);
    expect(parts[0]?.text).toBe('… ');
    expect(parts.at(-1)?.text).toBe(' …');
    expect(parts.find((p) => p.mark)?.text).toBe('needle');
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(86);
  });
});
