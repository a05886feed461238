import type { Case, Touchpoint } from '@cordial/core';

/**
 * Call scripts per situation, chosen from the customer's data and filled in with their
 * fields: one module for the workbench's call scripts view and the sidebar's call, so a
 * script reads the same wherever the rep calls from.
 */
export const SITUATIONS = ['complaint', 'win-back', 'upsell', 'welcome', 'prospect'] as const;
export type Situation = (typeof SITUATIONS)[number];

export interface CallScript {
  situation: Situation;
  title: string;
  /** Why this script was chosen for this customer. */
  because: string;
  steps: string[];
}

/**
 * What a script needs to know about the customer: the workbench's customer row has these
 * fields, the sidebar builds them from the contact and its value signals.
 */
export interface CallSubject {
  name: string;
  company: string;
  /** The life-cycle stage, said in the welcome script's reason. */
  stage: string;
  /** The RFM segment, if the customer has paid orders. */
  segment: string | undefined;
  orders: number;
  risk: 'low' | 'medium' | 'high' | undefined;
  riskReason: string;
}

/** The touchpoint purpose a call in this situation is logged with, until the rep says otherwise. */
export const SITUATION_PURPOSE: Record<Situation, Touchpoint['purpose']> = {
  complaint: 'complaint',
  'win-back': 'sales',
  upsell: 'sales',
  welcome: 'onboarding',
  prospect: 'sales',
};

/** A complaint the rep still has to handle: the one the complaint script is about. */
export function isOpenComplaint(c: Pick<Case, 'type' | 'status'>): boolean {
  return c.type === 'complaint' && c.status !== 'resolved' && c.status !== 'closed';
}

const TEMPLATES: Record<Situation, { title: string; steps: string[] }> = {
  complaint: {
    title: 'Complaint handling',
    steps: [
      'Hello {firstName}, this is {rep} from {ourCompany}. I am calling about your case “{caseSubject}”.',
      'Listen first: ask {firstName} to tell you, in their words, what went wrong. Do not interrupt.',
      'Acknowledge and apologise for the trouble; repeat the problem back to confirm you understood it.',
      'Say what you will do and by when; agree on it with {firstName}.',
      'Log the outcome on case “{caseSubject}” and set a follow-up for the promised date.',
    ],
  },
  'win-back': {
    title: 'Win-back for an at-risk customer',
    steps: [
      'Hello {firstName}, this is {rep} from {ourCompany}. You have been a valued customer: {orders} orders with us.',
      'We noticed we have not seen you for a while ({riskReason}). Ask: is there anything we could have done better?',
      'Listen for the reason: price, quality, service, or simply no need right now.',
      'Offer what fits the reason; for a {segment} customer a personal offer is worth it.',
      'Agree on a next step and log it as a follow-up.',
    ],
  },
  upsell: {
    title: 'Upsell for a loyal customer',
    steps: [
      'Hello {firstName}, this is {rep} from {ourCompany}. Thank you for being one of our {segment}.',
      'Ask how the products they use are working for them at {company}.',
      'Suggest the next step up that matches what they buy; mention what similar customers chose.',
      'If interested, create an opportunity; if not, ask when would be a better time.',
    ],
  },
  welcome: {
    title: 'Welcome call for a new customer',
    steps: [
      'Hello {firstName}, this is {rep} from {ourCompany}. Thank you for your first order!',
      'Ask whether everything arrived as expected and whether they have questions.',
      'Tell them how to reach service, and what they might like next.',
    ],
  },
  prospect: {
    title: 'First call with a prospect',
    steps: [
      'Hello {firstName}, this is {rep} from {ourCompany}. Do you have two minutes?',
      'Ask what {company} is working on and what problem brought them to us.',
      'Qualify: need, budget, who decides, and when.',
      'Agree on a next step (a demo, a proposal) and create an opportunity.',
    ],
  },
};

/** Which script fits: an open complaint first, then a slipping customer, a loyal one, a new one, a prospect. */
export function chooseScript(
  row: CallSubject,
  openComplaint: Pick<Case, 'subject'> | undefined,
): { situation: Situation; because: string } {
  if (openComplaint) return { situation: 'complaint', because: `open complaint “${openComplaint.subject}”` };
  if (row.risk === 'high' || row.segment === 'At Risk' || row.segment === "Can't Lose Them")
    return { situation: 'win-back', because: row.riskReason || `segment ${row.segment}` };
  if (row.segment === 'Champions' || row.segment === 'Loyal Customers' || row.segment === 'Potential Loyalist')
    return { situation: 'upsell', because: `segment ${row.segment}` };
  if (row.orders > 0) return { situation: 'welcome', because: `${row.stage} customer, ${row.orders} order(s)` };
  return { situation: 'prospect', because: 'has not bought yet' };
}

export interface ScriptFields {
  rep: string;
  ourCompany: string;
  caseSubject?: string;
}

/** The script with the customer's fields filled in; unknown fields read as a neutral word, never as `{x}`. */
export function fillScript(situation: Situation, row: CallSubject, fields: ScriptFields, because: string): CallScript {
  const firstName = row.name.split(/\s+/)[0] || 'there';
  const values: Record<string, string> = {
    firstName,
    rep: fields.rep || 'your account manager',
    ourCompany: fields.ourCompany || 'our company',
    company: row.company || 'your company',
    segment: row.segment ?? 'valued',
    orders: String(row.orders),
    riskReason: row.riskReason || 'no recent orders',
    caseSubject: fields.caseSubject ?? 'your request',
  };
  const template = TEMPLATES[situation];
  return {
    situation,
    title: template.title,
    because,
    steps: template.steps.map((step) => step.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')),
  };
}
