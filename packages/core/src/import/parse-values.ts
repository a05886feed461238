/**
 * Cell values as people's spreadsheets write them: numbers with either decimal mark,
 * amounts with currency symbols or codes, dates in ISO, day-first or month-first order,
 * and yes/no flags. Each parser returns the value or a reason, never a guess it can't back.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

export type DecimalMark = '.' | ',';

/** Grouping characters people use between thousands: comma, dot, spaces (incl. no-break), apostrophe. */
const GROUPING = /[\s\u00a0\u202f']/g;

/**
 * Parses "1,234.56", "1.234,56", "1 234,56", "-12", "(12.50)" (accounting negative) with the
 * given decimal mark.
 */
export function parseDecimal(raw: string, mark: DecimalMark): Parsed<number> {
  let text = raw.trim();
  if (text === '') return fail('empty number');
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  const group = mark === '.' ? ',' : '.';
  text = text.replace(GROUPING, '');
  // Grouping marks must sit between groups of three digits, or the number is misread.
  const shape = mark === '.' ? /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/ : /^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
  if (!shape.test(text) && !(text.startsWith(mark) && /^\d+$/.test(text.slice(1)))) {
    return fail(`"${raw.trim()}" is not a number with "${mark}" as the decimal mark`);
  }
  const value = Number(text.replaceAll(group, '').replace(mark, '.'));
  return Number.isFinite(value) ? ok(negative ? -value : value) : fail(`"${raw.trim()}" is out of range`);
}

/**
 * Which decimal mark a column uses, from sample cells. A separator followed by exactly three
 * digits ("1,234") is ambiguous on its own; a cell with both marks, or one followed by one,
 * two or four-plus digits, decides.
 */
export function detectDecimalMark(samples: readonly string[]): DecimalMark | 'ambiguous' {
  let dot = 0;
  let comma = 0;
  for (const sample of samples) {
    const text = sample.replace(/[^\d.,]/g, '');
    const lastDot = text.lastIndexOf('.');
    const lastComma = text.lastIndexOf(',');
    if (lastDot !== -1 && lastComma !== -1) {
      if (lastDot > lastComma) dot++;
      else comma++;
    } else if (lastDot !== -1 || lastComma !== -1) {
      const at = Math.max(lastDot, lastComma);
      const decimals = text.length - at - 1;
      const repeated = text.indexOf(text[at] as string) !== at;
      if (decimals === 3 && !repeated) continue;
      // "1.234.567" groups with dots, so its mark is the comma (and vice versa).
      if (repeated) lastDot !== -1 ? comma++ : dot++;
      else lastDot !== -1 ? dot++ : comma++;
    }
  }
  if (dot === 0 && comma === 0) return 'ambiguous';
  return dot >= comma ? '.' : ',';
}

/**
 * The value of a cell that is only digits with at most one decimal mark between them ("1234.56"), the
 * way most exports write amounts; undefined for anything else (signs, grouping, symbols, codes), which
 * the general parser reads. The value is what that parser gives for the same cell.
 */
export function plainDecimal(text: string, mark: DecimalMark): number | undefined {
  const markCode = mark.charCodeAt(0);
  let at = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== markCode || at !== -1 || i === 0 || i === text.length - 1) return undefined;
    at = i;
  }
  if (text.length === 0) return undefined;
  const value = Number(at === -1 || mark === '.' ? text : `${text.slice(0, at)}.${text.slice(at + 1)}`);
  return Number.isFinite(value) ? value : undefined;
}

/** Currency symbols that name one currency unambiguously; "$" is read as the default currency when that is a dollar. */
const SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₫': 'VND',
  '฿': 'THB',
  zł: 'PLN',
  kr: 'SEK',
  R$: 'BRL',
  CHF: 'CHF',
  US$: 'USD',
  C$: 'CAD',
  A$: 'AUD',
};

/** Longer symbols first, so "R$" is not read as "$". */
const SYMBOLS_LONGEST_FIRST = Object.entries(SYMBOLS).sort((a, b) => b[0].length - a[0].length);

