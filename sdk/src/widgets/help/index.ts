import type { Store } from '../../storage';
import { CordialHelp, helpElements, setHelpService } from './help';
import { createHelpService, type HelpClient } from './service';

/** `cordial.help`: drive the help widget from the site's own code. */
export interface HelpApi {
  /** Opens the panel (creates a launcher-mode `<cordial-help>` if the page has none). */
  open(): Promise<void>;
  /** Opens one article by id; false when there is no such article. */
  openArticle(id: string): Promise<boolean>;
  /** Opens the panel with this query; resolves to the number of results. */
  search(query: string): Promise<number>;
  close(): void;
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
 * The chunk's entry: defines `<cordial-help>` and connects it to the event API. Called
 * by the SDK's widget loader the first time the element appears (or `cordial.help` is used).
 */
export function defineHelp(client: HelpClient, store: Store): HelpApi {
  setHelpService(createHelpService({ client, store }));
  if (!customElements.get('cordial-help')) customElements.define('cordial-help', CordialHelp);
  return {
    open: () => element().open(),
    openArticle: (id) => element().openArticle(String(id)),
    search: (query) => element().search(String(query)),
    close: () => {
      for (const el of helpElements()) el.close();
    },
    caseClosed: (caseId) => {
      for (const el of helpElements()) el.caseClosed(String(caseId));
    },
    configure: (config) => {
      for (const el of helpElements()) el.configure(config);
    },
  };
}

export { CordialHelp };
