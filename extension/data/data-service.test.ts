import { createMemoryRepository } from '@cordial/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { MergeSummary } from './contact-view';
import { type DataServiceDeps, handleDataRequest } from './data-service';

let deps: DataServiceDeps;

beforeEach(() => {
  fakeBrowser.reset();
  let n = 0;
  deps = { repo: createMemoryRepository(), now: () => new Date('2026-11-25T10:00:00.000Z'), newId: () => `id-${++n}` };
});

describe(handleDataRequest, () => {
  it('should create a contact, then show it as known with the note added to it', async () => {
    const created = await handleDataRequest(deps, {
      op: 'contact:create',
      input: { email: 'ada@example.com', firstName: 'Ada' },
    });
    expect(created.ok).toBe(true);
    await handleDataRequest(deps, { op: 'note:add', contactId: 'id-1', input: { body: 'Met at the fair' } });
    const view = await handleDataRequest(deps, { op: 'view', email: 'ada@example.com' });
    expect(view).toMatchObject({ ok: true, value: { kind: 'known', notes: [{ body: 'Met at the fair' }] } });
  });

  it('should answer bad input with a message naming the field, and write nothing', async () => {
    const response = await handleDataRequest(deps, { op: 'task:add', contactId: 'c1', input: { title: '' } });
    expect(response).toMatchObject({ ok: false, message: expect.stringMatching(/title/) });
    expect(await deps.repo.count('tasks')).toBe(0);
  });

  it('should merge duplicates into the chosen contact, moving their records', async () => {
    await handleDataRequest(deps, { op: 'contact:create', input: { email: 'ada@example.com', firstName: 'Ada' } });
    await handleDataRequest(deps, { op: 'contact:create', input: { email: 'ada@example.com', lastName: 'Lovelace' } });
    await handleDataRequest(deps, { op: 'note:add', contactId: 'id-2', input: { body: 'From the second record' } });
    const before = await handleDataRequest(deps, { op: 'view', email: 'ada@example.com' });
    expect(before).toMatchObject({ ok: true, value: { kind: 'duplicates' } });
    const merged = await handleDataRequest(deps, { op: 'contacts:merge', survivorId: 'id-1', duplicateIds: ['id-2'] });
    expect(merged.ok).toBe(true);
    const after = await handleDataRequest(deps, { op: 'view', email: 'ada@example.com' });
    expect(after).toMatchObject({
      ok: true,
      value: { kind: 'known', contact: { id: 'id-1' }, notes: [{ body: 'From the second record' }] },
    });
  });

  it('should undo a merge with the record it answered, bringing the duplicate and its records back', async () => {
    await handleDataRequest(deps, { op: 'contact:create', input: { email: 'ada@example.com', firstName: 'Ada' } });
    await handleDataRequest(deps, { op: 'contact:create', input: { email: 'ada@example.com', lastName: 'Lovelace' } });
    await handleDataRequest(deps, { op: 'note:add', contactId: 'id-2', input: { body: 'From the second record' } });
    const merged = await handleDataRequest(deps, { op: 'contacts:merge', survivorId: 'id-1', duplicateIds: ['id-2'] });
    if (!merged.ok) throw new Error(merged.message);
    const undone = await handleDataRequest(deps, {
      op: 'contacts:undo-merge',
      mergeId: (merged.value as MergeSummary).id,
    });
    expect(undone).toEqual({ ok: true, value: { survivorId: 'id-1', restoredIds: ['id-2'] } });
    const view = await handleDataRequest(deps, { op: 'view', email: 'ada@example.com' });
    expect(view).toMatchObject({ ok: true, value: { kind: 'duplicates', contacts: [{ id: 'id-1' }, { id: 'id-2' }] } });
    expect((await deps.repo.listByContact('notes', 'id-2')).records.map((n) => n.body)).toEqual([
      'From the second record',
    ]);
  });

  it('should offer a stored merge for undoing in the merged contact’s view until the contact is edited', async () => {
    await handleDataRequest(deps, { op: 'contact:create', input: { email: 'ada@example.com', firstName: 'Ada' } });
    await handleDataRequest(deps, { op: 'contact:create', input: { email: 'ada@example.com', lastName: 'Lovelace' } });
    const merged = await handleDataRequest(deps, { op: 'contacts:merge', survivorId: 'id-1', duplicateIds: ['id-2'] });
    expect(merged).toEqual({
      ok: true,
      value: { id: expect.any(String), mergedAt: '2026-11-25T10:00:00.000Z', contacts: 2, into: 'Ada' },
    });
    // A later view (the sidebar closed and opened again) finds the merge in the repository.
    const view = await handleDataRequest(deps, { op: 'view', email: 'ada@example.com' });
    expect(view).toMatchObject({ ok: true, value: { kind: 'known', merge: { contacts: 2, into: 'Ada' } } });
    await handleDataRequest(deps, {
      op: 'contact:edit',
      contactId: 'id-1',
      input: { firstName: 'Augusta Ada', lifecycleStage: 'customer' },
    });
    const edited = await handleDataRequest(deps, { op: 'view', email: 'ada@example.com' });
    expect(edited.ok && (edited.value as { merge?: unknown }).merge).toBeUndefined();
  });

  it('should refuse to undo a merge once the merged contact was edited, and change nothing', async () => {
    await handleDataRequest(deps, { op: 'contact:create', input: { email: 'ada@example.com', firstName: 'Ada' } });
    await handleDataRequest(deps, { op: 'contact:create', input: { email: 'ada@example.com', lastName: 'Lovelace' } });
    const merged = await handleDataRequest(deps, { op: 'contacts:merge', survivorId: 'id-1', duplicateIds: ['id-2'] });
    if (!merged.ok) throw new Error(merged.message);
    await handleDataRequest(deps, {
      op: 'contact:edit',
      contactId: 'id-1',
      input: { firstName: 'Augusta Ada', lifecycleStage: 'customer' },
    });
    const undone = await handleDataRequest(deps, {
      op: 'contacts:undo-merge',
      mergeId: (merged.value as MergeSummary).id,
    });
    expect(undone).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be undone: .*changed after/) });
    expect(await deps.repo.count('contacts')).toBe(1);
    const undoneTwice = await handleDataRequest(deps, { op: 'contacts:undo-merge', mergeId: 'merge:nothing' });
    expect(undoneTwice).toMatchObject({ ok: false, message: 'this merge is no longer stored (already undone?)' });
  });

  it('should list the contacts viewed last in the popup, newest first', async () => {
    await handleDataRequest(deps, { op: 'contact:create', input: { email: 'a@example.com' } });
    await handleDataRequest(deps, { op: 'contact:create', input: { email: 'b@example.com' } });
    await handleDataRequest(deps, { op: 'view', email: 'a@example.com' });
    await handleDataRequest(deps, { op: 'view', email: 'b@example.com' });
    const recent = await handleDataRequest(deps, { op: 'contacts:recent' });
    expect(recent.ok && (recent.value as { emails: string[] }[]).map((c) => c.emails[0])).toEqual([
      'b@example.com',
      'a@example.com',
    ]);
  });
});