export interface Amount {
  amount: number;
  /** ISO 4217, when the cell named it or the default applied. */
  currency?: string;
}

/** Parses "€1.234,56", "1 234,56 EUR", "USD 12.00", "$12", "12.00" into an amount and its currency. */
export function parseAmount(raw: string, mark: DecimalMark, defaultCurrency?: string): Parsed<Amount> {
  let text = raw.trim();
  const plain = plainDecimal(text, mark);
  if (plain !== undefined)
    return ok(defaultCurrency ? { amount: plain, currency: defaultCurrency } : { amount: plain });
  let currency: string | undefined;
  const code = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(text);
  if (code) {
    currency = code[1] ?? code[2];
    text = text.replace(code[0], '');
  }
  for (const [symbol, iso] of SYMBOLS_LONGEST_FIRST) {
    if (!text.includes(symbol)) continue;
    if (currency && currency !== iso) return fail(`"${raw.trim()}" names two currencies`);
    currency = iso;
    text = text.replace(symbol, '');
    break;
  }
  if (text.includes('$')) {
    const dollar = defaultCurrency && /D$/.test(defaultCurrency) ? defaultCurrency : 'USD';
    currency ??= dollar;
    text = text.replace('$', '');
  }
  const amount = parseDecimal(text, mark);
  if (!amount.ok) return fail(`"${raw.trim()}" is not an amount (${amount.reason})`);
  currency ??= defaultCurrency;
  return ok(currency ? { amount: amount.value, currency } : { amount: amount.value });
}

export type DateOrder = 'DMY' | 'MDY' | 'YMD';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2024-03-05", "2024-03-05T10:00:00Z", "2024-03-05 10:00:00 -0500" (Shopify), "2024-03-05 10:00" (Stripe). */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
/** "05/03/2024", "5.3.24", "03-05-2024 14:30", "3/5/2024, 2:30 PM". */
const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
/** "5 Mar 2024", "Mar 5, 2024", "March 5 2024 10:00". */
const NAMED =
  /^(?:(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})|([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}))(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function hour24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase().startsWith('p');
  return (hour % 12) + (pm ? 12 : 0);
}

/** 400 Gregorian years, in ms: the calendar repeats after them. */
const FOUR_CENTURIES = 146_097 * 86_400_000;

/** Why the parts name no instant, or undefined when they name one. */
function impossible(
  year: number,
  month: number,
  day: number,
  time: { h: number; m: number; s: number },
  raw: string,
): string | undefined {
  if (month < 1 || month > 12) return `"${raw}" has no month ${month}`;
  if (day < 1 || day > daysInMonth(year, month)) return `"${raw}" has no day ${day} in month ${month}`;
  if (time.h > 23 || time.m > 59 || time.s > 59) return `"${raw}" has an impossible time`;
  return undefined;
}

/** Epoch ms of valid parts written at `offsetMinutes` from UTC. */
function epochMs(
  year: number,
  month: number,
  day: number,
  time: { h: number; m: number; s: number; ms: number },
  offsetMinutes: number,
): number {
  // Date.UTC reads years 0 to 99 as 1900 to 1999: those are computed 400 years later and moved back.
  const shift = year < 100 ? 400 : 0;
  return (
    Date.UTC(year + shift, month - 1, day, time.h, time.m, time.s, time.ms) -
    (shift ? FOUR_CENTURIES : 0) -
    offsetMinutes * 60_000
  );
}

function instant(
  year: number,
  month: number,
  day: number,
  time: { h: number; m: number; s: number; ms: number },
  offsetMinutes: number,
  raw: string,
): Parsed<string> {
  const reason = impossible(year, month, day, time, raw);
  if (reason) return fail(reason);
  if (offsetMinutes === 0 && year < 10_000) return ok(utcIso(year, month, day, time));
  return ok(new Date(epochMs(year, month, day, time, offsetMinutes)).toISOString());
}

