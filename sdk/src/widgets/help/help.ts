import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { Article, HelpContent } from './articles';
import { DEFAULT_CONFIG, type HelpConfig, MODES, type Mode, parseHelpConfig } from './config';
import type { Check } from './defaults';
import {
  CASE_TYPES,
  callbackWindows,
  type FieldError,
  type FieldErrors,
  type TimeWindow,
  validateCallback,
  validateContact,
  validateFiles,
} from './forms';
import { helpStyles } from './help.styles';
import { HelpEvent, type HelpEventName } from './help-event';
import { chooseLocale, LOCALES, loadTranslator, type Translator, wantedLocales } from './i18n';
import type { Hit, Searcher, Segment } from './search';
import type { HelpService, Sent } from './service';

let service: HelpService | null = null;
const elements = new Set<CordialHelp>();

/** Connects every `<cordial-help>` to the event API (done once by the loader). */
export function setHelpService(next: HelpService): void {
  service = next;
  for (const element of elements) element.requestUpdate();
}

export const helpElements = (): ReadonlySet<CordialHelp> => elements;

type View = 'home' | 'article' | 'contact' | 'callback' | 'done' | 'rate';

const FOCUSABLE = 'button,[href],input,select,textarea,[tabindex]:not([tabindex="-1"])';
const SEARCH_REPORT_MS = 800;
/** Fields about the visitor read "Enter your name."; the others "Fill in “Subject”." */
const PERSONAL = new Set(['name', 'email', 'phone']);
const ANNOUNCE_MS = 350;

/** The article chunk (content checks, Markdown, suggestions), loaded when the panel first opens. */
type Library = typeof import('./library');

