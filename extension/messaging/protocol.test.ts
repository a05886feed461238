import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageSchema, parseMessage, SidebarUpdateSchema } from './protocol';

afterEach(() => vi.restoreAllMocks());

describe(parseMessage, () => {
  it('should accept a well-formed thread message and normalise its addresses', () => {
    const message = parseMessage(
      MessageSchema,
      {
        type: 'thread:changed',
        theme: 'dark',
        thread: { host: 'gmail', subject: 'Hi', key: 'k', people: [{ email: ' Ada@Example.com ', role: 'from' }] },
      },
      'test',
    );
    expect(message?.type === 'thread:changed' && message.thread?.people[0]?.email).toBe('ada@example.com');
  });

  it('should reject and log a malformed message without logging its content', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const raw = {
      type: 'thread:changed',
      theme: 'light',
      thread: { host: 'gmail', subject: 'x', key: 'k', people: [{ email: 'secret-not-an-address', role: 'from' }] },
    };
    expect(parseMessage(MessageSchema, raw, 'a content script')).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('thread.people.0.email');
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('secret-not-an-address');
  });

  it('should reject unknown message types, extra hosts and oversized threads', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseMessage(MessageSchema, { type: 'contacts:dump' }, 'test')).toBeUndefined();
    expect(
      parseMessage(
        SidebarUpdateSchema,
        { type: 'thread', theme: 'light', thread: { host: 'evil', subject: '', key: 'k', people: [] } },
        'test',
      ),
    ).toBeUndefined();
    const people = Array.from({ length: 201 }, (_, i) => ({ email: `p${i}@example.com`, role: 'to' }));
    expect(
      parseMessage(
        MessageSchema,
        { type: 'thread:changed', theme: 'light', thread: { host: 'gmail', subject: '', key: 'k', people } },
        'test',
      ),
    ).toBeUndefined();
  });
});