/**
 * A trimmed ISO date or date-time in the shapes `scanIso` reads, as epoch ms: what `parseDate` would
 * return, without its text (the import's fast order rows store the number). Undefined for any other
 * text, including impossible dates, which `parseDate` reads or rejects with its reason.
 */
export function scanInstant(text: string, offsetMinutes: number): number | undefined {
  const iso = scanIso(text);
  if (!iso || impossible(iso.year, iso.month, iso.day, iso, text) !== undefined) return undefined;
  return epochMs(iso.year, iso.month, iso.day, iso, iso.offset ?? offsetMinutes);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * `toISOString` of a valid UTC date-time given by its parts, without a Date: a million-order file has
 * a million dates, and formatting through Date was a third of their cost. A test holds it to toISOString.
 */
export function utcIso(
  year: number,
  month: number,
  day: number,
  time: { h: number; m: number; s: number; ms: number },
) {
  const y = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${y}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[time.h]}:${TWO_DIGITS[time.m]}:${TWO_DIGITS[time.s]}.${THREE_DIGITS[time.ms]}Z`;
}

function offsetOf(zone: string | undefined, fallback: number): number {
  if (!zone) return fallback;
  if (/^(z|utc)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function fullYear(year: number, digits: number): number {
  // Two-digit years: 00-69 → 2000s, 70-99 → 1900s (the POSIX strptime convention).
  if (digits > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** The parts of an ISO 8601 date or date-time; `offset` in minutes, undefined when no zone is written. */
export interface IsoParts {
  year: number;
  month: number;
  day: number;
  h: number;
  m: number;
  s: number;
  ms: number;
  offset: number | undefined;
}

/** An ISO 8601 date or date-time (the shapes of the ISO pattern), read fast when it can be, else by the pattern. */
export function isoParts(text: string): IsoParts | undefined {
  return scanIso(text) ?? matchIso(text);
}

/** The ISO pattern's reading. */
export function matchIso(text: string): IsoParts | undefined {
  const iso = ISO.exec(text);
  if (!iso) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = iso;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    h: Number(h ?? 0),
    m: Number(mi ?? 0),
    s: Number(s ?? 0),
    ms: Math.min(ms, 999),
    offset: zone ? offsetOf(zone, 0) : undefined,
  };
}

/** The number written by `count` ASCII digits at `at`, or -1. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return -1;
    value = value * 10 + c - 48;
  }
  return value;
}

/**
 * The common ISO shapes read character by character, without the pattern's match array and substrings
 * (a million-order file has a million dates): `YYYY-MM-DD`, then optionally `T` or a space and
 * `HH:MM[:SS[.fff]]`, spaces, and `Z` or `±HH[:]MM`. Undefined for anything else, which `matchIso` reads;
 * a property test checks that both read the same wherever this one reads at all.
 */
export function scanIso(text: string): IsoParts | undefined {
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return undefined;
  const parts: IsoParts = { year, month, day, h: 0, m: 0, s: 0, ms: 0, offset: undefined };
  let i = 10;
  const separator = text.charCodeAt(i);
  if ((separator === 84 /* T */ || separator === 32) && text.charCodeAt(i + 3) === 58 /* : */) {
    parts.h = digitsAt(text, i + 1, 2);
    parts.m = digitsAt(text, i + 4, 2);
    if (parts.h < 0 || parts.m < 0) return undefined;
    i += 6;
    if (text.charCodeAt(i) === 58) {
      parts.s = digitsAt(text, i + 1, 2);
      if (parts.s < 0) return undefined;
      i += 3;
      if (text.charCodeAt(i) === 46 /* . */) {
        let end = i + 1;
        while (end < n && end - i <= 9 && digitsAt(text, end, 1) >= 0) end++;
        if (end === i + 1 || (end < n && digitsAt(text, end, 1) >= 0)) return undefined;
        parts.ms = Math.min(Math.round(Number(`0.${text.slice(i + 1, end)}`) * 1000), 999);
        i = end;
      }
    }
  }
  while (text.charCodeAt(i) === 32) i++;
  if (i === n) return parts;
  const zone = text.charCodeAt(i);
  if (zone === 90 /* Z */ && i + 1 === n) {
    parts.offset = 0;
    return parts;
  }
  if (zone !== 43 /* + */ && zone !== 45 /* - */) return undefined;
  const hours = digitsAt(text, i + 1, 2);
  const colon = text.charCodeAt(i + 3) === 58 ? 1 : 0;
  const minutes = digitsAt(text, i + 3 + colon, 2);
  if (hours < 0 || minutes < 0 || i + 5 + colon !== n) return undefined;
  parts.offset = (zone === 45 ? -1 : 1) * (hours * 60 + minutes);
  return parts;
}

export interface DateOptions {
  order: DateOrder;
  /** Offset from UTC, in minutes, of times written without a zone (0 = UTC). */
  offsetMinutes?: number;
}

/** Parses a date or date-time cell into an ISO instant (UTC). */
export function parseDate(raw: string, options: DateOptions): Parsed<string> {
  const text = raw.trim();
  const fallback = options.offsetMinutes ?? 0;
  if (text === '') return fail('empty date');
  const iso = isoParts(text);
  if (iso) return instant(iso.year, iso.month, iso.day, iso, iso.offset ?? fallback, text);
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, a, b, c, h, mi, s, meridiem] = numeric as unknown as (string | undefined)[];
    const time = { h: hour24(Number(h ?? 0), meridiem), m: Number(mi ?? 0), s: Number(s ?? 0), ms: 0 };
    if ((a as string).length === 4) return instant(Number(a), Number(b), Number(c), time, fallback, text);
    const year = fullYear(Number(c), (c as string).length);
    const [day, month] = options.order === 'MDY' ? [Number(b), Number(a)] : [Number(a), Number(b)];
    if (month > 12)
      return fail(
        `"${text}" is not ${options.order === 'MDY' ? 'MM/DD/YYYY' : 'DD/MM/YYYY'}; set the date order if the file uses the other one`,
      );
    return instant(year, month, day, time, fallback, text);
  }
  const named = NAMED.exec(text);
  if (named) {
    const [, d1, m1, y1, m2, d2, y2, h, mi, s, meridiem] = named;
    const monthName = (m1 ?? m2 ?? '').toLowerCase().slice(0, 3);
    const month = MONTHS.indexOf(monthName) + 1;
    if (month === 0) return fail(`"${text}" names no month`);
    const time = { h: hour24(Number(h ?? 0), meridiem), m: Number(mi ?? 0), s: Number(s ?? 0), ms: 0 };
    return instant(Number(y1 ?? y2), month, Number(d1 ?? d2), time, fallback, text);
  }
  return fail(`"${text}" is not a date`);
}

/**
 * Whether numeric dates in a column are day-first or month-first: a first part above 12
 * proves day-first, a second part above 12 proves month-first. Both proofs in one column
 * means the column is inconsistent; neither means the sample can't tell.
 */
export function detectDateOrder(samples: readonly string[]): 'DMY' | 'MDY' | 'ambiguous' | 'inconsistent' {
  let dayFirst = false;
  let monthFirst = false;
  for (const sample of samples) {
    const match = NUMERIC.exec(sample.trim());
    if (!match || (match[1] as string).length === 4) continue;
    if (Number(match[1]) > 12) dayFirst = true;
    if (Number(match[2]) > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return 'inconsistent';
  return dayFirst ? 'DMY' : monthFirst ? 'MDY' : 'ambiguous';
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'ja', 'oui', 'si', 'sí', 'checked', 'opted in', 'subscribed']);
const FALSE = new Set([
  'false',
  'no',
  'n',
  '0',
  'nein',
  'non',
  'unchecked',
  'opted out',
  'unsubscribed',
  'not subscribed',
]);

export function parseBoolean(raw: string): Parsed<boolean> {
  const text = raw.trim().toLowerCase();
  if (TRUE.has(text)) return ok(true);
  if (FALSE.has(text)) return ok(false);
  return fail(`"${raw.trim()}" is not yes or no`);
}
