import type { Account } from '../../model/account.ts';
import type { ImportKind } from './kind.ts';
import { countryCode, domainOf, tableKey } from './lookups.ts';

/** Headcount → the bands of CompanySizeSchema. */
function sizeBand(employees: number): Account['size'] {
  if (employees <= 10) return '1-10';
  if (employees <= 50) return '11-50';
  if (employees <= 200) return '51-200';
  if (employees <= 1000) return '201-1000';
  if (employees <= 5000) return '1001-5000';
  return '5001+';
}

/** Accounts (companies): HubSpot's companies export, Salesforce's Account object, plain files. */
export const accountsKind: ImportKind<'accounts'> = {
  store: 'accounts',
  signatures: [
    { source: 'hubspot', headers: ['Record ID', 'Company Domain Name'] },
    { source: 'salesforce', headers: ['NumberOfEmployees', 'BillingCity', 'Account ID'] },
  ],
  fields: {
    externalId: {
      type: 'text',
      label: 'External id',
      aliases: ['Record ID', 'Account ID', 'Company ID', 'Id', 'External ID'],
    },
    name: {
      type: 'text',
      label: 'Name',
      aliases: ['Company name', 'Account Name', 'Name', 'Company', 'Organization', 'Organisation'],
    },
    domain: {
      type: 'text',
      label: 'Domain',
      aliases: ['Company Domain Name', 'Domain', 'Website', 'Website URL', 'URL'],
    },
    industry: { type: 'text', label: 'Industry', aliases: ['Industry', 'Sector'] },
    employees: {
      type: 'number',
      label: 'Employees',
      aliases: ['Number of Employees', 'NumberOfEmployees', 'Employees', 'Headcount'],
    },
    owner: { type: 'text', label: 'Owner', aliases: ['Company owner', 'Account Owner', 'OwnerId', 'Owner'] },
    city: { type: 'text', label: 'City', aliases: ['City', 'BillingCity', 'Billing City'] },
    region: {
      type: 'text',
      label: 'State / region',
      aliases: ['State/Region', 'State', 'BillingState', 'Billing State/Province'],
    },
    country: {
      type: 'text',
      label: 'Country',
      aliases: ['Country/Region', 'Country', 'BillingCountry', 'Billing Country'],
    },
    tags: { type: 'list', label: 'Tags', aliases: ['Tags', 'Labels'] },
    createdAt: { type: 'date', label: 'Created', aliases: ['Create Date', 'CreatedDate', 'Created At', 'Created'] },
  },
  build(row, { source }) {
    const name = row.text('name');
    if (!name) {
      row.problems.push('an account needs a name');
      return undefined;
    }
    const domainText = row.text('domain');
    const domain = domainText === undefined ? undefined : domainOf(domainText);
    if (domainText !== undefined && domain === undefined)
      row.reject('domain', `"${domainText}" is not a domain or web address`);
    const employees = row.number('employees');
    const countryText = row.text('country');
    const country = countryText === undefined ? undefined : countryCode(countryText);
    if (countryText !== undefined && !country)
      row.reject('country', `"${countryText}" is not a country Cordial knows; use its two-letter ISO code`);
    const city = row.text('city');
    const region = row.text('region');
    const address = { ...(city && { city }), ...(region && { region }), ...(country && { country }) };
    const externalId = row.text('externalId');
    return {
      key: externalId ?? (domain ? `domain:${domain}` : `name:${tableKey(name)}`),
      external: externalId !== undefined,
      fields: {
        name,
        domains: domain ? [domain] : [],
        ...(row.text('industry') && { industry: row.text('industry') }),
        ...(employees !== undefined && { size: sizeBand(employees) }),
        ...(row.text('owner') && { ownerId: row.text('owner') }),
        ...(Object.keys(address).length > 0 && { address }),
        tags: row.list('tags'),
        customFields: {},
        source: `import:${source}`,
      },
      createdAt: row.date('createdAt'),
    };
  },
};
