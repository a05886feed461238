import type { Thread } from '../messaging/protocol';
import { readGmailThread } from './gmail';
import { readOutlookThread } from './outlook';

const OUTLOOK_HOST = /^outlook\.(live|office|office365)\.com$/;

/** The host adapter for a page: Outlook by host name, Gmail's DOM everywhere else we run (Gmail, the demo inbox). */
export function threadReaderFor(hostname: string): (doc: Document) => Thread | null {
  return OUTLOOK_HOST.test(hostname) ? readOutlookThread : readGmailThread;
}

/**
 * A key per conversation, from the URL the host routes by: Gmail's `#inbox/<id>` hash,
 * Outlook's `/mail/…/id/<id>` path; else the id the page shows (Outlook's `data-convid`);
 * else the subject.
 */
export function threadKey(url: URL, thread: Thread): string {
  const fromHash = /^#.+\/([\w-]+)$/.exec(url.hash)?.[1];
  const fromPath = /\/id\/([^/?#]+)/.exec(url.pathname)?.[1];
  const id = fromPath ?? fromHash ?? thread.conversationId ?? `subject:${thread.subject}`;
  return `${url.hostname}:${decodeURIComponent(id)}`.slice(0, 300);
}
