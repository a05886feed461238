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
  if (!customElements.get('cordial-help')) customElements.define('cordial-help', CordialHelp);
  const api: HelpApi = {
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
  Object.defineProperty(client, 'help', { value: api, configurable: true });
  return api;
}

export { CordialHelp };
