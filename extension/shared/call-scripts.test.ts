import { describe, expect, it } from 'vitest';
import {
  type CallSubject,
  chooseScript,
  fillScript,
  isOpenComplaint,
  SITUATION_PURPOSE,
  SITUATIONS,
} from './call-scripts';

function subject(patch: Partial<CallSubject> = {}): CallSubject {
  return {
    name: 'Ada Lovelace',
    company: 'Analytical Engines',
    stage: 'repeat',
    segment: 'Need Attention',
    orders: 4,
    risk: 'low',
    riskReason: '',
    ...patch,
  };
}

describe(chooseScript, () => {
  it('should choose complaint handling first, whatever else the customer is', () => {
    const chosen = chooseScript(subject({ risk: 'high', segment: 'Champions' }), { subject: 'Machine leaks water' });
    expect(chosen).toEqual({ situation: 'complaint', because: 'open complaint “Machine leaks water”' });
  });

  it('should choose win-back for a customer at risk, by churn tier or by segment, with the reason', () => {
    expect(
      chooseScript(subject({ risk: 'high', riskReason: 'No order for 3 times the usual gap' }), undefined),
    ).toEqual({
      situation: 'win-back',
      because: 'No order for 3 times the usual gap',
    });
    expect(chooseScript(subject({ segment: "Can't Lose Them" }), undefined).situation).toBe('win-back');
    expect(chooseScript(subject({ segment: 'At Risk' }), undefined).situation).toBe('win-back');
  });

  it('should choose upsell for a loyal customer, welcome for another buyer and a first call for a prospect', () => {
    expect(chooseScript(subject({ segment: 'Champions' }), undefined).situation).toBe('upsell');
    expect(chooseScript(subject({ segment: 'Loyal Customers' }), undefined).situation).toBe('upsell');
    expect(chooseScript(subject({ segment: 'New Customers', orders: 1 }), undefined).situation).toBe('welcome');
    expect(chooseScript(subject({ orders: 0, segment: undefined }), undefined).situation).toBe('prospect');
  });
});

describe(fillScript, () => {
  it('should fill in the customer’s and the rep’s fields as text', () => {
    const script = fillScript(
      'complaint',
      subject({ name: 'Grace Hopper', company: 'Compilers Inc' }),
      { rep: 'Robin', ourCompany: 'Bean There', caseSubject: 'Machine leaks water' },
      'open complaint “Machine leaks water”',
    );
    expect(script.title).toBe('Complaint handling');
    expect(script.steps[0]).toBe(
      'Hello Grace, this is Robin from Bean There. I am calling about your case “Machine leaks water”.',
    );
  });

  it('should never leave a placeholder in any script, even with nothing known about the customer', () => {
    const bare = subject({ name: '', company: '', segment: undefined, orders: 0, riskReason: '' });
    for (const situation of SITUATIONS) {
      const text = fillScript(situation, bare, { rep: '', ourCompany: '' }, '').steps.join(' ');
      expect(text, situation).not.toMatch(/[{}]|undefined/);
    }
  });

  it('should keep markup in a customer’s name as the characters typed', () => {
    const script = fillScript('upsell', subject({ company: '<b>Hostile</b> Ltd' }), { rep: 'R', ourCompany: 'O' }, '');
    expect(script.steps[1]).toContain('<b>Hostile</b> Ltd');
  });
});

describe(isOpenComplaint, () => {
  it('should count only complaints that are neither resolved nor closed', () => {
    expect(isOpenComplaint({ type: 'complaint', status: 'open' })).toBe(true);
    expect(isOpenComplaint({ type: 'complaint', status: 'resolved' })).toBe(false);
    expect(isOpenComplaint({ type: 'question', status: 'open' })).toBe(false);
  });

  it('should log a complaint call as a complaint and a welcome call as onboarding', () => {
    expect(SITUATION_PURPOSE.complaint).toBe('complaint');
    expect(SITUATION_PURPOSE.welcome).toBe('onboarding');
  });
});
