import type { Client } from '../../client';
import type { WidgetServices } from '../../loader';
import { createBrowserStore } from '../../storage';
import { CordialHelp, helpElements, setHelpService } from './help';
import { createHelpService } from './service';

/** `cordial.help`: drive the help widget from the site's own code. */
export interface HelpApi {
  /** Opens the panel (creates a launcher-mode `<cordial-help>` if the page has none). */
  open(): Promise<void>;
  /** Opens one article by id; false when there is no such article. */
  openArticle(id: string): Promise<boolean>;
  /** Opens the panel with this query; resolves to the number of results. */
  search(query: string): Promise<number>;
  /** Closes the panel (after the calls made before it have run). */
  close(): Promise<void>;
  /** Tells the widget a case is closed (from the owner's collector), so it asks for a satisfaction rating. */
  caseClosed(caseId: string): void;
  /** Replaces the configuration of the widget(s) on the page. */
  configure(config: unknown): void;
}

function element(): CordialHelp {
  const existing = [...helpElements()][0] ?? document.querySelector('cordial-help');
  if (existing) return existing;
  const created = document.createElement('cordial-help');
  document.body.append(created);
  return created;
}

/**
 * The widget module (dist/sdk/widgets/help.js): defines `<cordial-help>`, connects it to
 * the event API and adds `cordial.help`. The SDK's loader imports it the first time a
 * `<cordial-help>` appears on the page.
 */
export function define(client: Client, { checkSchema }: WidgetServices): HelpApi {
  // Votes, queued requests and cases to rate are kept only as the visitor's consent allows.
  setHelpService(
    createHelpService({
      client,
      store: createBrowserStore(() => client.consent.state().analytics),
      check: checkSchema,
    }),
  );
  // One call after the other, as written: `open(); search(q)` fired together must end on the search, not on
  // whichever finishes last (calls made before the module loaded arrive here all at once).
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T> | T): Promise<T> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };
  const api: HelpApi = {
    open: () => inTurn(() => element().open()),
    openArticle: (id) => inTurn(() => element().openArticle(String(id))),
    search: (query) => inTurn(() => element().search(String(query))),
    close: () =>
      inTurn(() => {
        for (const el of helpElements()) el.close();
      }),
    caseClosed: (caseId) => {
      for (const el of helpElements()) el.caseClosed(String(caseId));
    },
    configure: (config) => {
      for (const el of helpElements()) el.configure(config);
    },
  };
  // Before the element is defined: code that awaits customElements.whenDefined('cordial-help') finds cordial.help.
  Object.defineProperty(client, 'help', { value: api, configurable: true });
  if (!customElements.get('cordial-help')) customElements.define('cordial-help', CordialHelp);
  return api;
}

export { CordialHelp };