const segments = (parts: Segment[]) => parts.map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text));

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
  /** `cordial.help`, set by the widget module: the SDK's stub calls it once the element is defined. */
  static api: unknown = null;
  static override styles = helpStyles;
  static override properties = {
    mode: { type: String },
    inline: { type: Boolean, reflect: true },
    src: { type: String },
    locale: { type: String },
    labels: { type: String },
    _open: { state: true },
    _view: { state: true },
    _query: { state: true },
    _tr: { state: true },
    _status: { state: true },
    _error: { state: true },
    _voted: { state: true },
    _errors: { state: true },
    _notice: { state: true },
    _busy: { state: true },
    _announce: { state: true },
    _suggested: { state: true },
    _day: { state: true },
  };

  /** `articles`, `contact` or `both`; the configuration's mode when empty or unknown. */
  mode = '';
  inline = false;
  src = '';
  locale = '';
  labels = '';

  private _open = false;
  private _view: View = 'home';
  private _query = '';
  private _tr: Translator | null = null;
  private _status: 'loading' | 'ready' | 'error' = 'loading';
  private _error = '';
  private _voted: boolean | null = null;
  private _errors: FieldErrors = {};
  private _notice = '';
  private _busy = false;
  private _announce = '';
  private _suggested: Article[] = [];

  private _config: HelpConfig = DEFAULT_CONFIG;
  private _content: HelpContent | null = null;
  private _articles: Article[] = [];
  private _lib: Library | null = null;
  private _articlesLoad: Promise<void> | null = null;
  private _wanted: (string | null | undefined)[] = [];
  private _searcher: Searcher | null = null;
  private _searchLoad: Promise<void> | null = null;
  private _articleLocale = 'en';
  private _article: Article | null = null;
  private _bodies = new Map<string, HTMLElement>();
  private _windows: { day: Date; windows: TimeWindow[] }[] = [];
  private _day = 0;
  private _returnFocus: HTMLElement | null = null;
  private _timers: { report?: ReturnType<typeof setTimeout>; announce?: ReturnType<typeof setTimeout> } = {};
  private _loaded: Promise<void> | null = null;
  private _unwatch: (() => void) | null = null;
  private _configOverride: unknown = null;

  override connectedCallback(): void {
    super.connectedCallback();
    elements.add(this);
    const unroute = service?.onRoute(() => this._refreshSuggestions());
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
    clearTimeout(this._timers.report);
    clearTimeout(this._timers.announce);
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('labels')) this._refreshSuggestions();
    // Switching from contact-only to a mode with articles needs the articles.
    if (changed.has('mode') && (this._open || this.inline)) void this._ensureArticles();
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
      this._windows = callbackWindows(new Date(), this._config.callback);
      this._status = 'ready';
      // Articles load when first shown (panel opened, or inline); a reload re-reads them if they were.
      const shown = this._articlesLoad !== null || this.inline;
      this._articlesLoad = null;
      this._content = null;
      if (shown) await this._ensureArticles();
      await service?.pollCases(this._config.caseStatusUrl);
      void this._flushOutbox();
    } catch (error) {
      this._failed(error);
    }
  }

  private _failed(error: unknown) {
    this._status = 'error';
    this._error = error instanceof Error ? error.message : String(error);
    console.warn(this._error);
    this._fire('error', { message: this._error });
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

  /** Loads the article chunk and the articles once (per configuration); resolves when they are shown. */
  private _ensureArticles(): Promise<void> {
    if (this._mode === 'contact') return Promise.resolve();
    this._articlesLoad ??= this._loadArticles().catch((error: unknown) => this._failed(error));
    return this._articlesLoad;
  }

  private async _loadArticles() {
    this._status = 'loading';
    const lib = await import('./library');
    this._lib = lib;
    const url = this.src || this._config.articlesUrl;
    let content: HelpContent;
    if (this._config.articles !== undefined) {
      const parsed = lib.parseContent(this._config.articles, this._check());
      if (!parsed.ok) throw new Error(parsed.error);
      content = parsed.content;
    } else if (url) {
      content = await lib.fetchContent(new URL(url, location.href).href, this._check());
    } else throw new Error('Cordial help: give articles inline ("articles") or a URL ("src" or "articlesUrl").');
    const locales = [...new Set(content.articles.map((a) => a.locale))];
    const articleLocale = chooseLocale(this._wanted, locales, content.defaultLocale);
    this._content = content;
    this._articles = lib.articlesFor(content, articleLocale);
    this._articleLocale = articleLocale;
    this._searcher = null;
    this._searchLoad = null;
    this._bodies.clear();
    this._refreshSuggestions();
    this._status = 'ready';
    if (this.inline) void this._ensureSearch();
  }

  /** Loads the search chunk and builds the index (once per article set). */
  private _ensureSearch(): Promise<void> {
    const content = this._content;
    if (!this._searchLoad && content) {
      const articles = this._articles;
      this._searchLoad = import('./search-engine')
        .then((m) =>
          m.createEngine(articles, content.version, this._articleLocale, (id) => service?.localVote(id) ?? 0),
        )
        .then((searcher) => {
          if (this._articles === articles) this._searcher = searcher;
          this.requestUpdate();
        });
    }
    return this._searchLoad ?? Promise.resolve();
  }

  private _refreshSuggestions() {
    const lib = this._lib;
    if (!this._content || !lib) return;
    const labels = this.labels
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    this._suggested = lib.suggestionsFor(this._content, this._articles, new URL(location.href), labels);
  }

  private _onOnline = () => void this._flushOutbox();

  private _onDay = (event: Event) => {
    this._day = Number((event.target as HTMLSelectElement).value);
  };

  private async _flushOutbox() {
    const sent = (await service?.flushOutbox()) ?? [];
    if (sent.length && this._tr) this._say(this._tr.t('queuedSent', { id: sent.join(', ') }), true);
  }

  private _fire(name: HelpEventName, detail: Record<string, unknown>) {
    this.dispatchEvent(new HelpEvent(name, detail));
  }

  private get _mode(): Mode {
    return (MODES as readonly string[]).includes(this.mode) ? (this.mode as Mode) : this._config.mode;
  }

  private get _floating() {
    return !this.inline;
  }

  // ——— the code API (cordial.help.*) ———

  /** Opens the panel (the launcher's panel, or scrolls an inline one into view) on its home view. */
  async open(view: View = 'home'): Promise<void> {
    await this.load();
    if (view === 'home' && this._mode === 'contact') view = 'contact';
    const toRate = service?.toRate();
    this._view = view === 'home' && toRate ? 'rate' : view;
    if (!this._open) {
      const active = document.activeElement;
      this._returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
      this._open = true;
      this._fire('open', {});
    }
    const articles = this._ensureArticles();
    await this.updateComplete;
    if (this.inline) this.scrollIntoView({ block: 'nearest' });
    this._focusFirst();
    // The panel shows at once; once the articles are in, focus goes to the search box unless the visitor moved it.
    await articles;
    void this._ensureSearch();
    await this.updateComplete;
    const panel = this.renderRoot.querySelector('[part~="panel"]');
    if (!panel?.contains((this.renderRoot as ShadowRoot).activeElement)) this._focusFirst();
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
    await this._ensureArticles();
    const article = this._articles.find((a) => a.id === id);
    if (!article) {
      this._say(this._tr?.t('notFound') ?? '');
      return false;
    }
    this._showArticle(article);
    await this.open('article');
    return true;
  }

  /** Opens the panel with this query in the search box; resolves to the number of results. */
  async search(query: string): Promise<number> {
    await this.open('home');
    await this._ensureArticles();
    this._setQuery(String(query));
    await this._ensureSearch();
    this._reportSearch();
    await this.updateComplete;
    return this._hits().length;
  }

  /** The closed case to rate (called by the owner's code when its collector reports a closed case). */
  caseClosed(caseId: string): void {
    if (service?.caseClosed(caseId)) this.requestUpdate();
  }

  // ——— behaviour ———

  private _focusFirst() {
    const target =
      this.renderRoot.querySelector<HTMLElement>('[data-focus]') ??
      this.renderRoot.querySelector<HTMLElement>('.body h2, .body h3');
    target?.focus();
  }

  private _hits(): Hit[] {
    return this._searcher?.search(this._query) ?? [];
  }

  private _setQuery(query: string) {
    this._query = query;
    void this._ensureSearch();
    this._view = 'home';
    clearTimeout(this._timers.announce);
    clearTimeout(this._timers.report);
    // The live region speaks once the visitor pauses, not on every keystroke.
    this._timers.announce = setTimeout(() => {
      this._announce = query.trim() ? (this._tr?.count(this._hits().length) ?? '') : '';
    }, ANNOUNCE_MS);
    this._timers.report = setTimeout(() => this._reportSearch(), SEARCH_REPORT_MS);
  }

  /** One `Help Articles Searched` per query the visitor settled on (not per keystroke). */
  private _reportSearch() {
    clearTimeout(this._timers.report);
    const query = this._query.trim();
    if (!query || query === this._lastReported) return;
    if (!this._searcher) {
      void this._ensureSearch().then(() => this._reportSearch());
      return;
    }
    this._lastReported = query;
    const count = this._hits().length;
    service?.searched(query, count);
    this._fire('search', { query, results_count: count });
  }
  private _lastReported = '';

  private _showArticle(article: Article) {
    this._reportSearch();
    this._article = article;
    this._voted = null;
    this._go('article');
    service?.viewed(article.id, article.title);
    this._fire('article', { article_id: article.id, title: article.title });
  }

  private _go(view: View) {
    this._reportSearch();
    this._errors = {};
    this._notice = '';
    this._view = view;
    void this.updateComplete.then(() => this._focusFirst());
  }

  private _vote(helpful: boolean) {
    const article = this._article;
    if (!article) return;
    this._voted = helpful;
    service?.vote(article.id, helpful);
    this._fire('vote', { article_id: article.id, helpful });
    this._say(this._tr?.t(helpful ? 'thanks' : 'nextStep') ?? '');
  }

  private _say(text: string, notice = false) {
    this._announce = text;
    if (notice) this._notice = text;
  }

  private _onKeydown = (event: KeyboardEvent) => {
    if (!this._floating) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const panel = this.renderRoot.querySelector('[part~="panel"]');
    const focusable = [...(panel?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
      (el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = (this.renderRoot as ShadowRoot).activeElement;
    if (event.shiftKey && (active === first || !panel?.contains(active))) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && (active === last || !panel?.contains(active))) {
      event.preventDefault();
      first?.focus();
    }
  };

  private _fieldsOf(form: HTMLFormElement): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') out[key] = value;
    return out;
  }

  private _invalid(form: HTMLFormElement, errors: FieldErrors) {
    this._errors = errors;
    const count = Object.keys(errors).length;
    this._say(this._tr?.t('fixErrors', { n: count }) ?? '');
    void this.updateComplete.then(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  private async _submitContact(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const result = validateContact(this._fieldsOf(form));
    const files = [...(form.querySelector<HTMLInputElement>('input[type=file]')?.files ?? [])];
    const fileError = this._config.attachments ? validateFiles(files, this._config.attachments) : null;
    const errors = result.ok ? {} : { ...result.errors };
    if (fileError) errors.files = fileError;
    if (!result.ok || fileError) return this._invalid(form, errors);
    await this._send(() => (service as HelpService).openCase(result.value, files, this._config.attachments), 'case');
  }

  private async _submitCallback(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const result = validateCallback(this._fieldsOf(form));
    if (!result.ok) return this._invalid(form, result.errors);
    const [d, w] = result.value.window.split(':').map(Number);
    const window = this._windows[d ?? -1]?.windows[w ?? -1];
    if (!window) return this._invalid(form, { window: { key: 'required', vars: {} } });
    const done = await this._send(() => (service as HelpService).requestCallback(result.value, window), 'callback');
    if (done?.status === 'sent' && this._tr) {
      const when = new Intl.DateTimeFormat(this._tr.locale, { dateStyle: 'full', timeStyle: 'short' }).formatRange(
        window.start,
        window.end,
      );
      this._notice = this._tr.t('callbackSent', { when });
      this._announce = this._notice;
    }
  }

  private async _send(run: () => Promise<Sent>, kind: 'case' | 'callback'): Promise<Sent | undefined> {
    if (!service) return;
    this._errors = {};
    this._busy = true;
    try {
      const sent = await run();
      this._fire(kind, { [`${kind}_id`]: sent.id, status: sent.status });
      const tr = this._tr as Translator;
      this._view = 'done';
      this._notice = sent.status === 'sent' ? tr.t('caseSent', { id: sent.id }) : tr.t(sent.status);
      this._announce = this._notice;
      await this.updateComplete;
      this._focusFirst();
      return sent;
    } finally {
      this._busy = false;
    }
  }

  private _submitRating(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const ref = service?.toRate();
    const value = Number(new FormData(form).get('satisfaction'));
    if (!ref) return;
    if (!(value >= 1 && value <= 5)) return this._invalid(form, { satisfaction: { key: 'required', vars: {} } });
    service?.rate(ref.id, value);
    this._fire('rated', { case_id: ref.id, satisfaction: value });
    this._view = 'done';
    this._notice = this._tr?.t('rateThanks') ?? '';
    this._announce = this._notice;
  }

  // ——— rendering ———

  override render() {
    const tr = this._tr;
    if (!tr) return nothing;
    const panelOpen = this.inline || this._open;
    return html`${
      this._floating && !this._open
        ? html`<button part="launcher" type="button" aria-haspopup="dialog" @click=${() => this.open()}>
            ${tr.t('launcher')}
          </button>`
        : nothing
    }
    ${panelOpen ? this._panel(tr) : nothing}
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this._announce}</div>`;
  }

  private _panel(tr: Translator) {
    const floating = this._floating;
    const back = this._view !== 'home' && !(this._view === 'contact' && this._mode === 'contact');
    return html`<section
      part="panel"
      class=${floating ? 'floating' : 'inline'}
      role=${floating ? 'dialog' : 'region'}
      aria-modal=${floating ? 'true' : nothing}
      aria-labelledby="help-title"
      dir=${tr.dir}
      lang=${tr.locale}
      @keydown=${this._onKeydown}
    >
      <div class="head" part="header">
        ${back ? html`<button part="back" type="button" @click=${() => this._go('home')}>${tr.t('back')}</button>` : nothing}
        <h2 id="help-title">${tr.t('title')}</h2>
        ${floating ? html`<button part="close" type="button" aria-label=${tr.t('close')} @click=${() => this.close()}>✕</button>` : nothing}
      </div>
      <div class="body">${this._body(tr)}</div>
    </section>`;
  }

  private _body(tr: Translator): TemplateResult | typeof nothing {
    if (this._status === 'loading') return html`<p>${tr.t('loading')}</p>`;
    if (this._status === 'error') return html`<p part="error" class="error">${tr.t('loadError')}</p>`;
    switch (this._view) {
      case 'article':
        return this._articleView(tr);
      case 'contact':
        return this._contactView(tr);
      case 'callback':
        return this._callbackView(tr);
      case 'rate':
        return this._rateView(tr);
      case 'done':
        return html`<p part="notice" class="notice" tabindex="-1" data-focus>${this._notice}</p>`;
      default:
        return this._homeView(tr);
    }
  }

  private _popular(): Article[] {
    return this._lib?.popular(this._articles) ?? [];
  }

  private _articleList(articles: Article[], hits?: Hit[]) {
    const items =
      hits ?? articles.map((article) => ({ article, title: [{ text: article.title, mark: false }], snippet: [] }));
    return html`<ul part="results" class="list">
      ${items.map(
        (hit) => html`<li part="result">
          <button class="link" type="button" @click=${() => this._showArticle(hit.article)}>
            <strong>${segments(hit.title)}</strong>
            ${hit.snippet.length ? html`<span class="snippet">${segments(hit.snippet)}</span>` : nothing}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  private _homeView(tr: Translator) {
    const q = this._query.trim();
    const hits = q ? this._hits() : [];
    const articles = this._mode !== 'contact';
    return html`${
      articles
        ? html`<label for="help-search">${tr.t('searchLabel')}</label>
            <input
              id="help-search"
              part="search"
              type="search"
              autocomplete="off"
              data-focus
              placeholder=${tr.t('searchPlaceholder')}
              .value=${this._query}
              @input=${(e: InputEvent) => this._setQuery((e.target as HTMLInputElement).value)}
              @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this._reportSearch()}
            />
            ${
              q && !this._searcher
                ? html`<p>${tr.t('loading')}</p>`
                : q && hits.length
                  ? html`<h3>${tr.count(hits.length)}</h3>
                    ${this._articleList([], hits)}`
                  : q
                    ? html`<p>${tr.t('noMatch', { q })}</p>
                      ${this._articleList(this._popular())}`
                    : html`${
                        this._suggested.length
                          ? html`<h3>${tr.t('suggested')}</h3>
                            ${this._articleList(this._suggested)}`
                          : nothing
                      }
                    <h3>${tr.t('popular')}</h3>
                    ${this._articleList(this._popular().filter((a) => !this._suggested.includes(a)))}`
            }`
        : nothing
    }
    ${this._contactLinks(tr, tr.t('needMore'))}`;
  }

  private _contactLinks(tr: Translator, heading: string) {
    if (this._mode === 'articles') return nothing;
    return html`<h3>${heading}</h3>
      <div class="actions">
        <button type="button" @click=${() => this._go('contact')}>${tr.t('contact')}</button>
        ${this._config.callback.enabled ? html`<button type="button" @click=${() => this._go('callback')}>${tr.t('callback')}</button>` : nothing}
      </div>`;
  }

  private _articleBody(article: Article): HTMLElement {
    let body = this._bodies.get(article.id);
    if (!body) {
      body = document.createElement('div');
      body.className = 'article';
      body.append((this._lib as Library).renderMarkdown(article.body, location.href));
      this._bodies.set(article.id, body);
    }
    return body;
  }

  private _articleView(tr: Translator) {
    const article = this._article;
    if (!article) return html`<p>${tr.t('notFound')}</p>`;
    return html`<article part="article" lang=${article.locale}>
        <h3 tabindex="-1" data-focus>${article.title}</h3>
        <p class="meta">${tr.t('updated', { date: tr.date(article.updatedAt) })}</p>
        ${this._articleBody(article)}
      </article>
      <div part="vote" role="group" aria-labelledby="vote-q">
        <p id="vote-q">${tr.t('helpful')}</p>
        <div class="actions">
          <button type="button" aria-pressed=${this._voted === true} @click=${() => this._vote(true)}>${tr.t('yes')}</button>
          <button type="button" aria-pressed=${this._voted === false} @click=${() => this._vote(false)}>${tr.t('no')}</button>
        </div>
      </div>
      ${this._voted === true ? html`<p>${tr.t('thanks')}</p>` : nothing}
      ${this._voted === false ? this._contactLinks(tr, tr.t('nextStep')) : nothing}`;
  }

  private _fieldError(name: string): FieldError | undefined {
    return this._errors[name];
  }

  private _field(
    tr: Translator,
    name: string,
    label: string,
    control: (describedBy: string, invalid: boolean) => unknown,
    hint = '',
  ) {
    const error = this._fieldError(name);
    const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field" part="field">
      <label for="f-${name}">${label}</label>
      ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
      ${control(ids, Boolean(error))}
      ${error ? html`<p part="error" class="error" id="${name}-error">${tr.t(error.key === 'required' && !PERSONAL.has(name) ? 'requiredField' : (error.key as never), { field: label.toLowerCase(), label, ...error.vars })}</p>` : nothing}
    </div>`;
  }

  private _input(name: string, type: string, value: string, autocomplete: string, required = true) {
    return (describedBy: string, invalid: boolean) =>
      html`<input id="f-${name}" name=${name} type=${type} .value=${value} autocomplete=${autocomplete}
        aria-required=${required ? 'true' : 'false'} aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing} />`;
  }

  private _contactView(tr: Translator) {
    const me = service?.identity() ?? { name: '', email: '', phone: '' };
    const attachments = this._config.attachments;
    return html`<form part="form" novalidate @submit=${this._submitContact}>
      <h3 tabindex="-1" data-focus>${tr.t('contact')}</h3>
      ${this._field(tr, 'name', tr.t('name'), this._input('name', 'text', me.name, 'name'))}
      ${this._field(tr, 'email', tr.t('email'), this._input('email', 'email', me.email, 'email'))}
      ${this._field(
        tr,
        'type',
        tr.t('type'),
        () => html`<select id="f-type" name="type">
          ${CASE_TYPES.map((t) => html`<option value=${t}>${tr.t(t)}</option>`)}
        </select>`,
      )}
      ${this._field(tr, 'subject', tr.t('subject'), this._input('subject', 'text', this._query, 'off'))}
      ${this._field(
        tr,
        'description',
        tr.t('description'),
        (describedBy, invalid) => html`<textarea id="f-description" name="description" rows="5" aria-required="true"
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing}></textarea>`,
      )}
      ${
        attachments
          ? this._field(
              tr,
              'files',
              tr.t('attachments'),
              (describedBy, invalid) => html`<input id="f-files" name="files" type="file" multiple
                accept=${attachments.accept.join(',')} aria-invalid=${invalid ? 'true' : 'false'}
                aria-describedby=${describedBy || nothing} />`,
              tr.t('attachmentsHint', { max: attachments.maxFiles, size: attachments.maxSizeMb }),
            )
          : nothing
      }
      <button part="submit" class="primary" type="submit" ?disabled=${this._busy}>
        ${this._busy ? tr.t('sending') : tr.t('send')}
      </button>
    </form>`;
  }

  private _callbackView(tr: Translator) {
    const me = service?.identity() ?? { name: '', email: '', phone: '' };
    const day = this._windows[this._day];
    const dayFormat = new Intl.DateTimeFormat(tr.locale, { weekday: 'long', month: 'long', day: 'numeric' });
    const timeFormat = new Intl.DateTimeFormat(tr.locale, { timeStyle: 'short' });
    return html`<form part="form" novalidate @submit=${this._submitCallback}>
      <h3 tabindex="-1" data-focus>${tr.t('callback')}</h3>
      ${this._field(tr, 'name', tr.t('name'), this._input('name', 'text', me.name, 'name'))}
      ${this._field(tr, 'phone', tr.t('phone'), this._input('phone', 'tel', me.phone, 'tel'))}
      ${this._field(tr, 'email', tr.t('email'), this._input('email', 'email', me.email, 'email', false))}
      ${this._field(
        tr,
        'day',
        tr.t('day'),
        () => html`<select id="f-day" @change=${this._onDay}>
          ${this._windows.map((d, i) => html`<option value=${i} ?selected=${i === this._day}>${dayFormat.format(d.day)}</option>`)}
        </select>`,
      )}
      ${this._field(
        tr,
        'window',
        tr.t('window'),
        (describedBy, invalid) => html`<select id="f-window" name="window" aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}>
          ${day?.windows.map((w, i) => html`<option value="${this._day}:${i}">${timeFormat.formatRange(w.start, w.end)}</option>`)}
        </select>`,
      )}
      ${this._field(tr, 'topic', tr.t('topic'), this._input('topic', 'text', this._query, 'off', false))}
      <button part="submit" class="primary" type="submit" ?disabled=${this._busy}>
        ${this._busy ? tr.t('sending') : tr.t('requestCall')}
      </button>
    </form>`;
  }

  private _rateView(tr: Translator) {
    const ref = service?.toRate();
    if (!ref) return this._homeView(tr);
    const error = this._errors.satisfaction;
    return html`<form part="form" novalidate @submit=${this._submitRating}>
      <h3 tabindex="-1" data-focus>${tr.t('rateTitle')}</h3>
      <fieldset aria-describedby=${error ? 'rate-error' : nothing}>
        <legend>${tr.t('rateQuestion', { subject: ref.subject })}</legend>
        <div class="stars">
          ${[1, 2, 3, 4, 5].map(
            (n) => html`<label><input type="radio" name="satisfaction" value=${n} />
              <span aria-hidden="true">${'★'.repeat(n)}</span><span class="sr-only">${tr.t('rate', { n })}</span></label>`,
          )}
        </div>
      </fieldset>
      ${error ? html`<p part="error" class="error" id="rate-error">${tr.t('required', { field: tr.t('rateTitle') })}</p>` : nothing}
      <button part="submit" class="primary" type="submit">${tr.t('send')}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cordial-help': CordialHelp;
  }
}
