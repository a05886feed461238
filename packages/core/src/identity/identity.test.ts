import { describe, expect, it } from 'vitest';
import { findDuplicates, type IdentityFacts } from './find-duplicates.ts';
import { canonicalGivenName, compareNames, jaroWinkler, normalizeName, soundex } from './match-names.ts';
import { normalizeEmail } from './normalize-email.ts';
import { normalizePhone } from './normalize-phone.ts';

describe('normalizeEmail', () => {
  it('should lower-case the address and keep other domains otherwise intact', () => {
    expect(normalizeEmail('  Jane.Doe+News@Acme.COM ')?.key).toBe('jane.doe+news@acme.com');
  });
  it('should drop dots and plus tags for Gmail and fold googlemail.com into gmail.com', () => {
    expect(normalizeEmail('Jane.Doe+shop@gmail.com')?.key).toBe('janedoe@gmail.com');
    expect(normalizeEmail('j.a.n.e.doe@googlemail.com')?.key).toBe('janedoe@gmail.com');
  });
  it('should strip plus tags but keep dots for providers that document only subaddressing', () => {
    expect(normalizeEmail('jane.doe+x@outlook.com')?.key).toBe('jane.doe@outlook.com');
    expect(normalizeEmail('jane.doe+x@icloud.com')?.key).toBe('jane.doe@icloud.com');
  });
  it('should never apply Gmail rules to a company domain hosted anywhere', () => {
    expect(normalizeEmail('j.smith@acme.com')?.key).not.toBe(normalizeEmail('jsmith@acme.com')?.key);
  });
  it('should flag shared mailboxes and free-mail domains', () => {
    expect(normalizeEmail('info@acme.com')).toMatchObject({ role: true, freeMail: false });
    expect(normalizeEmail('jane@yahoo.com')).toMatchObject({ role: false, freeMail: true });
  });
  it('should reject text that is not an address', () => {
    for (const bad of ['', 'jane', 'jane@', '@acme.com', 'jane doe@acme.com', 'jane@acme', '+@gmail.com']) {
      expect(normalizeEmail(bad)).toBeNull();
    }
  });
});

describe('normalizePhone', () => {
  it('should write international numbers in E.164', () => {
    expect(normalizePhone('+44 20 7946 0958')).toEqual({ ok: true, e164: '+442079460958' });
    expect(normalizePhone('0049 30 901820')).toEqual({ ok: true, e164: '+4930901820' });
  });
  it('should read national numbers with a default country', () => {
    expect(normalizePhone('(213) 373-4253', 'US')).toEqual({ ok: true, e164: '+12133734253' });
    expect(normalizePhone('020 7946 0958', 'gb')).toEqual({ ok: true, e164: '+442079460958' });
  });
  it('should explain why a number is rejected', () => {
    expect(normalizePhone('(213) 373-4253')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no country code'),
    });
    expect(normalizePhone('+1 123')).toMatchObject({ ok: false });
    expect(normalizePhone('  ')).toEqual({ ok: false, reason: 'empty phone number' });
  });
});

describe('name matching', () => {
  it('should normalise accents, case and punctuation', () => {
    expect(normalizeName("  José   O'Brien-Smith ")).toBe('jose obrien smith');
  });
  it('should fold nicknames into given names', () => {
    expect(canonicalGivenName('Bobby')).toBe('robert');
    expect(canonicalGivenName('Zoë')).toBe('zoe');
  });
  it('should compute the textbook Jaro-Winkler values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
  it('should give names that sound alike the same Soundex code', () => {
    expect(['robert', 'rupert'].map(soundex)).toEqual(['R163', 'R163']);
    expect(['smith', 'smyth', 'schmidt'].map(soundex)).toEqual(['S530', 'S530', 'S530']);
    expect(soundex('ashcraft')).toBe('A261');
    expect(soundex('lee')).toBe('L000');
  });
  it('should match a nickname and an initial but not a shared surname alone', () => {
    expect(compareNames({ first: 'Bob', last: 'Smith' }, { first: 'Robert', last: 'Smith' })).toEqual({
      score: 1,
      nickname: true,
    });
    expect(compareNames({ first: 'J.', last: 'Smith' }, { first: 'Jane', last: 'Smith' })?.score).toBeCloseTo(0.9);
    expect(compareNames({ first: 'Jane', last: 'Smith' }, { first: 'Oscar', last: 'Smith' })?.score).toBeLessThan(0.75);
  });
});

const contact = (id: string, over: Partial<IdentityFacts>): IdentityFacts => ({ id, emails: [], phones: [], ...over });

describe('findDuplicates', () => {
  it('should call the same Gmail address written two ways a certain duplicate and say why', () => {
    const [pair] = findDuplicates([
      contact('a', { emails: ['Jane.Doe@gmail.com'], firstName: 'Jane', lastName: 'Doe' }),
      contact('b', { emails: ['janedoe+shop@googlemail.com'], firstName: 'Jane', lastName: 'Doe' }),
    ]);
    expect(pair).toMatchObject({ a: 'a', b: 'b', verdict: 'certain' });
    expect(pair?.signals.map((s) => s.explanation)).toEqual(['same email address janedoe@gmail.com']);
  });
  it('should offer, not merge, a shared address used by two different names', () => {
    const [pair] = findDuplicates([
      contact('a', { emails: ['pat@acme.com'], firstName: 'Pat', lastName: 'Jones' }),
      contact('b', { emails: ['pat@acme.com'], firstName: 'Oscar', lastName: 'Wu' }),
    ]);
    expect(pair?.verdict).toBe('doubtful');
    expect(pair?.signals.map((s) => s.kind)).toEqual(['email', 'name-conflict']);
  });
  it('should merge on a phone number only when the names agree too', () => {
    const sameName = findDuplicates(
      [
        contact('a', { phones: ['+1 213 373 4253'], firstName: 'Bob', lastName: 'Stone', accountId: 'acc1' }),
        contact('b', { phones: ['(213) 373-4253'], firstName: 'Robert', lastName: 'Stone', accountId: 'acc1' }),
      ],
      { defaultCountry: 'US' },
    );
    expect(sameName[0]?.verdict).toBe('certain');
    const phoneOnly = findDuplicates([
      contact('a', { phones: ['+12133734253'] }),
      contact('b', { phones: ['+12133734253'] }),
    ]);
    expect(phoneOnly[0]?.verdict).toBe('doubtful');
  });
  it('should offer similar names inside one company domain but ignore them across free-mail users', () => {
    const company = findDuplicates([
      contact('a', { emails: ['jon.smith@acme.com'], firstName: 'Jonathan', lastName: 'Smith' }),
      contact('b', { emails: ['j.smith@acme.com'], firstName: 'Jonathon', lastName: 'Smith' }),
    ]);
    expect(company[0]).toMatchObject({ verdict: 'doubtful' });
    expect(company[0]?.signals[0]?.explanation).toMatch(/within the same domain acme\.com/);
    const freeMail = findDuplicates([
      contact('a', { emails: ['jonsmith@gmail.com'], firstName: 'Jonathan', lastName: 'Smith' }),
      contact('b', { emails: ['jsmith@yahoo.com'], firstName: 'Jonathan', lastName: 'Smith' }),
    ]);
    expect(freeMail).toEqual([]);
  });
  it('should not link contacts that share only a shared mailbox', () => {
    expect(
      findDuplicates([contact('a', { emails: ['info@acme.com'] }), contact('b', { emails: ['INFO@acme.com'] })]),
    ).toEqual([]);
  });
});
