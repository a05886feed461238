import type { Account } from '../model/account.ts';
import type { Article } from '../model/article.ts';
import type { Campaign } from '../model/campaign.ts';
import type { CampaignResponse } from '../model/campaign-response.ts';
import type { Case } from '../model/case.ts';
import type { Channel } from '../model/common.ts';
import type { Consent, Contact, LifecycleStage } from '../model/contact.ts';
import type { Note } from '../model/note.ts';
import type { Offer } from '../model/offer.ts';
import type { OfferImpression } from '../model/offer-impression.ts';
import type { Opportunity, OpportunityStage } from '../model/opportunity.ts';
import type { LineItem, Order } from '../model/order.ts';
import type { Product } from '../model/product.ts';
import type { RecordMap, StoreName } from '../model/stores.ts';
import type { Task } from '../model/task.ts';
import type { Touchpoint } from '../model/touchpoint.ts';
import { createRandom, type Random } from './random.ts';
import {
  ARTICLES,
  CATALOGUE,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  COUNTRIES,
  FIRST_NAMES,
  FREEMAIL_DOMAINS,
  INDUSTRIES,
  LAST_NAMES,
  TOUCHPOINT_SUBJECTS,
} from './vocabulary.ts';

/** A person the data set must contain, e.g. a sender in the demo inbox. */
export interface GivenPerson {
  email: string;
  name?: string;
  company?: string;
  /** How this person buys; by default one is drawn like for everybody else. */
  rhythm?: Rhythm;
}

/**
 * How a customer buys: never (prospect), once, regularly, in bursts, regularly and then stopped
 * (churned), or often and big (vip). Analytics tests rely on this variety.
 */
export type Rhythm = 'prospect' | 'one-time' | 'regular' | 'bursty' | 'churned' | 'vip';

export interface GenerateOptions {
  seed?: number;
  /** Number of contacts, including `people` (default 300). */
  contacts?: number;
  /** The generated history ends here (default 2026-11-01T00:00:00Z, fixed so outputs are reproducible). */
  now?: string;
  /** Length of the history in days (default 730, about two years). */
  days?: number;
  people?: readonly GivenPerson[];
  /** Mean touchpoints per contact (default 8). */
  touchpointsPerContact?: number;
  /** Mean days between two purchases of a regular buyer (default 60). */
  meanPurchaseGapDays?: number;
  /** Prefix of every generated id, so two data sets can share a store (default ''). */
  idPrefix?: string;
}

/** Everything the generator makes for one contact. */
export interface CustomerBundle {
  contact: Contact;
  rhythm: Rhythm;
  orders: Order[];
  touchpoints: Touchpoint[];
  opportunities: Opportunity[];
  cases: Case[];
  tasks: Task[];
  notes: Note[];
  campaignResponses: CampaignResponse[];
  offerImpressions: OfferImpression[];
}

export type Dataset = { [S in StoreName]: RecordMap[S][] };

/** The shared world every customer lives in: catalogue, companies, campaigns, offers, help articles. */
export interface World {
  products: Product[];
  accounts: Account[];
  campaigns: Campaign[];
  offers: Offer[];
  articles: Article[];
}

const DAY = 86_400_000;
const RHYTHMS: readonly Rhythm[] = [
  'prospect',
  'prospect',
  'one-time',
  'one-time',
  'one-time',
  'regular',
  'regular',
  'regular',
  'bursty',
  'churned',
  'churned',
  'vip',
];

interface Settings {
  seed: number;
  contacts: number;
  end: number;
  start: number;
  people: readonly GivenPerson[];
  touchpoints: number;
  gap: number;
  prefix: string;
}

