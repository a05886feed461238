/**
 * The DOM events of `<cordial-help>`: bubbling and composed (they leave the shadow root),
 * with the same properties as the matching SDK event in `detail`.
 */
export type HelpEventName = 'open' | 'close' | 'search' | 'article' | 'vote' | 'case' | 'callback' | 'rated' | 'error';

export class HelpEvent<T = Record<string, unknown>> extends CustomEvent<T> {
  constructor(name: HelpEventName, detail: T) {
    super(`cordial-help-${name}`, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'cordial-help-open': HelpEvent;
    'cordial-help-close': HelpEvent;
    'cordial-help-search': HelpEvent<{ query: string; results_count: number }>;
    'cordial-help-article': HelpEvent<{ article_id: string; title: string }>;
    'cordial-help-vote': HelpEvent<{ article_id: string; helpful: boolean }>;
    'cordial-help-case': HelpEvent<{ case_id: string; status: 'sent' | 'queued' | 'held' }>;
    'cordial-help-callback': HelpEvent<{ callback_id: string; status: 'sent' | 'queued' | 'held' }>;
    'cordial-help-rated': HelpEvent<{ case_id: string; satisfaction: number }>;
    'cordial-help-error': HelpEvent<{ message: string }>;
  }
}
