/**
 * The right of access: everything held about one person, as one JSON document they can be
 * given (the contact, and every order, touchpoint, case, deal, task, note, campaign response
 * and offer impression), with a note of anything that could not be read.
 */
import type { Repository } from '../ports/repository.ts';
import { collectPerson, type PersonRecords } from './person-records.ts';

export interface AccessExport extends PersonRecords {
  format: 'cordial-access-export';
  generatedAt: string;
}

export async function exportPerson(
  repo: Repository,
  contactId: string,
  options: { now?: () => string } = {},
): Promise<AccessExport> {
  const person = await collectPerson(repo, contactId);
  return {
    format: 'cordial-access-export',
    generatedAt: (options.now ?? (() => new Date().toISOString()))(),
    ...person,
  };
}
