import { createMemoryRepository } from '@cordial/core';
import { generateDataset, storeDataset } from '@cordial/core/testing';
import { describe, expect, it } from 'vitest';
import { createContact } from './actions';
import { loadContactView } from './contact-view';
import { companyFromDomain, splitName } from './suggest-contact';

describe(loadContactView, () => {
  it('should say a person is unknown and suggest a contact prefilled from the email', async () => {
    const view = await loadContactView(createMemoryRepository(), 'ada@analytical-engines.co.uk', 'Lovelace, Ada');
    expect(view).toEqual({
      kind: 'unknown',
      email: 'ada@analytical-engines.co.uk',
      suggestion: {
        email: 'ada@analytical-engines.co.uk',
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: 'Analytical Engines',
      },
    });
  });

  it('should report duplicates when two contacts share the address', async () => {
    const repo = createMemoryRepository();
    let n = 0;
    const ctx = { repo, now: () => new Date(), newId: () => `c${++n}` };
    await createContact(ctx, { email: 'ada@example.com' });
    await createContact(ctx, { email: 'ADA@example.com', firstName: 'Ada' });
    const view = await loadContactView(repo, 'ada@example.com', undefined);
    expect(view.kind).toBe('duplicates');
    expect(view.kind === 'duplicates' && view.contacts.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
  });

  it("should gather a known contact's orders, open work, notes, timeline and campaign responses", async () => {
    const data = generateDataset({ seed: 3, contacts: 40, people: [{ email: 'vip@example.com', rhythm: 'vip' }] });
    const repo = createMemoryRepository();
    await storeDataset(repo, data);
    const view = await loadContactView(repo, 'vip@example.com', undefined);
    if (view.kind !== 'known') throw new Error(`expected a known contact, got ${view.kind}`);
    const orders = data.orders.filter((o) => o.contactId === view.contact.id);
    expect(view.orderCount).toBe(orders.length);
    expect(view.orders.length).toBe(Math.min(5, orders.length));
    expect(view.orders.map((o) => o.placedAt)).toEqual([...view.orders.map((o) => o.placedAt)].sort().reverse());
    expect(view.timeline).toHaveLength(data.touchpoints.filter((t) => t.contactId === view.contact.id).length);
    expect(view.openCases.every((c) => c.status !== 'resolved' && c.status !== 'closed')).toBe(true);
    expect(view.openOpportunities.every((o) => o.stage !== 'won' && o.stage !== 'lost')).toBe(true);
    expect(view.openTasks.every((t) => !t.done)).toBe(true);
    expect(view.corrupt).toBe(0);
  });
});

describe(companyFromDomain, () => {
  it('should name the company from its domain but not from a free mail provider', () => {
    expect(companyFromDomain('acme-tools.com')).toBe('Acme Tools');
    expect(companyFromDomain('mail.bletchley.co.uk')).toBe('Bletchley');
    expect(companyFromDomain('gmail.com')).toBeUndefined();
  });
});

describe(splitName, () => {
  it('should split a display name into first and last name', () => {
    expect(splitName('Ada King Lovelace')).toEqual({ firstName: 'Ada King', lastName: 'Lovelace' });
    expect(splitName('"Grace"')).toEqual({ firstName: 'Grace' });
    expect(splitName(undefined)).toEqual({});
  });
});
