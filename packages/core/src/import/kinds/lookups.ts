/**
 * Value tables shared by the record kinds: how the exports of other systems name countries,
 * stages and statuses, folded onto Cordial's enums. Keys are lower-case letters and digits only.
 */

import { foldCase } from '../../identity/match-names.ts';

/** Country names as CRMs export them → ISO 3166-1 alpha-2 (two-letter codes pass through). */
export const COUNTRIES: Readonly<Record<string, string>> = {
  unitedstates: 'US',
  unitedstatesofamerica: 'US',
  usa: 'US',
  us: 'US',
  unitedkingdom: 'GB',
  uk: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  germany: 'DE',
  deutschland: 'DE',
  france: 'FR',
  spain: 'ES',
  espana: 'ES',
  italy: 'IT',
  italia: 'IT',
  netherlands: 'NL',
  thenetherlands: 'NL',
  belgium: 'BE',
  switzerland: 'CH',
  schweiz: 'CH',
  austria: 'AT',
  osterreich: 'AT',
  ireland: 'IE',
  portugal: 'PT',
  sweden: 'SE',
  norway: 'NO',
  denmark: 'DK',
  finland: 'FI',
  poland: 'PL',
  czechia: 'CZ',
  czechrepublic: 'CZ',
  canada: 'CA',
  mexico: 'MX',
  brazil: 'BR',
  argentina: 'AR',
  australia: 'AU',
  newzealand: 'NZ',
  japan: 'JP',
  china: 'CN',
  india: 'IN',
  singapore: 'SG',
  southafrica: 'ZA',
  southkorea: 'KR',
  israel: 'IL',
  turkey: 'TR',
  turkiye: 'TR',
  greece: 'GR',
  hungary: 'HU',
  romania: 'RO',
  luxembourg: 'LU',
  unitedarabemirates: 'AE',
};

/** Lower-case letters and digits only: the key the tables above and RowValues.oneOf use. */
export function tableKey(text: string): string {
  return foldCase(text).replace(/[^a-z0-9]+/g, '');
}

/** A country cell: a two-letter code or a known name. */
export function countryCode(text: string): string | undefined {
  if (/^[a-z]{2}$/i.test(text.trim())) return text.trim().toUpperCase();
  return COUNTRIES[tableKey(text)];
}

/** `https://www.Acme.com/about` → `acme.com`; undefined when no host name can be read. */
export function domainOf(text: string): string | undefined {
  const host = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#:]/)[0]
    ?.replace(/\.$/, '');
  return host && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : undefined;
}
