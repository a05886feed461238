import { describe, expect, it } from 'vitest';
import { parseRecord } from '../model/parse-record.ts';
import { STORE_NAMES } from '../model/stores.ts';
import { OrderColumnsSchema } from '../rfm/score-rfm.ts';
import { generateCustomers, generateDataset } from './generate.ts';
import { generateOrderColumns } from './order-columns.ts';

describe('generateDataset', () => {
  const data = generateDataset({ seed: 7, contacts: 200 });

  it('should produce only records that pass their schemas', () => {
    for (const store of STORE_NAMES)
      for (const record of data[store]) {
        const parsed = parseRecord(store, record);
        expect(parsed.ok ? 'ok' : `${store} ${record.id}: ${parsed.issues}`).toBe('ok');
      }
  });

  it('should give the same data for the same seed and different data for another seed', () => {
    expect(generateDataset({ seed: 7, contacts: 200 })).toEqual(data);
    expect(generateDataset({ seed: 8, contacts: 200 }).contacts[0]).not.toEqual(data.contacts[0]);
  });

  it('should use unique ids in every store', () => {
    for (const store of STORE_NAMES) expect(new Set(data[store].map((r) => r.id)).size).toBe(data[store].length);
  });

  it('should make every life-cycle stage and the history of each', () => {
    const stages = new Set(data.contacts.map((c) => c.lifecycleStage));
    expect([...stages].sort()).toEqual(['churned', 'customer', 'prospect', 'repeat']);
    for (const c of data.contacts) {
      const orders = data.orders.filter((o) => o.contactId === c.id).length;
      if (c.lifecycleStage === 'prospect') expect(orders).toBe(0);
      if (c.lifecycleStage === 'customer') expect(orders).toBe(1);
      if (c.lifecycleStage === 'repeat') expect(orders).toBeGreaterThan(1);
    }
  });

  it('should stop the orders of churned customers months before the end of the history', () => {
    const end = Date.parse('2026-11-01T00:00:00.000Z');
    for (const c of data.contacts.filter((x) => x.lifecycleStage === 'churned')) {
      const last = Math.max(...data.orders.filter((o) => o.contactId === c.id).map((o) => Date.parse(o.placedAt)));
      expect(end - last).toBeGreaterThan(120 * 86_400_000);
    }
  });

  it('should include complaints, open opportunities, open tasks, notes and campaign responses', () => {
    expect(data.cases.some((c) => c.type === 'complaint')).toBe(true);
    expect(new Set(data.opportunities.map((o) => o.stage)).size).toBeGreaterThanOrEqual(4);
    expect(data.tasks.some((t) => !t.done)).toBe(true);
    expect(data.notes.length).toBeGreaterThan(0);
    expect(data.campaignResponses.length).toBeGreaterThan(0);
    expect(data.offerImpressions.length).toBeGreaterThan(0);
  });

  it('should link contacts of companies to accounts whose domain is their email domain', () => {
    const linked = data.contacts.filter((c) => c.accountId);
    expect(linked.length).toBeGreaterThan(0);
    for (const c of linked) {
      const account = data.accounts.find((a) => a.id === c.accountId);
      expect(account?.domains).toContain(c.emails[0]?.split('@')[1]);
    }
  });
});

describe('generateCustomers', () => {
  it('should create the given people first, with their addresses, names and rhythm', () => {
    const people = [
      { email: 'Maria.Lopez@northwind.example', name: 'María López', rhythm: 'vip' as const },
      { email: 'ken@example.org', name: 'Ken', rhythm: 'prospect' as const },
    ];
    const [maria, ken] = [...generateCustomers({ seed: 3, contacts: 2, people })];
    expect(maria?.contact).toMatchObject({ emails: ['Maria.Lopez@northwind.example'], firstName: 'María' });
    expect(maria?.contact.lastName).toBe('López');
    expect(maria?.orders.length).toBeGreaterThan(3);
    expect(ken?.contact).toMatchObject({ firstName: 'Ken', lifecycleStage: 'prospect' });
    expect(ken?.orders).toEqual([]);
  });

  it('should yield the mean number of touchpoints asked for', () => {
    const [heavy] = [...generateCustomers({ seed: 5, contacts: 1, touchpointsPerContact: 1000 })];
    expect(heavy?.touchpoints.length).toBeGreaterThan(700);
  });
});

describe('generateOrderColumns', () => {
  it('should give the same valid order log for the same seed, in time order, within the three years', () => {
    const options = { customers: 50, orders: 2000, asOf: 20_000, seed: 11 };
    const log = generateOrderColumns(options);
    expect(generateOrderColumns(options)).toEqual(log);
    expect(generateOrderColumns({ ...options, seed: 12 }).customer).not.toEqual(log.customer);
    expect(OrderColumnsSchema.safeParse(log).success).toBe(true);
    for (let i = 0; i < options.orders; i++) {
      expect(log.customer[i]).toBeLessThan(options.customers);
      expect(log.day[i]).toBeGreaterThanOrEqual(options.asOf - 1095);
      expect(log.day[i]).toBeLessThan(options.asOf);
      if (i > 0) expect(log.day[i]).toBeGreaterThanOrEqual(log.day[i - 1] as number);
      expect(log.amount[i]).toBeGreaterThan(0);
    }
  });
});
