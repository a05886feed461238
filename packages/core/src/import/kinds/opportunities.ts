import type { OpportunityStage } from '../../model/opportunity.ts';
import type { ImportKind } from './kind.ts';

/** Salesforce's standard sales-process stages and HubSpot's default deal stages. */
const STAGES: Record<string, OpportunityStage> = {
  lead: 'lead',
  prospecting: 'lead',
  new: 'lead',
  appointmentscheduled: 'qualified',
  qualification: 'qualified',
  qualified: 'qualified',
  qualifiedtobuy: 'qualified',
  needsanalysis: 'qualified',
  valueproposition: 'proposal',
  iddecisionmakers: 'proposal',
  perceptionanalysis: 'proposal',
  presentationscheduled: 'proposal',
  proposal: 'proposal',
  proposalpricequote: 'proposal',
  decisionmakerboughtin: 'negotiation',
  contractsent: 'negotiation',
  negotiation: 'negotiation',
  negotiationreview: 'negotiation',
  closedwon: 'won',
  won: 'won',
  closedlost: 'lost',
  lost: 'lost',
};

/** Opportunities: Salesforce Opportunities (API names and report labels), HubSpot deals. */
export const opportunitiesKind: ImportKind<'opportunities'> = {
  store: 'opportunities',
  signatures: [
    {
      source: 'salesforce',
      headers: [
        'StageName',
        'CloseDate',
        'AccountId',
        'CurrencyIsoCode',
        'IsWon',
        'Opportunity ID',
        'Opportunity Name',
      ],
    },
    { source: 'hubspot', headers: ['Deal Stage', 'Deal Name', 'Record ID'] },
  ],
  fields: {
    externalId: {
      type: 'text',
      label: 'External id',
      aliases: ['Opportunity ID', 'Record ID', 'Deal ID', 'Id', 'External ID'],
    },
    name: { type: 'text', label: 'Name', aliases: ['Opportunity Name', 'Deal Name', 'Name', 'Title'] },
    stage: { type: 'text', label: 'Stage', aliases: ['StageName', 'Stage', 'Deal Stage', 'Pipeline Stage'] },
    amount: { type: 'amount', label: 'Amount', aliases: ['Amount', 'Deal Amount', 'Value', 'Opportunity Amount'] },
    currency: {
      type: 'currency',
      label: 'Currency',
      aliases: ['CurrencyIsoCode', 'Currency', 'Opportunity Currency', 'Deal Currency Code'],
    },
    probability: {
      type: 'percent',
      label: 'Probability',
      aliases: ['Probability (%)', 'Probability', 'Deal probability'],
    },
    expectedClose: {
      type: 'date',
      label: 'Expected close',
      aliases: ['CloseDate', 'Close Date', 'Expected Close Date', 'Expected Close'],
    },
    owner: { type: 'text', label: 'Owner', aliases: ['Opportunity Owner', 'Deal owner', 'OwnerId', 'Owner'] },
    nextStep: { type: 'text', label: 'Next step', aliases: ['NextStep', 'Next Step'] },
    lostReason: { type: 'text', label: 'Lost reason', aliases: ['Closed Lost Reason', 'Loss Reason', 'Lost Reason'] },
    contactEmail: {
      type: 'email',
      label: 'Contact email',
      aliases: ['Contact Email', 'Email', 'Associated Contact Email'],
    },
    contactId: {
      type: 'text',
      label: 'Contact id',
      aliases: ['ContactId', 'Contact ID', 'Associated Contact IDs'],
    },
    accountName: {
      type: 'text',
      label: 'Account',
      aliases: ['Account Name', 'Associated Company', 'Company', 'Company Name'],
    },
    accountId: { type: 'text', label: 'Account id', aliases: ['AccountId', 'Account ID', 'Associated Company IDs'] },
    createdAt: { type: 'date', label: 'Created', aliases: ['CreatedDate', 'Create Date', 'Created Date', 'Created'] },
  },
  build(row, { source }) {
    const name = row.text('name');
    if (!name) {
      row.problems.push('an opportunity needs a name');
      return undefined;
    }
    const stage = row.oneOf('stage', STAGES) ?? 'lead';
    const amount = row.amount('amount');
    const currency = row.currency('currency') ?? amount?.currency;
    if (!currency) row.problems.push('the amount names no currency: add a Currency column or set a default currency');
    const expected = row.day('expectedClose');
    const closed = stage === 'won' || stage === 'lost';
    const externalId = row.text('externalId');
    const accountName = row.text('accountName');
    const accountId = row.text('accountId');
    const contactId = row.text('contactId');
    const contactEmail = row.email('contactEmail');
    const defaultProbability = stage === 'won' ? 1 : stage === 'lost' ? 0 : undefined;
    return {
      key: externalId ?? `name:${name}|${accountName ?? ''}`,
      external: externalId !== undefined,
      fields: {
        name,
        stage,
        amount: { amount: amount?.amount ?? 0, currency: currency ?? '' },
        probability: row.percent('probability') ?? defaultProbability ?? 0,
        ...(expected && { expectedClose: expected }),
        ...(closed && expected && { closedAt: `${expected}T00:00:00.000Z` }),
        ...(row.text('owner') && { ownerId: row.text('owner') }),
        ...(row.text('nextStep') && { nextStep: row.text('nextStep') }),
        ...(row.text('lostReason') && { lostReason: row.text('lostReason') }),
        source: `import:${source}`,
      },
      createdAt: row.date('createdAt'),
      person: contactId || contactEmail ? { externalId: contactId, email: contactEmail } : undefined,
      company: accountId || accountName ? { externalId: accountId, name: accountName } : undefined,
    };
  },
};
