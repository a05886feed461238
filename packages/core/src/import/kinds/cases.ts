import type { Case } from '../../model/case.ts';
import type { Channel } from '../../model/common.ts';
import type { ImportKind } from './kind.ts';

const TYPES: Record<string, Case['type']> = {
  question: 'question',
  howto: 'question',
  problem: 'problem',
  bug: 'problem',
  incident: 'problem',
  complaint: 'complaint',
  feedback: 'feedback',
  featurerequest: 'request',
  request: 'request',
  servicerequest: 'request',
};
const PRIORITIES: Record<string, Case['priority']> = {
  low: 'low',
  medium: 'normal',
  normal: 'normal',
  high: 'high',
  urgent: 'urgent',
  critical: 'urgent',
};
const STATUSES: Record<string, Case['status']> = {
  new: 'new',
  open: 'open',
  working: 'open',
  inprogress: 'open',
  escalated: 'open',
  onhold: 'pending',
  pending: 'pending',
  waitingoncustomer: 'pending',
  resolved: 'resolved',
  solved: 'resolved',
  closed: 'closed',
};
const ORIGINS: Record<string, Channel> = {
  email: 'email',
  phone: 'phone',
  web: 'web',
  chat: 'chat',
  livechat: 'chat',
  selfservice: 'self-service',
  portal: 'self-service',
  letter: 'letter',
  inperson: 'in-person',
};

/** Cases: Salesforce Cases (API names and report labels), plain ticket exports. */
export const casesKind: ImportKind<'cases'> = {
  store: 'cases',
  signatures: [
    {
      source: 'salesforce',
      headers: ['CaseNumber', 'Case Number', 'Date/Time Opened', 'ClosedDate', 'SuppliedEmail', 'Case Origin'],
    },
  ],
  fields: {
    externalId: {
      type: 'text',
      label: 'Case number',
      aliases: ['CaseNumber', 'Case Number', 'Case ID', 'Ticket ID', 'Ticket Number', 'Id'],
    },
    subject: { type: 'text', label: 'Subject', aliases: ['Subject', 'Title', 'Summary'] },
    description: { type: 'text', label: 'Description', aliases: ['Description', 'Details', 'Body'] },
    type: { type: 'text', label: 'Type', aliases: ['Type', 'Case Type', 'Reason', 'Case Reason'] },
    priority: { type: 'text', label: 'Priority', aliases: ['Priority'] },
    status: { type: 'text', label: 'Status', aliases: ['Status'] },
    channel: { type: 'text', label: 'Channel', aliases: ['Origin', 'Case Origin', 'Channel', 'Source'] },
    openedAt: {
      type: 'date',
      label: 'Opened',
      aliases: ['Date/Time Opened', 'CreatedDate', 'Created Date', 'Opened', 'Created At', 'Created'],
    },
    firstResponseAt: {
      type: 'date',
      label: 'First response',
      aliases: ['First Response', 'First Response Time', 'First Reply At'],
    },
    resolvedAt: {
      type: 'date',
      label: 'Resolved',
      aliases: ['Date/Time Closed', 'ClosedDate', 'Closed Date', 'Resolved At', 'Solved At'],
    },
    agent: { type: 'text', label: 'Agent', aliases: ['Case Owner', 'OwnerId', 'Assignee', 'Agent'] },
    satisfaction: { type: 'number', label: 'Satisfaction', aliases: ['Satisfaction', 'CSAT', 'Satisfaction Score'] },
    contactEmail: {
      type: 'email',
      label: 'Contact email',
      aliases: ['Contact Email', 'SuppliedEmail', 'Web Email', 'Requester Email', 'Email'],
    },
    contactName: {
      type: 'text',
      label: 'Contact name',
      aliases: ['Contact Name', 'SuppliedName', 'Web Name', 'Requester'],
    },
    contactId: { type: 'text', label: 'Contact id', aliases: ['ContactId', 'Contact ID'] },
    accountName: { type: 'text', label: 'Account', aliases: ['Account Name', 'Company'] },
    accountId: { type: 'text', label: 'Account id', aliases: ['AccountId', 'Account ID'] },
  },
  build(row, { source }) {
    const subject = row.text('subject');
    const openedAt = row.date('openedAt');
    if (!subject) row.problems.push('a case needs a subject');
    if (!openedAt) row.problems.push('a case needs the time it was opened');
    if (!subject || !openedAt) return undefined;
    const satisfaction = row.number('satisfaction');
    if (satisfaction !== undefined && !(Number.isInteger(satisfaction) && satisfaction >= 1 && satisfaction <= 5))
      row.reject('satisfaction', `${satisfaction} is not a rating from 1 to 5`);
    const externalId = row.text('externalId');
    const status = row.oneOf('status', STATUSES) ?? 'open';
    const resolvedAt = row.date('resolvedAt');
    const firstResponseAt = row.date('firstResponseAt');
    const channel = row.oneOf('channel', ORIGINS);
    const description = row.text('description');
    const contactName = row.text('contactName');
    const contactEmail = row.email('contactEmail');
    const contactId = row.text('contactId');
    const accountId = row.text('accountId');
    const accountName = row.text('accountName');
    return {
      key: externalId ?? `opened:${openedAt}|${subject}`,
      external: externalId !== undefined,
      fields: {
        subject,
        ...(description && { description }),
        type: row.oneOf('type', TYPES) ?? 'question',
        priority: row.oneOf('priority', PRIORITIES) ?? 'normal',
        status,
        ...(channel && { channel }),
        openedAt,
        ...(firstResponseAt && { firstResponseAt }),
        ...(resolvedAt && { resolvedAt }),
        ...(row.text('agent') && { agentId: row.text('agent') }),
        ...(satisfaction !== undefined && { satisfaction }),
        source: `import:${source}`,
      },
      person:
        contactId || contactEmail ? { externalId: contactId, email: contactEmail, fullName: contactName } : undefined,
      company: accountId || accountName ? { externalId: accountId, name: accountName } : undefined,
    };
  },
};
