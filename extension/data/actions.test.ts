import { createMemoryRepository, type Repository } from '@cordial/core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type ActionContext,
  addNote,
  addTask,
  createContact,
  createOpportunity,
  editContact,
  isThreadLogged,
  logCall,
  logThread,
  moveOpportunity,
  openCase,
} from './actions';

let repo: Repository;
let ctx: ActionContext;

beforeEach(() => {
  repo = createMemoryRepository();
  let n = 0;
  ctx = { repo, now: () => new Date('2026-11-25T10:00:00.000Z'), newId: () => `id-${++n}` };
});

describe(createContact, () => {
  it('should store a prospect with the address and the prefilled fields, leaving empty ones out', async () => {
    const contact = await createContact(ctx, {
      email: ' Ada@Example.COM ',
      firstName: 'Ada',
      lastName: '',
      company: 'Example',
    });
    expect(contact).toMatchObject({ emails: ['ada@example.com'], firstName: 'Ada', company: 'Example', version: 1 });
    expect(contact).not.toHaveProperty('lastName');
    expect((await repo.findContactsByEmail('ada@example.com')).records).toHaveLength(1);
  });

  it('should refuse an invalid address and write nothing', async () => {
    await expect(createContact(ctx, { email: 'not an address' })).rejects.toThrow();
    expect(await repo.count('contacts')).toBe(0);
  });
});

describe(editContact, () => {
  it('should bump the version, and refuse to overwrite a newer edit made elsewhere', async () => {
    const contact = await createContact(ctx, { email: 'ada@example.com' });
    const edited = await editContact(ctx, contact, { title: 'CTO', lifecycleStage: 'customer' });
    expect(edited).toMatchObject({ title: 'CTO', lifecycleStage: 'customer', version: 2 });
    await expect(editContact(ctx, contact, { title: 'CEO', lifecycleStage: 'customer' })).rejects.toThrow();
  });
});

describe(logThread, () => {
  it('should log a conversation once per thread, and say that it is logged', async () => {
    const contact = await createContact(ctx, { email: 'ada@example.com' });
    const thread = { key: 'mail.google.com:FMfcgz1', subject: 'Renewal' };
    const first = await logThread(ctx, contact.id, thread, { purpose: 'sales', outcome: 'sent the quote' });
    const second = await logThread(ctx, contact.id, thread, { purpose: 'service' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ touchpoint: first.touchpoint, created: false });
    const timeline = (await repo.listByContact('touchpoints', contact.id)).records;
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      channel: 'email',
      purpose: 'sales',
      outcome: 'sent the quote',
      subject: 'Renewal',
    });
    expect(isThreadLogged(timeline, thread.key)).toBe(true);
  });
});

describe(logCall, () => {
  it('should log a phone call with its purpose, outcome and the duration from its start to now', async () => {
    const touchpoint = await logCall(ctx, 'c1', {
      purpose: 'sales',
      outcome: 'Agreed on a trial of the upgrade',
      startedAt: '2026-11-25T09:52:30.000Z',
      script: 'Upsell for a loyal customer',
    });
    expect(touchpoint).toMatchObject({
      contactId: 'c1',
      channel: 'phone',
      direction: 'outbound',
      occurredAt: '2026-11-25T09:52:30.000Z',
      durationSeconds: 450,
      purpose: 'sales',
      outcome: 'Agreed on a trial of the upgrade',
      subject: 'Phone call: Upsell for a loyal customer',
    });
    expect((await repo.listByContact('touchpoints', 'c1')).records).toHaveLength(1);
  });

  it('should refuse a start in the future or one more than 12 hours back, and write nothing', async () => {
    await expect(logCall(ctx, 'c1', { purpose: 'sales', startedAt: '2026-11-25T10:05:00.000Z' })).rejects.toThrow(
      /future/,
    );
    await expect(logCall(ctx, 'c1', { purpose: 'sales', startedAt: '2026-11-24T21:00:00.000Z' })).rejects.toThrow(
      /12 hours/,
    );
    await expect(logCall(ctx, 'c1', { purpose: 'gossip', startedAt: 'yesterday' })).rejects.toThrow(/purpose/);
    expect(await repo.count('touchpoints')).toBe(0);
  });
});

describe(addTask, () => {
  it('should store the due time as a UTC instant and refuse a task without one', async () => {
    const task = await addTask(ctx, 'c1', { title: 'Call back', dueAt: '2026-11-26T09:00:00.000Z' });
    expect(task).toMatchObject({ dueAt: '2026-11-26T09:00:00.000Z', done: false, kind: 'follow-up' });
    await expect(addTask(ctx, 'c1', { title: 'Call back', dueAt: '' })).rejects.toThrow(/due/);
  });
});

describe(moveOpportunity, () => {
  it('should set the stage probability and close the opportunity when it is won', async () => {
    const opp = await createOpportunity(ctx, { id: 'c1' }, { name: 'Two seats', amount: '1200', currency: 'eur' });
    expect(opp).toMatchObject({ stage: 'lead', probability: 0.1, amount: { amount: 1200, currency: 'EUR' } });
    const won = await moveOpportunity(ctx, opp, 'won');
    expect(won).toMatchObject({ stage: 'won', probability: 1, closedAt: '2026-11-25T10:00:00.000Z', version: 2 });
  });
});

describe(openCase, () => {
  it('should open a new email case and refuse an empty subject', async () => {
    expect(await openCase(ctx, { id: 'c1' }, { subject: 'Kettle leaks', priority: 'high' })).toMatchObject({
      status: 'new',
      channel: 'email',
      priority: 'high',
      openedAt: '2026-11-25T10:00:00.000Z',
    });
    await expect(openCase(ctx, { id: 'c1' }, { subject: '  ' })).rejects.toThrow();
  });
});

describe(addNote, () => {
  it('should keep a note exactly as typed, markup included', async () => {
    const note = await addNote(ctx, 'c1', { body: '<img src=x onerror=alert(1)>' });
    expect(note.body).toBe('<img src=x onerror=alert(1)>');
  });
});