function settings(options: GenerateOptions): Settings {
  const end = Date.parse(options.now ?? '2026-11-01T00:00:00.000Z');
  const days = options.days ?? 730;
  const people = options.people ?? [];
  return {
    seed: options.seed ?? 1,
    contacts: Math.max(options.contacts ?? 300, people.length),
    end,
    start: end - days * DAY,
    people,
    touchpoints: options.touchpointsPerContact ?? 8,
    gap: options.meanPurchaseGapDays ?? 60,
    prefix: options.idPrefix ?? '',
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const pad = (n: number) => String(n).padStart(6, '0');
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
const round2 = (x: number) => Math.round(x * 100) / 100;

function meta(id: string, at: number) {
  return { id, createdAt: iso(at), updatedAt: iso(at), version: 1 };
}

const unknownConsent: Consent = { status: 'unknown' };

/** The catalogue, accounts, campaigns, offers and articles of a data set. */
export function generateWorld(options: GenerateOptions = {}): World {
  const s = settings(options);
  const rnd = createRandom(s.seed ^ 0x5eed);
  const p = s.prefix;
  const products: Product[] = CATALOGUE.map(([sku, name, category, price], i) => ({
    ...meta(`${p}product-${pad(i + 1)}`, s.start),
    sku,
    name,
    category,
    price: { amount: price, currency: 'EUR' },
    attributes: { premium: price >= 30 },
    active: true,
    externalIds: { shop: sku },
  }));
  const accountCount = Math.max(3, Math.round(s.contacts / 12));
  const accounts: Account[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; accounts.length < accountCount; i++) {
    const [suffix, tld] = rnd.pick(COMPANY_SUFFIXES);
    const word = COMPANY_WORDS[i % COMPANY_WORDS.length] ?? 'Acme';
    const round = Math.floor(i / COMPANY_WORDS.length);
    const base = round === 0 ? word : `${word} ${rnd.pick(['Coffee', 'Labs', 'Foods', 'Hotels', 'Studio'])} ${round}`;
    const name = `${base} ${suffix}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    accounts.push({
      ...meta(`${p}account-${pad(accounts.length + 1)}`, s.start + rnd.int(0, 60) * DAY),
      name,
      domains: [`${slug(base)}.${tld}`],
      industry: rnd.pick(INDUSTRIES),
      size: rnd.pick(['1-10', '11-50', '51-200', '201-1000'] as const),
      ownerId: rnd.pick(['rep-ana', 'rep-ben', 'rep-chi']),
      tags: [],
      customFields: {},
      source: 'generated',
      externalIds: {},
    });
  }
  const channels: Channel[] = ['email', 'email', 'web', 'letter', 'phone', 'email'];
  const campaigns: Campaign[] = [
    'Spring roast launch',
    'Summer cold brew',
    'Autumn tasting',
    'Winter gifts',
    'Win-back',
  ].map((name, i) => {
    const startsAt = s.start + (i + 1) * Math.floor((s.end - s.start) / 6);
    return {
      ...meta(`${p}campaign-${pad(i + 1)}`, startsAt - 14 * DAY),
      name,
      channel: channels[i] ?? 'email',
      status: startsAt + 30 * DAY < s.end ? 'completed' : 'active',
      startsAt: iso(startsAt),
      endsAt: iso(startsAt + 30 * DAY),
      budget: { amount: 1000 * (i + 1), currency: 'EUR' },
      audience: name === 'Win-back' ? 'at risk and lost customers' : 'all customers with e-mail consent',
    };
  });
  const offers: Offer[] = [
    ['Welcome 10 %', 'discount', 'Ten percent off your first order', [], 10],
    ['Grinder with machine', 'cross-sell', 'Add a burr grinder to your machine', ['BRW-GRN-ELC'], undefined],
    ['Go big on beans', 'up-sell', 'The 1 kg bag costs less per cup', ['COF-ESP-1K'], undefined],
    ['Free shipping over 40', 'free-shipping', 'Free shipping on orders over 40', [], undefined],
  ].map(([name, kind, headline, skus, percent], i) => ({
    ...meta(`${p}offer-${pad(i + 1)}`, s.start),
    name: name as string,
    kind: kind as Offer['kind'],
    headline: headline as string,
    productIds: (skus as string[]).map((sku) => products.find((x) => x.sku === sku)?.id ?? sku),
    ...(percent === undefined ? {} : { discountPercent: percent as number, code: 'WELCOME10' }),
    active: true,
  }));
  const articles: Article[] = ARTICLES.map(([slugText, title, category, body], i) => ({
    ...meta(`${p}article-${pad(i + 1)}`, s.start),
    slug: slugText,
    title,
    body,
    category,
    tags: [category.toLowerCase()],
    published: true,
    publishedAt: iso(s.start),
    helpfulYes: rnd.int(0, 120),
    helpfulNo: rnd.int(0, 20),
  }));
  return { products, accounts, campaigns, offers, articles };
}

/**
 * Contacts with their whole history, one bundle at a time, so a benchmark can stream a
 * million orders without holding them all. The same options always give the same bundles.
 */
export function* generateCustomers(
  options: GenerateOptions = {},
  world = generateWorld(options),
): Generator<CustomerBundle> {
  const s = settings(options);
  for (let i = 0; i < s.contacts; i++) yield generateCustomer(s, world, i);
}

/** A whole data set: the world and every customer's bundle, grouped by store. */
export function generateDataset(options: GenerateOptions = {}): Dataset {
  const world = generateWorld(options);
  const data: Dataset = {
    contacts: [],
    accounts: world.accounts,
    products: world.products,
    orders: [],
    touchpoints: [],
    opportunities: [],
    cases: [],
    tasks: [],
    notes: [],
    campaigns: world.campaigns,
    campaignResponses: [],
    offers: world.offers,
    offerImpressions: [],
    articles: world.articles,
  };
  for (const b of generateCustomers(options, world)) {
    data.contacts.push(b.contact);
    data.orders.push(...b.orders);
    data.touchpoints.push(...b.touchpoints);
    data.opportunities.push(...b.opportunities);
    data.cases.push(...b.cases);
    data.tasks.push(...b.tasks);
    data.notes.push(...b.notes);
    data.campaignResponses.push(...b.campaignResponses);
    data.offerImpressions.push(...b.offerImpressions);
  }
  return data;
}

function splitName(name: string): [string, string | undefined] {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return [name.trim(), undefined];
  return [parts.slice(0, -1).join(' '), parts.at(-1)];
}

function purchaseTimes(rnd: Random, s: Settings, rhythm: Rhythm, firstSeen: number): number[] {
  if (rhythm === 'prospect') return [];
  const first = firstSeen + rnd.int(0, 20) * DAY;
  if (first >= s.end) return [];
  if (rhythm === 'one-time') return [first];
  const gap = rhythm === 'vip' ? s.gap / 2.5 : rhythm === 'bursty' ? s.gap * 2 : s.gap;
  // Churned customers stop buying somewhere in the first two thirds of the history.
  const stop = rhythm === 'churned' ? first + rnd.next() * (s.end - first) * 0.6 + 30 * DAY : s.end;
  const times = [first];
  let t = first;
  while (true) {
    t += Math.max(1, rnd.exponential(gap)) * DAY;
    if (t >= stop) break;
    times.push(t);
    if (rhythm === 'bursty' && rnd.chance(0.3)) times.push(Math.min(t + rnd.int(1, 5) * DAY, s.end - 1));
  }
  return times;
}

function lifecycle(rhythm: Rhythm, orders: number, last: number | undefined, end: number): LifecycleStage {
  if (orders === 0) return 'prospect';
  if (rhythm === 'churned' && last !== undefined && end - last > 120 * DAY) return 'churned';
  return orders === 1 ? 'customer' : 'repeat';
}

function generateCustomer(s: Settings, world: World, index: number): CustomerBundle {
  const rnd = createRandom((s.seed * 1_000_003 + index * 7919) >>> 0);
  const p = s.prefix;
  const contactId = `${p}contact-${pad(index + 1)}`;
  const given = s.people[index];
  const place = rnd.pick(COUNTRIES);
  const b2b = given?.company !== undefined || rnd.chance(0.35);
  const account = b2b ? world.accounts[index % world.accounts.length] : undefined;
  const [first, last] = given?.name
    ? splitName(given.name)
    : [rnd.pick(FIRST_NAMES), rnd.pick(LAST_NAMES) as string | undefined];
  const domain = account?.domains[0] ?? rnd.pick(FREEMAIL_DOMAINS);
  const local = `${slug(first)}.${slug(last ?? '')}${account ? '' : rnd.int(1, 999)}`;
  const emails = [given?.email.trim() ?? `${local}@${domain}`];
  if (!given && account && rnd.chance(0.3))
    emails.push(`${slug(first)}${rnd.int(10, 99)}@${rnd.pick(FREEMAIL_DOMAINS)}`);
  const digits = String(index).padStart(4, '0') + String(rnd.int(1000, 9999)) + String(rnd.int(0, 9));
  const phones = rnd.chance(0.7) ? [place.phone(digits.slice(-8).padStart(8, '0'))] : [];
  const rhythm = given?.rhythm ?? rnd.pick(RHYTHMS);
  const firstSeen = s.start + rnd.next() * (s.end - s.start) * 0.7;
  const currency = place.currency;

  const orders = purchaseTimes(rnd, s, rhythm, firstSeen).map((at, n) => {
    const lines: LineItem[] = [];
    const count = rhythm === 'vip' ? rnd.int(2, 5) : rnd.int(1, 3);
    for (let l = 0; l < count; l++) {
      const product = rnd.pick(world.products);
      const unit = round2((product.price?.amount ?? 10) * (currency === 'GBP' ? 0.86 : currency === 'USD' ? 1.08 : 1));
      const quantity = product.category === 'Coffee' || product.category === 'Tea' ? rnd.int(1, 3) : 1;
      const line: LineItem = {
        productId: product.id,
        sku: product.sku,
        name: product.name,
        quantity,
        unitPrice: { amount: unit, currency },
      };
      if (product.category) line.category = product.category;
      if (rnd.chance(0.1)) line.discount = { amount: round2(unit * quantity * 0.1), currency };
      lines.push(line);
    }
    const gross = lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity - (l.discount?.amount ?? 0), 0);
    const coupon = n === 0 && rnd.chance(0.3) ? round2(gross * 0.1) : 0;
    const status: Order['status'] =
      at > s.end - 5 * DAY ? 'paid' : rnd.chance(0.03) ? 'refunded' : rnd.chance(0.02) ? 'cancelled' : 'fulfilled';
    const order: Order = {
      ...meta(`${p}order-${pad(index + 1)}-${String(n + 1).padStart(4, '0')}`, at),
      contactId,
      number: `#${100000 + index * 97 + n}`,
      placedAt: iso(at),
      status,
      currency,
      lineItems: lines,
      discounts: coupon > 0 ? [{ code: 'WELCOME10', amount: { amount: coupon, currency } }] : [],
      total: { amount: round2(gross - coupon + (gross < 40 ? 4.9 : 0)), currency },
      source: 'generated',
      externalIds: {},
    };
    if (account) order.accountId = account.id;
    return order;
  });

  const lastOrder = orders.at(-1);
  const lastOrderAt = lastOrder ? Date.parse(lastOrder.placedAt) : undefined;
  const contact: Contact = {
    ...meta(contactId, firstSeen),
    firstName: first,
    ...(last === undefined ? {} : { lastName: last }),
    fullName: last === undefined ? first : `${first} ${last}`,
    emails,
    phones,
    ...(account ? { accountId: account.id, company: account.name } : given?.company ? { company: given.company } : {}),
    ...(b2b ? { title: rnd.pick(['Office manager', 'Head of purchasing', 'Owner', 'Barista trainer', 'CFO']) } : {}),
    address: { city: place.city, country: place.country },
    ownerId: account?.ownerId ?? rnd.pick(['rep-ana', 'rep-ben', 'rep-chi']),
    lifecycleStage: lifecycle(rhythm, orders.length, lastOrderAt, s.end),
    tags: [...(rhythm === 'vip' ? ['vip'] : []), ...(b2b ? ['b2b'] : [])],
    customFields: rnd.chance(0.4) ? { favouriteRoast: rnd.pick(['light', 'medium', 'dark']) } : {},
    consent: {
      email: rnd.chance(0.7) ? { status: 'granted', at: iso(firstSeen), source: 'checkout' } : unknownConsent,
      sms: rnd.chance(0.2) ? { status: 'granted', at: iso(firstSeen), source: 'checkout' } : unknownConsent,
      phone: unknownConsent,
      tracking: rnd.chance(0.6)
        ? { status: 'granted', at: iso(firstSeen), source: 'cookie banner' }
        : { status: 'denied' },
    },
    marketing: { doNotContact: rnd.chance(0.05), topics: rnd.chance(0.5) ? ['coffee'] : [] },
    source: given ? 'demo-inbox' : rnd.pick(['web', 'import:shopify', 'trade fair', 'referral']),
    externalIds: rhythm === 'prospect' ? {} : { shop: `cus_${10000 + index}` },
  };
  if (lastOrderAt !== undefined) contact.updatedAt = iso(Math.max(lastOrderAt, firstSeen));

  const touchpoints: Touchpoint[] = [];
  const touch = (
    at: number,
    fields: Omit<Touchpoint, keyof ReturnType<typeof meta> | 'contactId' | 'occurredAt' | 'externalIds'>,
  ) => {
    const t: Touchpoint = {
      ...meta(`${contactId}-tp-${String(touchpoints.length + 1).padStart(5, '0')}`, at),
      contactId,
      occurredAt: iso(at),
      externalIds: {},
      ...fields,
    };
    if (account) t.accountId = account.id;
    touchpoints.push(t);
    return t;
  };
  for (const order of orders) {
    const at = Date.parse(order.placedAt);
    const line = order.lineItems[0];
    touch(at - rnd.int(5, 120) * 60_000, {
      channel: 'web',
      direction: 'inbound',
      purpose: 'browsing',
      event: 'Product Viewed',
      properties: { product_id: line?.productId ?? null, url: `/store/${line?.sku ?? ''}` },
      source: 'event:web',
    });
  }
  const lastActive = rhythm === 'churned' && lastOrderAt !== undefined ? lastOrderAt + 60 * DAY : s.end;
  const extra = Math.round(rnd.normal(s.touchpoints, s.touchpoints / 3));
  for (let k = 0; k < extra; k++) {
    const at = firstSeen + rnd.next() * Math.max(DAY, lastActive - firstSeen);
    if (at >= s.end) continue;
    const purpose = rnd.pick([
      'sales',
      'service',
      'marketing',
      'service',
      'feedback',
      'billing',
      'onboarding',
    ] as const);
    const channel: Channel = rnd.pick(b2b ? ['email', 'phone', 'meeting', 'email'] : ['email', 'chat', 'phone', 'web']);
    const needsFollowUp = purpose !== 'marketing' && rnd.chance(0.2);
    const t = touch(at, {
      channel: purpose === 'marketing' ? 'email' : channel,
      direction: purpose === 'marketing' || rnd.chance(0.4) ? 'outbound' : 'inbound',
      purpose,
      subject: rnd.pick(TOUCHPOINT_SUBJECTS[purpose]),
      ...(channel === 'phone' || channel === 'meeting' ? { durationSeconds: rnd.int(60, 3600) } : {}),
      outcome: rnd.pick(['answered', 'left voicemail', 'agreed next step', 'no reply', 'resolved']),
      ownerId: contact.ownerId ?? 'rep-ana',
    });
    if (needsFollowUp)
      t.followUp = { needed: true, dueAt: iso(at + rnd.int(1, 7) * DAY), note: 'Get back with an answer' };
  }
  touchpoints.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));

  const cases: Case[] = [];
  const tasks: Task[] = [];
  const caseCount = orders.length === 0 ? 0 : rnd.chance(0.35) ? rnd.int(1, 3) : 0;
  for (let k = 0; k < caseCount; k++) {
    const complaint = rnd.chance(rhythm === 'churned' ? 0.7 : 0.3);
    const openedAt = firstSeen + rnd.next() * (Math.min(lastActive, s.end) - firstSeen);
    const resolved = openedAt < s.end - 10 * DAY && rnd.chance(0.85);
    const firstResponse = openedAt + rnd.exponential(complaint ? 6 : 12) * 3_600_000;
    const c: Case = {
      ...meta(`${contactId}-case-${k + 1}`, openedAt),
      contactId,
      subject: rnd.pick(complaint ? TOUCHPOINT_SUBJECTS.complaint : TOUCHPOINT_SUBJECTS.service),
      type: complaint ? 'complaint' : rnd.pick(['question', 'problem', 'request'] as const),
      priority: complaint ? rnd.pick(['high', 'urgent', 'normal'] as const) : rnd.pick(['low', 'normal'] as const),
      status: resolved ? 'resolved' : rnd.pick(['new', 'open', 'pending'] as const),
      channel: rnd.pick(['email', 'phone', 'chat', 'self-service'] as const),
      openedAt: iso(openedAt),
      agentId: rnd.pick(['agent-dev', 'agent-eli', 'agent-fay']),
      source: 'generated',
      externalIds: {},
    };
    if (account) c.accountId = account.id;
    if (firstResponse < s.end) c.firstResponseAt = iso(firstResponse);
    if (resolved) {
      c.resolvedAt = iso(Math.max(firstResponse, openedAt) + rnd.exponential(48) * 3_600_000);
      if (rnd.chance(0.6)) c.satisfaction = complaint ? rnd.int(1, 4) : rnd.int(3, 5);
    }
    cases.push(c);
    if (!resolved)
      tasks.push({
        ...meta(`${contactId}-task-case-${k + 1}`, openedAt),
        contactId,
        caseId: c.id,
        kind: complaint ? 'call' : 'email',
        title: `Answer: ${c.subject}`,
        dueAt: iso(openedAt + DAY),
        done: false,
        ownerId: c.agentId ?? 'agent-dev',
        source: 'generated',
      });
  }

  const opportunities: Opportunity[] = [];
  if (account && rnd.chance(0.6)) {
    const count = rnd.int(1, 2);
    for (let k = 0; k < count; k++) {
      const created = firstSeen + rnd.next() * (s.end - firstSeen) * 0.9;
      const stage = rnd.pick<OpportunityStage>(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
      const probability = { lead: 0.1, qualified: 0.25, proposal: 0.5, negotiation: 0.75, won: 1, lost: 0 }[stage];
      const closed = stage === 'won' || stage === 'lost';
      const expected = created + rnd.int(14, 120) * DAY;
      const opportunity: Opportunity = {
        ...meta(`${contactId}-opp-${k + 1}`, created),
        contactId,
        accountId: account.id,
        name: `${account.name}: ${rnd.pick(['office coffee', 'espresso machines', 'tea service', 'gift boxes'])}`,
        stage,
        amount: { amount: rnd.int(5, 120) * 100, currency },
        probability,
        expectedClose: iso(expected).slice(0, 10),
        ownerId: account.ownerId ?? 'rep-ana',
        source: 'generated',
        externalIds: {},
      };
      if (closed) opportunity.closedAt = iso(Math.max(created, Math.min(expected, s.end - DAY)));
      else opportunity.nextStep = rnd.pick(['Send proposal', 'Book tasting', 'Call the buyer', 'Negotiate volume']);
      if (stage === 'lost') opportunity.lostReason = rnd.pick(['price', 'went with competitor', 'no budget']);
      opportunities.push(opportunity);
      if (!closed)
        tasks.push({
          ...meta(`${contactId}-task-opp-${k + 1}`, created),
          contactId,
          accountId: account.id,
          opportunityId: opportunity.id,
          kind: 'follow-up',
          title: opportunity.nextStep ?? 'Follow up',
          dueAt: iso(Math.min(expected, s.end + 14 * DAY)),
          done: rnd.chance(0.3),
          ownerId: opportunity.ownerId ?? 'rep-ana',
          source: 'generated',
        });
    }
  }
  for (const t of touchpoints)
    if (t.followUp?.dueAt) {
      const task: Task = {
        ...meta(`${t.id}-task`, Date.parse(t.occurredAt)),
        contactId,
        kind: 'follow-up',
        title: `Follow up: ${t.subject ?? t.purpose}`,
        dueAt: t.followUp.dueAt,
        done: Date.parse(t.followUp.dueAt) < s.end - 3 * DAY && rnd.chance(0.8),
        ownerId: t.ownerId ?? 'rep-ana',
        source: 'generated',
      };
      if (task.done) task.doneAt = task.dueAt;
      t.followUp.taskId = task.id;
      tasks.push(task);
    }

  const notes: Note[] = [];
  if (rnd.chance(0.3))
    notes.push({
      ...meta(`${contactId}-note-1`, firstSeen + DAY),
      contactId,
      body: rnd.pick([
        'Prefers light roasts; ask about the new Ethiopian.',
        'Decision maker is the office manager, not the CEO.',
        'Had a bad experience with a late parcel in spring; handle with care.',
        'Interested in a team tasting session.',
      ]),
      authorId: contact.ownerId ?? 'rep-ana',
      pinned: rnd.chance(0.3),
    });

  const campaignResponses: CampaignResponse[] = [];
  if (contact.consent.email.status === 'granted')
    for (const campaign of world.campaigns) {
      const startsAt = Date.parse(campaign.startsAt ?? campaign.createdAt);
      if (startsAt < firstSeen || startsAt > s.end || !rnd.chance(0.5)) continue;
      const kinds = ['sent', 'opened', 'clicked', 'converted'] as const;
      const depth = rnd.int(0, 3);
      const response: CampaignResponse = {
        ...meta(`${contactId}-${campaign.id}`, startsAt),
        campaignId: campaign.id,
        contactId,
        respondedAt: iso(Math.min(startsAt + rnd.int(0, 10) * DAY, s.end - 1)),
        response: kinds[depth] ?? 'sent',
      };
      const converted = orders.find((o) => Math.abs(Date.parse(o.placedAt) - startsAt) < 20 * DAY);
      if (response.response === 'converted' && converted) {
        response.orderId = converted.id;
        response.revenue = converted.total;
      } else if (response.response === 'converted') response.response = 'clicked';
      campaignResponses.push(response);
    }

  const offerImpressions: OfferImpression[] = [];
  for (const t of touchpoints)
    if (t.channel === 'web' && rnd.chance(0.25)) {
      const offer = rnd.pick(world.offers);
      offerImpressions.push({
        ...meta(`${t.id}-offer`, Date.parse(t.occurredAt)),
        offerId: offer.id,
        contactId,
        shownAt: t.occurredAt,
        outcome: rnd.pick(['shown', 'shown', 'clicked', 'dismissed', 'accepted'] as const),
        creative: 'banner',
        position: 'product-page',
      });
    }

  return {
    contact,
    rhythm,
    orders,
    touchpoints,
    opportunities,
    cases,
    tasks,
    notes,
    campaignResponses,
    offerImpressions,
  };
}
