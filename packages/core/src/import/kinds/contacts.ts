import { normalizeName } from '../../identity/match-names.ts';
import type { Address } from '../../model/common.ts';
import type { Consent, LifecycleStage } from '../../model/contact.ts';
import type { RowValues } from '../row-values.ts';
import type { DraftFields, ImportKind } from './kind.ts';
import { countryCode } from './lookups.ts';

/** Life-cycle stages of HubSpot, Salesforce and plain files folded onto Cordial's four. */
const STAGES: Record<string, LifecycleStage> = {
  subscriber: 'prospect',
  lead: 'prospect',
  marketingqualifiedlead: 'prospect',
  salesqualifiedlead: 'prospect',
  opportunity: 'prospect',
  prospect: 'prospect',
  other: 'prospect',
  customer: 'customer',
  newcustomer: 'customer',
  evangelist: 'repeat',
  repeat: 'repeat',
  repeatcustomer: 'repeat',
  loyal: 'repeat',
  churned: 'churned',
  formercustomer: 'churned',
  lost: 'churned',
};

const ADDRESS_PARTS = ['street', 'city', 'region', 'postalCode'] as const;

/** The values that are set, each once, in their order (without a Set for the usual one or two). */
function distinct(values: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const value of values) if (value !== undefined && !out.includes(value)) out.push(value);
  return out;
}

/** The natural key of a contact known only by name (and company): accents and case folded, never empty. */
function nameKey(row: RowValues): string {
  const name = [row.text('firstName'), row.text('lastName'), row.text('fullName')].filter(Boolean).join(' ');
  const company = row.text('company') ?? '';
  return `name:${normalizeName(name) || name.trim().toLowerCase()}|${normalizeName(company)}`;
}

/**
 * Contacts: Shopify's customers export, Stripe's customers export, HubSpot's contacts export
 * and Salesforce's Contact object (API names and report labels), plus common plain headers.
 */
