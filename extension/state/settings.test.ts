import { describe, expect, it } from 'vitest';
import { isOwnAddress, parseOwnAddresses } from './settings';

describe(parseOwnAddresses, () => {
  it('should accept addresses and domains, one a line, and report the rest', () => {
    expect(parseOwnAddresses('Me@Cordial.test\n@cordial.test, not an address\n\n')).toEqual({
      entries: ['me@cordial.test', 'cordial.test'],
      invalid: ['not an address'],
    });
  });
});

describe(isOwnAddress, () => {
  it('should match an exact address or a whole domain, not a suffix of another domain', () => {
    expect(isOwnAddress('me@cordial.test', ['me@cordial.test'])).toBe(true);
    expect(isOwnAddress('colleague@cordial.test', ['cordial.test'])).toBe(true);
    expect(isOwnAddress('someone@notcordial.test', ['cordial.test'])).toBe(false);
  });
});
