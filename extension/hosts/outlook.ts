import type { PersonInView, Thread } from '../messaging/protocol';
import { addressIn, createPeopleCollector } from './people';

/**
 * Outlook on the web (outlook.live.com, outlook.office.com) has no `email` attribute and
 * generated class names that change between releases, so we read what is stable because
 * Outlook needs it for accessibility and hover cards:
 * - the reading pane is the `[role="main"]` region holding `[data-app-section="ConversationContainer"]`
 *   (older builds: the main region itself);
 * - the subject is the `[role="heading"][aria-level="2"]` in it (its `span[title]` holds the full text);
 * - each message header groups people under containers whose `aria-label` starts with
 *   "From", "To", "Cc" or "Bcc"; every person is a persona element whose `title` is the
 *   address (`title="ada@example.com"`), or, in the expanded header, `Name <address>` text.
 * The conversation id (`data-convid`, on the conversation and on the selected row of the message
 * list) marks one thread when the URL carries no `/id/<id>`.
 * Public extensions and scripts that read Outlook's reading pane rely on the same hooks (the
 * main region, the level-2 heading, `data-convid` with `aria-selected`, "From" labels, persona
 * titles) and on `#ReadingPaneContainerId`, which we take as the pane when the others are absent
 * (docs/extension.md, "What Outlook's DOM needed").
 */
export const outlookSelectors = {
  main: '[role="main"]',
  conversation: '[data-app-section="ConversationContainer"]',
  readingPaneId: '#ReadingPaneContainerId',
  selectedConversation: '[data-convid][aria-selected="true"]',
  subject: '[role="heading"][aria-level="2"]',
  roleGroup: '[aria-label^="From" i], [aria-label^="To" i], [aria-label^="Cc" i], [aria-label^="Bcc" i]',
  persona: '[title]',
} as const;

function roleOf(group: Element): PersonInView['role'] {
  const label = group.getAttribute('aria-label') ?? '';
  if (/^from/i.test(label)) return 'from';
  return /^b?cc/i.test(label) ? 'cc' : 'to';
}

export function readOutlookThread(doc: Document): Thread | null {
  const pane =
    doc.querySelector(outlookSelectors.conversation) ??
    doc.querySelector(outlookSelectors.main) ??
    doc.querySelector(outlookSelectors.readingPaneId);
  const heading = pane?.querySelector(outlookSelectors.subject);
  const subject = (heading?.querySelector('[title]')?.getAttribute('title') ?? heading?.textContent)?.trim();
  if (!pane || !subject) return null;
  const people = createPeopleCollector();
  // Senders first, so a sender quoted again in a later "To" line keeps the role "from".
  const groups = [...pane.querySelectorAll(outlookSelectors.roleGroup)].sort(
    (a, b) => Number(roleOf(a) !== 'from') - Number(roleOf(b) !== 'from'),
  );
  for (const group of groups) {
    const role = roleOf(group);
    for (const persona of group.querySelectorAll(outlookSelectors.persona)) {
      const title = persona.getAttribute('title');
      const email = addressIn(title) ?? addressIn(persona.textContent);
      const name = persona.textContent?.replace(/<[^>]*>/g, '');
      people.add(email, name, role);
    }
  }
  const conversationId = (
    pane.closest('[data-convid]') ??
    pane.querySelector('[data-convid]') ??
    doc.querySelector(outlookSelectors.selectedConversation)
  )?.getAttribute('data-convid');
  return {
    host: 'outlook',
    subject: subject.slice(0, 1000),
    people: people.list(),
    ...(conversationId ? { conversationId: conversationId.slice(0, 200) } : {}),
  };
}

// Fixture pages: tests/fixtures/outlook/mail.html (conversations at /mail/inbox/id/AAQk…1, …2, …3)
