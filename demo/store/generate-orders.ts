// Seeded order history for the demo store's recommendations:
//   npx vite-node demo/store/generate-orders.ts > demo/store/orders.csv
//   node packages/core/bin/cordial.mjs recommend demo/store/orders.csv > demo/store/recommendations.json
// Baskets follow a few brewing "kits" (pour-over, tea, espresso-at-home) with noise, so the
// co-occurrence table has real structure. Same seed, same file.
import { readFileSync } from 'node:fs';
import { createRandom } from '@cordial/core/testing';

type Product = { product_id: string; name: string; category: string; price: number };
const products: Product[] = JSON.parse(readFileSync(new URL('./products.json', import.meta.url), 'utf8'));
const byId = Object.fromEntries(products.map((p) => [p.product_id, p]));

const random = createRandom(20261125).next;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const KITS = [
  ['p-kettle', 'p-dripper', 'p-filters', 'p-beans-eth'],
  ['p-grinder', 'p-scale', 'p-beans-col', 'p-dripper'],
  ['p-teapot', 'p-tea-sencha', 'p-mug'],
  ['p-kettle-pro', 'p-grinder-pro', 'p-scale'],
  ['p-beans-eth', 'p-beans-col', 'p-filters'],
];

const rows: string[] = ['order_id,customer_id,product_id,name,category,price,date'];
const start = Date.parse('2026-01-01T00:00:00Z');
let orderNo = 1000;
for (let c = 1; c <= 400; c++) {
  const kit = pick(KITS);
  const orders = 1 + Math.floor(random() * 4);
  for (let o = 0; o < orders; o++) {
    const items = new Set(kit.filter(() => random() < 0.6));
    if (random() < 0.3) items.add(pick(products).product_id);
    if (items.size === 0) items.add(kit[0] as string);
    const date = new Date(start + Math.floor(random() * 320) * 86_400_000).toISOString().slice(0, 10);
    orderNo++;
    for (const id of items) {
      const p = byId[id] as Product;
      rows.push([`o-${orderNo}`, `c-${c}`, id, `"${p.name}"`, p.category, p.price, date].join(','));
    }
  }
}
process.stdout.write(`${rows.join('\n')}\n`);
