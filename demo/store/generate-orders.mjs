// Seeded order history for the demo store's recommendations:
//   node demo/store/generate-orders.mjs > demo/store/orders.csv
//   node packages/core/bin/cordial.mjs recommend demo/store/orders.csv > demo/store/recommendations.json
// Baskets follow a few brewing "kits" (pour-over, tea, espresso-at-home) with noise, so the
// co-occurrence table has real structure. Same seed, same file.
import { readFileSync } from 'node:fs';

const products = JSON.parse(readFileSync(new URL('./products.json', import.meta.url), 'utf8'));
const byId = Object.fromEntries(products.map((p) => [p.product_id, p]));

/** mulberry32: a small, good-enough seeded generator. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261125);
const pick = (list) => list[Math.floor(random() * list.length)];

const KITS = [
  ['p-kettle', 'p-dripper', 'p-filters', 'p-beans-eth'],
  ['p-grinder', 'p-scale', 'p-beans-col', 'p-dripper'],
  ['p-teapot', 'p-tea-sencha', 'p-mug'],
  ['p-kettle-pro', 'p-grinder-pro', 'p-scale'],
  ['p-beans-eth', 'p-beans-col', 'p-filters'],
];

const rows = ['order_id,customer_id,product_id,name,category,price,date'];
const start = Date.parse('2026-01-01T00:00:00Z');
let orderNo = 1000;
for (let c = 1; c <= 400; c++) {
  const kit = pick(KITS);
  const orders = 1 + Math.floor(random() * 4);
  for (let o = 0; o < orders; o++) {
    const items = new Set(kit.filter(() => random() < 0.6));
    if (random() < 0.3) items.add(pick(products).product_id);
    if (items.size === 0) items.add(kit[0]);
    const date = new Date(start + Math.floor(random() * 320) * 86_400_000).toISOString().slice(0, 10);
    orderNo++;
    for (const id of items) {
      const p = byId[id];
      rows.push([`o-${orderNo}`, `c-${c}`, id, `"${p.name}"`, p.category, p.price, date].join(','));
    }
  }
}
process.stdout.write(`${rows.join('\n')}\n`);
