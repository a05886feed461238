import { describe, expect, it } from 'vitest';
import { contact } from '../testing/repository.contract.ts';
import { parseRecord, wasParsed } from './parse-record.ts';

describe('parseRecord', () => {
  it('should return the parsed record, marked as parsed, and a readable reason for a bad one', () => {
    const input = contact('c1');
    const parsed = parseRecord('contacts', input);
    expect(parsed).toEqual({ ok: true, value: input });
    expect(parsed.ok && wasParsed(parsed.value)).toBe(true);
    expect(wasParsed(input)).toBe(false);
    expect(wasParsed(structuredClone(parsed.ok ? parsed.value : null))).toBe(false);
    const bad = parseRecord('contacts', { ...input, emails: ['nope'], version: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues).toMatch(/emails.*version|version.*emails/);
    expect(bad.ok ? '' : bad.issues).not.toContain('\n');
  });
});
