/**
 * Fuzzy person-name comparison: normalised names compared with Jaro-Winkler, first names
 * through a small table of common English nicknames (Bob = Robert). Used only inside a
 * block of contacts that already share an account or a company email domain, because on
 * its own a similar name is weak evidence (there are many John Smiths).
 */

import { memoize } from './memoize.ts';

/** Nickname → canonical given name. Kept small and unambiguous on purpose. */
const NICKNAMES: Record<string, string> = {
  al: 'albert',
  alex: 'alexander',
  andy: 'andrew',
  drew: 'andrew',
  ben: 'benjamin',
  bill: 'william',
  billy: 'william',
  will: 'william',
  liam: 'william',
  bob: 'robert',
  bobby: 'robert',
  rob: 'robert',
  robbie: 'robert',
  chris: 'christopher',
  dan: 'daniel',
  danny: 'daniel',
  dave: 'david',
  ed: 'edward',
  eddie: 'edward',
  ted: 'edward',
  jim: 'james',
  jimmy: 'james',
  jamie: 'james',
  joe: 'joseph',
  joey: 'joseph',
  jon: 'jonathan',
  ken: 'kenneth',
  kate: 'katherine',
  katie: 'katherine',
  kathy: 'katherine',
  cathy: 'catherine',
  liz: 'elizabeth',
  beth: 'elizabeth',
  betty: 'elizabeth',
  lizzie: 'elizabeth',
  maggie: 'margaret',
  meg: 'margaret',
  peggy: 'margaret',
  matt: 'matthew',
  mike: 'michael',
  mick: 'michael',
  nick: 'nicholas',
  pat: 'patricia',
  patty: 'patricia',
  pete: 'peter',
  rich: 'richard',
  rick: 'richard',
  dick: 'richard',
  sam: 'samuel',
  steve: 'stephen',
  sue: 'susan',
  susie: 'susan',
  tom: 'thomas',
  tommy: 'thomas',
  tony: 'anthony',
  vicky: 'victoria',
  jenny: 'jennifer',
  jen: 'jennifer',
  becky: 'rebecca',
  greg: 'gregory',
  larry: 'lawrence',
  jerry: 'gerald',
  charlie: 'charles',
  chuck: 'charles',
  fred: 'frederick',
  hank: 'henry',
  harry: 'henry',
  jack: 'john',
  johnny: 'john',
  nate: 'nathan',
  tim: 'timothy',
  josh: 'joshua',
};

/** Lower case without accents ("Ó" → "o"): the start of every text comparison key. */
export function foldCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Lower case, accents removed, punctuation dropped, whitespace collapsed: "José  O'Brien" → "jose obrien". */
export function normalizeName(raw: string): string {
  return foldCase(raw)
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The canonical form of a given name: "Bobby" → "robert". */
export function canonicalGivenName(raw: string): string {
  const name = normalizeName(raw);
  return NICKNAMES[name] ?? name;
}

/** Which characters of the two names matched, reused by every comparison (names are short). */
let matched = new Uint8Array(64);

/** Jaro-Winkler similarity in [0, 1] (Winkler's prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  if (matched.length < a.length + b.length) matched = new Uint8Array(2 * (a.length + b.length));
  // a's flags at 0 .. a.length - 1, b's after them.
  const bAt = a.length;
  matched.fill(0, 0, a.length + b.length);
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    const code = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (matched[bAt + j] === 1 || code !== b.charCodeAt(j)) continue;
      matched[i] = 1;
      matched[bAt + j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (matched[i] === 0) continue;
    while (matched[bAt + k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a.charCodeAt(prefix) === b.charCodeAt(prefix))
    prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

export interface PersonName {
  first: string;
  last: string;
}

export interface NameComparison {
  /** Similarity in [0, 1]: the weaker of the given-name and family-name similarities. */
  score: number;
  /** The given names matched through the nickname table. */
  nickname: boolean;
}

/** A name prepared once for many comparisons. */
export interface NormalizedName {
  first: string;
  last: string;
  /** The given name after nickname folding. */
  canonical: string;
  /** Soundex of the family name: the blocking key of fuzzy matching. */
  sound: string;
}

type GivenName = Pick<NormalizedName, 'first' | 'canonical'>;
type FamilyName = Pick<NormalizedName, 'last' | 'sound'>;

function normalizeGivenName(raw: string): GivenName {
  const first = normalizeName(raw);
  return { first, canonical: NICKNAMES[first] ?? first };
}

function normalizeFamilyName(raw: string): FamilyName {
  const last = normalizeName(raw);
  return { last, sound: soundex(last) };
}

export function normalizePersonName(name: PersonName): NormalizedName {
  return { ...normalizeGivenName(name.first), ...normalizeFamilyName(name.last) };
}

/**
 * `normalizePersonName` remembering each given and family name it has seen: an address book has far
 * fewer distinct names than people (the import bench: 26 given names, about 2,000 family names for
 * 100,000 contacts), and folding accents (NFKD) is the costly part. One per index, for its lifetime.
 */
export function createNameNormalizer(): (name: PersonName) => NormalizedName {
  const given = memoize(normalizeGivenName);
  const family = memoize(normalizeFamilyName);
  return (name) => {
    const { first, canonical } = given(name.first);
    const { last, sound } = family(name.last);
    return { first, last, canonical, sound };
  };
}

const SOUNDEX: Record<string, string> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
};

/** American Soundex ("Robert" → R163, "Smyth" → S530) of a normalised name; letters outside a-z are skipped. */
export function soundex(name: string): string {
  const letters = name.replace(/[^a-z]/g, '');
  if (letters === '') return name.slice(0, 1);
  let code = (letters[0] as string).toUpperCase();
  let previous = SOUNDEX[letters[0] as string] ?? '';
  for (let i = 1; i < letters.length && code.length < 4; i++) {
    const ch = letters[i] as string;
    const digit = SOUNDEX[ch] ?? '';
    if (digit !== '' && digit !== previous) code += digit;
    // h and w do not separate equal codes; vowels do.
    if (ch !== 'h' && ch !== 'w') previous = digit;
  }
  return code.padEnd(4, '0');
}

/**
 * Compares two prepared names. Given names are compared after nickname folding and an
 * initial ("J.") matches any name with that letter; the score is the weaker of the two
 * parts so that a shared surname alone never looks like the same person.
 */
export function compareNormalizedNames(a: NormalizedName, b: NormalizedName): NameComparison {
  const nickname = a.canonical === b.canonical && a.first !== b.first;
  const initial = (a.first.length === 1 || b.first.length === 1) && a.first[0] === b.first[0];
  // An initial is a weaker agreement than a full name: cap it below the "same name" level.
  const first = a.canonical === b.canonical ? 1 : initial ? 0.9 : jaroWinkler(a.canonical, b.canonical);
  return { score: Math.min(first, jaroWinkler(a.last, b.last)), nickname };
}

/** Compares two person names as written; null when either lacks a given or a family name. */
export function compareNames(a: PersonName, b: PersonName): NameComparison | null {
  const x = normalizePersonName(a);
  const y = normalizePersonName(b);
  if (x.first === '' || x.last === '' || y.first === '' || y.last === '') return null;
  return compareNormalizedNames(x, y);
}
