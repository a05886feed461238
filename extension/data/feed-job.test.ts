import { emptyEventReport } from '@cordial/core';
import { describe, expect, it } from 'vitest';
import { describePoll } from './feed-job.ts';

const nothing = emptyEventReport();

describe('describePoll', () => {
  it('should say how many events were imported, rejected and kept with a warning, naming the first of each', () => {
    const report = {
      ...nothing,
      accepted: 3,
      rejected: [{ line: 2, reasons: ['not JSON'] }],
      warnings: [{ line: 4, reasons: ['phone: "+1 555" is not a phone number; kept on the task as typed'] }],
    };
    expect(describePoll({ ok: true, received: 4, cursor: 14, report })).toBe(
      'Imported 3 of 4 new events; 1 rejected (first: feed event 12, not JSON); 1 imported with a warning ' +
        '(first: feed event 14, phone: "+1 555" is not a phone number; kept on the task as typed).',
    );
  });

  it('should say the feed is up to date when nothing new came', () => {
    expect(describePoll({ ok: true, received: 0, cursor: 9, report: nothing })).toBe('Up to date: no new events.');
  });
});