export const contactsKind: ImportKind<'contacts'> = {
  store: 'contacts',
  signatures: [
    {
      source: 'shopify',
      headers: ['Accepts Email Marketing', 'Default Address Company', 'Accepts Marketing', 'Total Spent'],
    },
    { source: 'hubspot', headers: ['Record ID', 'Contact owner', 'Lifecycle Stage'] },
    {
      source: 'salesforce',
      headers: ['MailingStreet', 'AccountId', 'HasOptedOutOfEmail', 'MailingCity', 'OwnerId', 'Contact ID'],
    },
    { source: 'stripe', headers: ['Created (UTC)', 'Delinquent', 'Balance', 'Card ID'] },
  ],
  fields: {
    externalId: {
      type: 'text',
      label: 'External id',
      aliases: ['Customer ID', 'Record ID', 'Contact ID', 'Id', 'customer_id', 'External ID', 'Contact Id'],
    },
    firstName: {
      type: 'text',
      label: 'First name',
      aliases: ['First Name', 'FirstName', 'first_name', 'Given Name', 'Forename', 'Vorname', 'Prénom'],
    },
    lastName: {
      type: 'text',
      label: 'Last name',
      aliases: ['Last Name', 'LastName', 'last_name', 'Surname', 'Family Name', 'Nachname'],
    },
    fullName: {
      type: 'text',
      label: 'Full name',
      aliases: ['Name', 'Full Name', 'Contact Name', 'Customer Name', 'Billing Name'],
    },
    email: {
      type: 'email',
      label: 'Email',
      aliases: ['Email', 'Email Address', 'E-mail', 'Customer Email', 'Primary Email', 'Work Email', 'Courriel'],
    },
    otherEmails: {
      type: 'list',
      label: 'Other emails',
      aliases: ['Additional email addresses', 'Secondary Email', 'Other Email', 'Email 2'],
    },
    phone: {
      type: 'phone',
      label: 'Phone',
      aliases: ['Phone', 'Phone Number', 'Business Phone', 'Work Phone', 'Telephone', 'Tel', 'Telefon', 'Téléphone'],
    },
    mobile: {
      type: 'phone',
      label: 'Mobile phone',
      aliases: [
        'Mobile Phone Number',
        'MobilePhone',
        'Mobile',
        'Mobile Phone',
        'Cell',
        'Default Address Phone',
        'Home Phone',
      ],
    },
    company: {
      type: 'text',
      label: 'Company',
      aliases: [
        'Company',
        'Company Name',
        'Default Address Company',
        'Account Name',
        'Organization',
        'Organisation',
        'Business Name',
        'Firma',
        'Unternehmen',
        'Société',
      ],
    },
    accountExternalId: {
      type: 'text',
      label: 'Account id',
      aliases: ['AccountId', 'Account ID', 'Associated Company ID', 'Company ID'],
    },
    title: { type: 'text', label: 'Job title', aliases: ['Title', 'Job Title', 'Position', 'Role'] },
    street: {
      type: 'text',
      label: 'Street',
      aliases: [
        'Street Address',
        'Street',
        'Address1',
        'Address',
        'Default Address Address1',
        'MailingStreet',
        'Mailing Street',
        'Address Line1',
        'Address Line 1',
      ],
    },
    city: {
      type: 'text',
      label: 'City',
      aliases: [
        'City',
        'Default Address City',
        'MailingCity',
        'Mailing City',
        'Address City',
        'Town',
        'Stadt',
        'Ort',
        'Ville',
      ],
    },
    region: {
      type: 'text',
      label: 'State / region',
      aliases: [
        'State/Region',
        'State',
        'Province Code',
        'Province',
        'Default Address Province Code',
        'MailingState',
        'Mailing State/Province',
        'Address State',
        'Region',
      ],
    },
    postalCode: {
      type: 'text',
      label: 'Postal code',
      aliases: [
        'Postal Code',
        'Zip',
        'ZIP Code',
        'Postcode',
        'Default Address Zip',
        'MailingPostalCode',
        'Mailing Zip/Postal Code',
        'Address Zip',
        'Address Postal Code',
        'PLZ',
        'Postleitzahl',
        'Code postal',
      ],
    },
    country: {
      type: 'text',
      label: 'Country',
      aliases: [
        'Country Code',
        'Default Address Country Code',
        'Country',
        'Country/Region',
        'MailingCountry',
        'Mailing Country',
        'Address Country',
        'Land',
        'Pays',
      ],
    },
    owner: {
      type: 'text',
      label: 'Owner',
      aliases: ['Contact owner', 'Owner', 'OwnerId', 'Contact Owner', 'Owner Name'],
    },
    lifecycleStage: {
      type: 'text',
      label: 'Life-cycle stage',
      aliases: ['Lifecycle Stage', 'Lifecycle stage', 'Customer Type', 'Stage'],
    },
    tags: { type: 'list', label: 'Tags', aliases: ['Tags', 'Labels', 'Segments'] },
    acceptsEmail: {
      type: 'boolean',
      label: 'Accepts email marketing',
      aliases: ['Accepts Email Marketing', 'Accepts Marketing', 'Email Opt In', 'Subscribed'],
    },
    emailOptOut: {
      type: 'boolean',
      label: 'Opted out of email',
      aliases: ['HasOptedOutOfEmail', 'Email Opt Out', 'Unsubscribed from all email', 'Unsubscribed'],
    },
    acceptsSms: { type: 'boolean', label: 'Accepts SMS marketing', aliases: ['Accepts SMS Marketing', 'SMS Opt In'] },
    doNotCall: { type: 'boolean', label: 'Do not call', aliases: ['DoNotCall', 'Do Not Call'] },
    createdAt: {
      type: 'date',
      label: 'Created',
      aliases: [
        'Created At',
        'Create Date',
        'CreatedDate',
        'Created (UTC)',
        'Created',
        'Date Created',
        'Signup Date',
        'Erstellt',
        'Erstellt am',
        'Date de création',
      ],
    },
    leadSource: {
      type: 'text',
      label: 'Lead source',
      aliases: ['Lead Source', 'LeadSource', 'Original Source', 'Source'],
    },
    note: { type: 'text', label: 'Note', aliases: ['Note', 'Notes', 'Description'] },
  },
  build(row, { source }) {
    const email = row.email('email');
    const emails = distinct([email, ...row.emails('otherEmails')]);
    const phones = distinct([row.phone('phone'), row.phone('mobile')]);
    const firstName = row.text('firstName');
    const lastName = row.text('lastName');
    const fullName = row.text('fullName');
    const given = row.has('email') || row.has('otherEmails') || row.has('phone') || row.has('mobile');
    if (!given && !firstName && !lastName && !fullName) {
      row.problems.push('a contact needs an email, a phone number or a name');
      return undefined;
    }
    const country = row.text('country');
    const address: Address = {};
    for (const part of ADDRESS_PARTS) {
      const value = row.text(part);
      if (value !== undefined) address[part] = value;
    }
    if (country !== undefined) {
      const code = countryCode(country);
      if (code) address.country = code;
      else row.reject('country', `"${country}" is not a country Cordial knows; use its two-letter ISO code`);
    }
    const stage = row.oneOf('lifecycleStage', STAGES);
    const externalId = row.text('externalId');
    const consent = (flag: boolean | undefined): Consent | undefined =>
      flag === undefined ? undefined : { status: flag ? 'granted' : 'denied', source: `import:${source}` };
    const emailOptOut = row.boolean('emailOptOut');
    const customFields: Record<string, string> = {};
    const note = row.text('note');
    if (note) customFields.note = note;
    // Set field by field rather than spread from one-field objects: this runs for every row.
    const fields: DraftFields<'contacts'> = { emails, phones };
    if (firstName) fields.firstName = firstName;
    if (lastName) fields.lastName = lastName;
    if (fullName) fields.fullName = fullName;
    const company = row.text('company');
    if (company) fields.company = company;
    const title = row.text('title');
    if (title) fields.title = title;
    if (Object.keys(address).length > 0) fields.address = address;
    const owner = row.text('owner');
    if (owner) fields.ownerId = owner;
    if (stage) fields.lifecycleStage = stage;
    fields.tags = row.list('tags');
    fields.customFields = customFields;
    fields.source = `import:${source}`;
    const emailConsent = consent(emailOptOut === true ? false : row.boolean('acceptsEmail'));
    const smsConsent = consent(row.boolean('acceptsSms'));
    const doNotCall = row.boolean('doNotCall');
    const leadSource = row.text('leadSource');
    if (leadSource) customFields.leadSource = leadSource;
    if (emailConsent || smsConsent || doNotCall !== undefined)
      fields.consent = {
        email: emailConsent ?? { status: 'unknown' },
        sms: smsConsent ?? { status: 'unknown' },
        phone: doNotCall === undefined ? { status: 'unknown' } : (consent(!doNotCall) ?? { status: 'unknown' }),
        tracking: { status: 'unknown' },
      };
    const accountExternalId = row.text('accountExternalId');
    return {
      key: externalId ?? (email ? `email:${email}` : phones[0] ? `phone:${phones[0]}` : nameKey(row)),
      external: externalId !== undefined,
      fields,
      createdAt: row.date('createdAt'),
      company: accountExternalId ? { externalId: accountExternalId } : company ? { name: company } : undefined,
    };
  },
};
