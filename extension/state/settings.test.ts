import { describe, expect, it } from 'vitest';
import { isListed, parseAddressList, SettingsSchema } from './settings';

describe(parseAddressList, () => {
  it('should accept addresses and domains, one a line, once each, and report the rest', () => {
    expect(parseAddressList('Me@Cordial.test\n@cordial.test, not an address\n\ncordial.test')).toEqual({
      entries: ['me@cordial.test', 'cordial.test'],
      invalid: ['not an address'],
    });
  });
});

describe(isListed, () => {
  it('should match an exact address or a whole domain, not a suffix of another domain', () => {
    expect(isListed('me@cordial.test', ['me@cordial.test'])).toBe(true);
    expect(isListed('colleague@cordial.test', ['cordial.test'])).toBe(true);
    expect(isListed('someone@notcordial.test', ['cordial.test'])).toBe(false);
  });
});

describe('SettingsSchema', () => {
  it('should fill defaults for settings saved by an older build', () => {
    expect(SettingsSchema.parse({ ownAddresses: ['me@cordial.test'] })).toEqual({
      ownAddresses: ['me@cordial.test'],
      exclude: [],
      display: 'frame',
      feed: null,
    });
  });

  it('should refuse a feed that is not an http(s) URL', () => {
    expect(SettingsSchema.safeParse({ feed: { url: 'javascript:alert(1)', intervalMinutes: 5 } }).success).toBe(false);
  });
});
