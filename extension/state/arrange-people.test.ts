import { describe, expect, it } from 'vitest';
import { arrangePeople } from './arrange-people';

describe(arrangePeople, () => {
  it('should drop own, colleague and excluded addresses and put senders before recipients and copies', () => {
    const people = arrangePeople(
      [
        { email: 'cc@partner.test', role: 'cc' },
        { email: 'me@cordial.test', role: 'from' },
        { email: 'to@client.test', role: 'to' },
        { email: 'mum@family.test', role: 'to' },
        { email: 'boss@cordial.test', role: 'to' },
        { email: 'from@client.test', role: 'from' },
      ],
      { ownAddresses: ['cordial.test'], exclude: ['mum@family.test'] },
    );
    expect(people.map((p) => p.email)).toEqual(['from@client.test', 'to@client.test', 'cc@partner.test']);
  });
});
