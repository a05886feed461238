import { html, LitElement, nothing } from 'lit';
import { DEFAULT_CONFIG, type HelpConfig, MODES, type Mode, parseHelpConfig } from './config';
import type { Check } from './defaults';
import { helpStyles } from './help.styles';
import { HelpEvent, type HelpEventName } from './help-event';
import { chooseLocale, LOCALES, loadTranslator, type Translator, wantedLocales } from './i18n';
import type { HelpPanel, PanelHost, View } from './panel';
import type { HelpService } from './service';

let service: HelpService | null = null;
const elements = new Set<CordialHelp>();

/** Connects every `<cordial-help>` to the event API (done once by the loader). */
export function setHelpService(next: HelpService): void {
  service = next;
  for (const element of elements) element.requestUpdate();
}

export const helpElements = (): ReadonlySet<CordialHelp> => elements;

/**
 * Self-service help: article search as you type, suggestions for the page, articles
 * with a helpfulness vote, a contact form that opens a case and a call-back request.
 *
 * @attr mode - `articles`, `contact` or `both` (default)
 * @attr inline - render the panel in place instead of a launcher and a floating panel
 * @attr src - URL of the articles JSON
 * @attr locale - force a language (else the page's, then the browser's)
 * @attr labels - comma-separated labels of the current page, for suggestions
 * @fires cordial-help-open, cordial-help-close, cordial-help-search, cordial-help-article,
 *   cordial-help-vote, cordial-help-case, cordial-help-callback, cordial-help-rated, cordial-help-error
 * @csspart launcher, panel, header, close, back, search, results, result, article, vote, form, field, error, submit, notice
 * @cssprop --cordial-help-accent, --cordial-help-on-accent, --cordial-help-background, --cordial-help-color,
 *   --cordial-help-muted, --cordial-help-border, --cordial-help-mark, --cordial-help-error, --cordial-help-radius,
 *   --cordial-help-font
 */
export class CordialHelp extends LitElement {
  static override styles = helpStyles;
  static override properties = {
    mode: { type: String },
    inline: { type: Boolean, reflect: true },
    src: { type: String },
    locale: { type: String },
    labels: { type: String },
    _open: { state: true },
    _tr: { state: true },
    _status: { state: true },
    _announce: { state: true },
  };

  /** `articles`, `contact` or `both`; the configuration's mode when empty or unknown. */
  mode = '';
  inline = false;
  src = '';
  locale = '';
  labels = '';

  private _open = false;
  private _tr: Translator | null = null;
  private _status: 'loading' | 'ready' | 'error' = 'loading';
  private _announce = '';
  private _config: HelpConfig = DEFAULT_CONFIG;
  private _wanted: (string | null | undefined)[] = [];
  /** The panel chunk: everything beyond the launcher, loaded on the visitor's first move towards it. */
  private _panel: HelpPanel | null = null;
  private _panelLoad: Promise<HelpPanel> | null = null;
  private _returnFocus: HTMLElement | null = null;
  private _loaded: Promise<void> | null = null;
  private _unwatch: (() => void) | null = null;
  private _configOverride: unknown = null;

