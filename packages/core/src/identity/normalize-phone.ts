/**
 * Phone numbers in E.164. libphonenumber-js is Google's libphonenumber metadata kept
 * current; the "min" metadata validates by length and leading digits, which is enough to
 * compare numbers (we never need number types such as mobile vs fixed line here).
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { memoize } from './memoize.ts';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/** Distinct numbers remembered per default country (about 100 bytes each). */
const MEMO_LIMIT = 20_000;
const byCountry = new Map<string | undefined, (raw: string) => PhoneResult>();

/**
 * Parses a phone number as people write it ("+44 20 7946 0958", "(415) 555-0100",
 * "0049 30 1234567") into E.164. National numbers need a default country. libphonenumber takes
 * about 15 µs a number, so each distinct text is parsed once (a shop's customers share
 * switchboards, and an import reads a number again to link the records that name it).
 */
export function normalizePhone(raw: string, defaultCountry?: string): PhoneResult {
  let parse = byCountry.get(defaultCountry);
  if (!parse) {
    parse = memoize((text) => parsePhone(text, defaultCountry), MEMO_LIMIT);
    byCountry.set(defaultCountry, parse);
  }
  return parse(raw);
}

function parsePhone(raw: string, defaultCountry?: string): PhoneResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty phone number' };
  // "00" is the international prefix in most of the world; libphonenumber only knows it per country.
  const international = text.startsWith('00') ? `+${text.slice(2)}` : text;
  const country = defaultCountry?.toUpperCase() as CountryCode | undefined;
  const parsed = parsePhoneNumberFromString(international, country);
  if (!parsed) {
    return {
      ok: false,
      reason: international.startsWith('+')
        ? `"${text}" is not a phone number`
        : `"${text}" has no country code and no default country was given`,
    };
  }
  if (!parsed.isValid())
    return {
      ok: false,
      reason: `"${text}" is not a valid number for ${parsed.country ?? `+${parsed.countryCallingCode}`}`,
    };
  return { ok: true, e164: parsed.number };
}
