import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecommendationTableSchema } from '../../recommend/recommendation-table.ts';

const BIN = join(import.meta.dirname, '../../../bin/cordial.mjs');
const DEMO_ORDERS = join(import.meta.dirname, '../../../../../demo/store/orders.csv');
const cordial = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

describe('cordial recommend', () => {
  it('should write a valid recommendation table for the demo store orders', () => {
    const run = cordial(['recommend', DEMO_ORDERS]);
    expect(run.status).toBe(0);
    const table = RecommendationTableSchema.parse(JSON.parse(run.stdout));
    expect(Object.keys(table.products)).toHaveLength(12);
    expect(table.together['p-kettle']?.[0]?.id).toMatch(/^p-(dripper|beans-eth|filters)$/);
    expect(table.upsell['p-grinder']?.[0]?.id).toBe('p-grinder-pro');
    expect(run.stderr).toMatch(/998 orders, 12 products/);
  });

  it('should report bad rows with their line numbers and keep the good ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cordial-rec-'));
    const file = join(dir, 'orders.csv');
    writeFileSync(file, 'order_id,product_id,price\n1,a,5\n,b,3\n2,c,cheap\n');
    const run = cordial(['recommend', file]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('orders.csv:3: skipped: orderId');
    expect(run.stderr).toContain('orders.csv:4: skipped: price: Invalid input: expected number, received NaN');
    expect(JSON.parse(run.stdout).orders).toBe(1);
  });

  it('should say which columns it needs when they are missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cordial-rec-'));
    const file = join(dir, 'orders.csv');
    writeFileSync(file, 'customer,amount\nx,3\n');
    const run = cordial(['recommend', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('needs an order_id and a product_id (or sku) column; found customer, amount');
  });
});