  override connectedCallback(): void {
    super.connectedCallback();
    elements.add(this);
    const unroute = service?.onRoute(() => this._panel?.refreshSuggestions());
    const unconsent = service?.onConsent(this._onOnline);
    this._unwatch = () => {
      unroute?.();
      unconsent?.();
    };
    addEventListener('online', this._onOnline);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    elements.delete(this);
    this._unwatch?.();
    removeEventListener('online', this._onOnline);
    this._panel?.dispose();
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('labels')) this._panel?.refreshSuggestions();
    // Switching from contact-only to a mode with articles needs the articles.
    if (changed.has('mode') && (this._open || this.inline)) void this._panel?.ensureArticles();
    // A new language or article source after the first load: read everything again.
    if (['locale', 'src'].some((key) => changed.has(key) && changed.get(key) !== undefined)) void this.load(true);
  }

  /** Replaces the configuration (same shape as the inline JSON) and reloads. */
  configure(config: unknown): void {
    this._configOverride = config;
    void this.load(true);
  }

  /** Reads the configuration, language and articles; resolves when the widget is usable. */
  load(force = false): Promise<void> {
    if (!this._loaded || force) this._loaded = this._load();
    return this._loaded;
  }

  private async _load(): Promise<void> {
    this._status = 'loading';
    try {
      const parsed = parseHelpConfig(this._configOverride ?? this._inlineConfig(), this._check());
      if (!parsed.ok) throw new Error(parsed.error);
      this._config = parsed.config;
      this._wanted = wantedLocales(this.locale || this._config.locale || null, document, navigator);
      this._tr = await loadTranslator(chooseLocale(this._wanted, Object.keys(LOCALES)));
      this._status = 'ready';
      // An inline panel shows at once; a floating one when opened (its articles are read again if they were shown).
      if (this.inline) await (await this._loadPanel()).reload();
      else await this._panel?.reload();
      await service?.pollCases(this._config.caseStatusUrl);
      void this._flushOutbox();
    } catch (error) {
      this._failed(error);
    }
  }

  private _failed(error: unknown) {
    this._status = 'error';
    const message = error instanceof Error ? error.message : String(error);
    console.warn(message);
    this._fire('error', { message });
  }

  private _check(): Check {
    if (!service) throw new Error('Cordial help: the widget module was not started by the SDK loader.');
    return service.check;
  }

  private _inlineConfig(): unknown {
    const script = this.querySelector('script[type="application/json"]');
    if (!script?.textContent) return {};
    try {
      return JSON.parse(script.textContent);
    } catch {
      throw new Error('Cordial help: the JSON configuration inside <cordial-help> is not valid JSON.');
    }
  }

  /** Imports the panel chunk once (also on hover or focus of the launcher, so that opening feels instant). */
  private _loadPanel(): Promise<HelpPanel> {
    this._panelLoad ??= import('./panel').then(({ HelpPanel }) => {
      this._panel = new HelpPanel(this._host());
      this.requestUpdate();
      return this._panel;
    });
    return this._panelLoad;
  }

  private _prefetch = () => void this._loadPanel();

  /** The panel's view of this element: its state stays private to the element. */
  private _host(): PanelHost {
    const self = this;
    return {
      element: this,
      styles: [helpStyles],
      get mode() {
        return self._mode;
      },
      get config() {
        return self._config;
      },
      get tr() {
        return self._tr as Translator;
      },
      get wanted() {
        return self._wanted;
      },
      get service() {
        return service;
      },
      check: () => this._check(),
      announce: (text) => {
        this._announce = text;
      },
      fire: (name, detail) => this._fire(name, detail),
      failed: (error) => this._failed(error),
      close: () => this.close(),
    };
  }

  private _onOnline = () => void this._flushOutbox();

  private async _flushOutbox() {
    const sent = (await service?.flushOutbox()) ?? [];
    if (!sent.length || !this._tr) return;
    this._announce = this._tr.t('queuedSent', { id: sent.join(', ') });
    if (this._panel) this._panel.notice = this._announce;
  }

  private _fire(name: HelpEventName, detail: Record<string, unknown>) {
    this.dispatchEvent(new HelpEvent(name, detail));
  }

  private get _mode(): Mode {
    return (MODES as readonly string[]).includes(this.mode) ? (this.mode as Mode) : this._config.mode;
  }

  // ——— the code API (cordial.help.*) ———

  /** Opens the panel (the launcher's panel, or scrolls an inline one into view) on its home view. */
  async open(view: View = 'home'): Promise<void> {
    const active = document.activeElement;
    await this.load();
    const panel = await this._loadPanel();
    if (!this._open) {
      this._returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
      this._open = true;
      this._fire('open', {});
    }
    await panel.show(view);
  }

  close(): void {
    if (!this._open || this.inline) return;
    this._open = false;
    this._fire('close', {});
    const back = this._returnFocus;
    this._returnFocus = null;
    void this.updateComplete.then(() => {
      if (back?.isConnected && back !== this) back.focus();
      else this.renderRoot.querySelector<HTMLElement>('[part~="launcher"]')?.focus();
    });
  }

  async openArticle(id: string): Promise<boolean> {
    await this.load();
    const panel = await this._loadPanel();
    const found = await panel.article(id);
    if (found) await this.open('article');
    return found;
  }

  /** Opens the panel with this query in the search box; resolves to the number of results. */
  async search(query: string): Promise<number> {
    await this.open('home');
    return (await this._loadPanel()).search(query);
  }

  /** The closed case to rate (called by the owner's code when its collector reports a closed case). */
  caseClosed(caseId: string): void {
    if (service?.caseClosed(caseId)) this.requestUpdate();
  }

  // ——— rendering: the launcher and the live region; the panel renders itself ———

  override render() {
    const tr = this._tr;
    if (!tr) return nothing;
    const panel = this._panel;
    const shown = this.inline || this._open;
    return html`${
      !this.inline && !this._open
        ? html`<button part="launcher" type="button" aria-haspopup="dialog" @click=${() => this.open()}
            @pointerenter=${this._prefetch} @focus=${this._prefetch}>
            ${tr.t('launcher')}
          </button>`
        : nothing
    }
    ${shown && this._status === 'error' ? html`<p part="error" class="error" role="alert">${tr.t('loadError')}</p>` : nothing}
    ${shown && panel ? panel.render(tr) : nothing}
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this._announce}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cordial-help': CordialHelp;
  }
}
