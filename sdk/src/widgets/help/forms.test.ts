import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { callbackWindows, validateCallback, validateContact, validateFiles } from './forms';

const valid = {
  name: 'Ada',
  email: 'ada@example.com',
  type: 'problem',
  subject: 'Grinder',
  description: 'It makes a noise when grinding.',
};

describe('validateContact', () => {
  it('should accept a complete form and trim what was typed', () => {
    const result = validateContact({ ...valid, name: '  Ada  ' });
    expect(result).toEqual({ ok: true, value: { ...valid, name: 'Ada' } });
  });

  it('should name every wrong field with a message key and its limits', () => {
    const result = validateContact({ name: ' ', email: 'ada@', type: 'problem', subject: '', description: 'short' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual({
        name: { key: 'required', vars: {} },
        email: { key: 'emailInvalid', vars: {} },
        subject: { key: 'required', vars: {} },
        description: { key: 'tooShort', vars: { min: 10 } },
      });
  });

  it('should refuse an over-long description and an unknown request type', () => {
    const result = validateContact({ ...valid, type: 'spam', description: 'x'.repeat(5001) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.description).toEqual({ key: 'tooLong', vars: { max: 5000 } });
      expect(result.errors.type?.key).toBe('required');
    }
  });
});

describe('validateCallback', () => {
  it('should accept a phone number written with spaces, dashes and parentheses', () => {
    const result = validateCallback({ name: 'Ada', phone: '+1 (555) 010-0199', email: '', topic: '', window: '0:1' });
    expect(result.ok && result.value.phone).toBe('+15550100199');
  });

  it('should reject a phone number that is too short and a missing window', () => {
    const result = validateCallback({ name: 'Ada', phone: '12 34', email: 'x', topic: '', window: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['email', 'phone', 'window']);
  });
});

describe('validateFiles', () => {
  const limits = { endpoint: '/upload', maxFiles: 2, maxSizeMb: 1, accept: ['image/*', 'application/pdf'] };
  it('should check the count, the size and the type of attachments', () => {
    expect(validateFiles([{ name: 'a.png', size: 10, type: 'image/png' }], limits)).toBeNull();
    expect(validateFiles(Array(3).fill({ name: 'a.png', size: 1, type: 'image/png' }), limits)?.key).toBe(
      'tooManyFiles',
    );
    expect(validateFiles([{ name: 'big.pdf', size: 2 * 1024 * 1024, type: 'application/pdf' }], limits)).toEqual({
      key: 'fileTooBig',
      vars: { file: 'big.pdf', size: 1 },
    });
    expect(validateFiles([{ name: 'x.exe', size: 1, type: 'application/x-msdownload' }], limits)?.key).toBe('fileType');
  });
});

describe('callbackWindows', () => {
  const cfg = { ...DEFAULT_CONFIG.callback, utcOffsetMinutes: 60 };

  it('should offer business hours on working days, in the team time zone, from an hour ahead', () => {
    // Friday 2026-11-27 13:30 UTC is 14:30 for a team at UTC+1; an hour ahead leaves 16:00-17:00 today.
    const days = callbackWindows(new Date('2026-11-27T13:30:00Z'), cfg);
    expect(days).toHaveLength(5);
    expect(days[0]?.windows.map((w) => w.start.toISOString())).toEqual(['2026-11-27T15:00:00.000Z']);
    // The weekend is skipped: Monday 09:00 at UTC+1 is 08:00 UTC.
    expect(days[1]?.windows[0]?.start.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(days[1]?.windows).toHaveLength(8);
    expect(days.every((d) => d.windows.every((w) => w.end.getTime() - w.start.getTime() === 3_600_000))).toBe(true);
  });
});
