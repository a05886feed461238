/**
 * Identity resolution over the stored contacts: certain duplicates are merged (each group
 * into its oldest contact, one atomic merge per group, each undoable), doubtful pairs are
 * returned with their explanations for the user to decide.
 */

import { contactFacts } from '../import/import-links.ts';
import { listAll } from '../import/list-all.ts';
import type { Contact } from '../model/contact.ts';
import type { Repository } from '../ports/repository.ts';
import { type DuplicateCandidate, findDuplicates, type IdentityIndexOptions } from './find-duplicates.ts';
import { type MergeRecord, mergeContacts } from './merge-contacts.ts';

export interface ResolveResult {
  merged: MergeRecord[];
  doubtful: DuplicateCandidate[];
}

/** Groups of ids linked by certain pairs (union-find), each group listed once. */
function certainGroups(pairs: readonly DuplicateCandidate[]): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(b), find(a));
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()];
}

export async function resolveDuplicates(
  repo: Repository,
  options: IdentityIndexOptions & { now?: () => string } = {},
): Promise<ResolveResult> {
  const contacts = new Map<string, Contact>();
  for await (const contact of listAll(repo, 'contacts')) contacts.set(contact.id, contact);
  const candidates = findDuplicates([...contacts.values()].map(contactFacts), options);
  const certain = candidates.filter((c) => c.verdict === 'certain');
  const merged: MergeRecord[] = [];
  const gone = new Set<string>();
  for (const group of certainGroups(certain)) {
    const [survivor, ...rest] = group
      .map((id) => contacts.get(id) as Contact)
      .sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
    if (!survivor) continue;
    const reasons = certain
      .filter((c) => group.includes(c.a) && group.includes(c.b))
      .flatMap((c) => c.signals.map((s) => s.explanation));
    merged.push(
      await mergeContacts(
        repo,
        survivor.id,
        rest.map((c) => c.id),
        { reasons: [...new Set(reasons)], ...(options.now && { now: options.now }) },
      ),
    );
    for (const c of rest) gone.add(c.id);
  }
  return { merged, doubtful: candidates.filter((c) => c.verdict === 'doubtful' && !gone.has(c.a) && !gone.has(c.b)) };
}
