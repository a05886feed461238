// Seeded CSV files for the import benchmark: contacts as a CRM exports them and one row per
// order as a shop exports them, every order belonging to one of the contacts.
import { createRandom } from '@cordial/core/testing';

const FIRST = [
  'Ann',
  'Bob',
  'Cy',
  'Dee',
  'Eve',
  'Fay',
  'Gil',
  'Hal',
  'Ida',
  'Jon',
  'Kim',
  'Lou',
  'Mia',
  'Ned',
  'Ola',
  'Pia',
  'Quinn',
  'Rae',
  'Sam',
  'Tia',
  'Uma',
  'Val',
  'Wes',
  'Xia',
  'Yara',
  'Zed',
];
// Family names from syllables: a realistic spread (about 2,000 names), so that people who share a
// company domain rarely share a name, as in real address books.
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'to',
  'vi',
  'ber',
  'dor',
  'gan',
  'hol',
  'jen',
  'mar',
  'sch',
  'wal',
];
const ENDINGS = ['son', 'ez', 'ski', 'ini', 'er', 'ova', 'sen', 'ley'];
// Most people use free mail; the rest one of 500 company domains.
const FREE = ['gmail.com', 'yahoo.com', 'outlook.com', 'web.de'];

export const CONTACTS_HEADER = 'Customer ID,First Name,Last Name,Email,Phone,Created At,Tags';
export const ORDERS_HEADER = 'Order ID,Customer ID,Created at,Total,Currency,Financial Status';

/** CSV text in chunks of about 1 MB (as a file would be read), and the byte count. */
function chunked(header: string, rows: number, row: (i: number) => string): { chunks: string[]; bytes: number } {
  const chunks: string[] = [];
  let lines: string[] = [header];
  let bytes = 0;
  for (let i = 0; i < rows; i++) {
    lines.push(row(i));
    if (lines.length === 16_384) {
      const text = `${lines.join('\n')}\n`;
      bytes += text.length;
      chunks.push(text);
      lines = [];
    }
  }
  const text = `${lines.join('\n')}\n`;
  bytes += text.length;
  chunks.push(text);
  return { chunks, bytes };
}

export function contactsCsv(count: number, seed = 1) {
  const random = createRandom(seed);
  return chunked(CONTACTS_HEADER, count, (i) => {
    const first = random.pick(FIRST);
    const lastWord = `${random.pick(SYLLABLES)}${random.pick(SYLLABLES)}${random.pick(ENDINGS)}`;
    const last = lastWord[0]?.toUpperCase() + lastWord.slice(1);
    const domain = random.chance(0.6) ? random.pick(FREE) : `company${random.int(1, 500)}.example`;
    // A third of the people leave a phone number (parsed to E.164 on import, the costly part of a contact).
    const phone = random.chance(0.33) ? `+44 20 7946 ${String(random.int(0, 9999)).padStart(4, '0')}` : '';
    const day = `2024-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    return `C${i},${first},${last},${first.toLowerCase()}.${last.toLowerCase()}${i}@${domain},${phone},${day},${random.chance(0.1) ? 'vip' : ''}`;
  });
}

export function ordersCsv(count: number, contacts: number, seed = 2) {
  const random = createRandom(seed);
  const start = Date.parse('2024-01-01T00:00:00Z');
  return chunked(ORDERS_HEADER, count, (i) => {
    const at = new Date(start + random.int(0, 700 * 86_400) * 1000).toISOString().slice(0, 19).replace('T', ' ');
    const total = (random.int(500, 50_000) / 100).toFixed(2);
    return `O${i},C${random.int(0, contacts - 1)},${at} +0000,${total},EUR,${random.chance(0.03) ? 'refunded' : 'paid'}`;
  });
}
