import { adoptStyles, type CSSResultOrNative, html, nothing, type TemplateResult } from 'lit';
import type { Article, HelpContent } from './articles';
import type { HelpConfig, Mode } from './config';
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
import type { HelpEventName } from './help-event';
import { chooseLocale, type Translator } from './i18n';
import { panelStyles } from './panel.styles';
import type { Hit, Searcher, Segment } from './search';
import type { HelpService, Sent } from './service';

/**
 * The panel of `<cordial-help>` (views, forms, focus trap, articles and search), split from
 * the element so that a page showing only the launcher does not download it: the element
 * imports this chunk when the visitor is about to open the panel (hover or focus on the
 * launcher), when it opens, or at once for an inline placement.
 */

/** What the panel needs from its element (an adapter over the element's private state). */
export interface PanelHost {
  readonly element: HTMLElement & {
    readonly renderRoot: HTMLElement | DocumentFragment;
    readonly updateComplete: Promise<boolean>;
    requestUpdate(): void;
    readonly inline: boolean;
    readonly labels: string;
    readonly src: string;
  };
  readonly styles: CSSResultOrNative[];
  readonly mode: Mode;
  readonly config: HelpConfig;
  readonly tr: Translator;
  readonly wanted: readonly (string | null | undefined)[];
  readonly service: HelpService | null;
  check(): Check;
  announce(text: string): void;
  fire(name: HelpEventName, detail: Record<string, unknown>): void;
  failed(error: unknown): void;
  close(): void;
}

export type View = 'home' | 'article' | 'contact' | 'callback' | 'done' | 'rate';

const FOCUSABLE = 'button,[href],input,select,textarea,[tabindex]:not([tabindex="-1"])';
const SEARCH_REPORT_MS = 800;
/** Fields about the visitor read "Enter your name."; the others "Fill in “Subject”." */
const PERSONAL = new Set(['name', 'email', 'phone']);
const ANNOUNCE_MS = 350;

/** The article chunk (content checks, Markdown, suggestions), loaded when the articles are first shown. */
type Library = typeof import('./library');

const segments = (parts: Segment[]) => parts.map((s) => (s.mark ? html`<mark>${s.text}</mark>` : s.text));

export class HelpPanel {
  view: View = 'home';
  /** A notice to show in the "done" view (a confirmation, or queued requests sent). */
  notice = '';
  private _query = '';
  private _status: 'loading' | 'ready' | 'error' = 'ready';
  private _voted: boolean | null = null;
  private _errors: FieldErrors = {};
  private _busy = false;
  private _suggested: Article[] = [];
  private _content: HelpContent | null = null;
  private _articles: Article[] = [];
  private _lib: Library | null = null;
  private _articlesLoad: Promise<void> | null = null;
  private _searcher: Searcher | null = null;
  private _searchLoad: Promise<void> | null = null;
  private _articleLocale = 'en';
  private _article: Article | null = null;
  private _bodies = new Map<string, HTMLElement>();
  private _windows: { day: Date; windows: TimeWindow[] }[] = [];
  private _day = 0;
  private _timers: { report?: ReturnType<typeof setTimeout>; announce?: ReturnType<typeof setTimeout> } = {};
  private _lastReported = '';

  constructor(private readonly host: PanelHost) {
    // The panel's styles join the launcher's in the element's shadow root.
    const root = host.element.renderRoot;
    if (root instanceof ShadowRoot) adoptStyles(root, [...host.styles, panelStyles]);
  }

  private _changed() {
    this.host.element.requestUpdate();
  }

  /** The configuration, language or article source changed: read the articles again if they were shown. */
  reload(): Promise<void> {
    const shown = this._articlesLoad !== null || this.host.element.inline;
    this._articlesLoad = null;
    this._content = null;
    this._windows = [];
    return shown ? this.ensureArticles() : Promise.resolve();
  }

  dispose() {
    clearTimeout(this._timers.report);
    clearTimeout(this._timers.announce);
  }

  /** Loads the article chunk and the articles once (per configuration); resolves when they are shown. */
  ensureArticles(): Promise<void> {
    if (this.host.mode === 'contact') return Promise.resolve();
    this._articlesLoad ??= this._loadArticles().catch((error: unknown) => {
      this._status = 'error';
      this._changed();
      this.host.failed(error);
    });
    return this._articlesLoad;
  }

  private async _loadArticles() {
    this._status = 'loading';
    this._changed();
    const { config, element } = this.host;
    const lib = await import('./library');
    this._lib = lib;
    const url = element.src || config.articlesUrl;
    let content: HelpContent;
    if (config.articles !== undefined) {
      const parsed = lib.parseContent(config.articles, this.host.check());
      if (!parsed.ok) throw new Error(parsed.error);
      content = parsed.content;
    } else if (url) {
      content = await lib.fetchContent(new URL(url, location.href).href, this.host.check());
    } else throw new Error('Cordial help: give articles inline ("articles") or a URL ("src" or "articlesUrl").');
    const locales = [...new Set(content.articles.map((a) => a.locale))];
    const articleLocale = chooseLocale(this.host.wanted, locales, content.defaultLocale);
    this._content = content;
    this._articles = lib.articlesFor(content, articleLocale);
    this._articleLocale = articleLocale;
    this._searcher = null;
    this._searchLoad = null;
    this._bodies.clear();
    this.refreshSuggestions();
    this._status = 'ready';
    this._changed();
    if (element.inline) void this._ensureSearch();
  }

  /** Loads the search chunk and builds the index (once per article set). */
  private _ensureSearch(): Promise<void> {
    const content = this._content;
    if (!this._searchLoad && content) {
      const articles = this._articles;
      this._searchLoad = import('./search-engine')
        .then((m) =>
          m.createEngine(articles, content.version, this._articleLocale, (id) => this.host.service?.localVote(id) ?? 0),
        )
        .then((searcher) => {
          if (this._articles === articles) this._searcher = searcher;
          this._changed();
        });
    }
    return this._searchLoad ?? Promise.resolve();
  }

  refreshSuggestions() {
    const lib = this._lib;
    if (!this._content || !lib) return;
    const labels = this.host.element.labels
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    this._suggested = lib.suggestionsFor(this._content, this._articles, new URL(location.href), labels);
    this._changed();
  }

  private _onDay = (event: Event) => {
    this._day = Number((event.target as HTMLSelectElement).value);
    this._changed();
  };

  // ——— what the element's code API asks for ———

  /** Shows a view and, once the articles are in, focuses the search box unless the visitor moved focus. */
  async show(view: View): Promise<void> {
    const { element } = this.host;
    if (view === 'home' && this.host.mode === 'contact') view = 'contact';
    this.view = view === 'home' && this.host.service?.toRate() ? 'rate' : view;
    this._changed();
    const articles = this.ensureArticles();
    await element.updateComplete;
    if (element.inline) element.scrollIntoView({ block: 'nearest' });
    this._focusFirst();
    await articles;
    void this._ensureSearch();
    await element.updateComplete;
    const panel = element.renderRoot.querySelector('[part~="panel"]');
    if (!panel?.contains((element.renderRoot as ShadowRoot).activeElement)) this._focusFirst();
  }

  /** Shows one article (the element then opens the panel on it); false when there is no such article. */
  async article(id: string): Promise<boolean> {
    await this.ensureArticles();
    const article = this._articles.find((a) => a.id === id);
    if (!article) {
      this.host.announce(this.host.tr.t('notFound'));
      return false;
    }
    this._showArticle(article);
    return true;
  }

  /** Puts this query in the search box of the open panel; resolves to the number of results. */
  async search(query: string): Promise<number> {
    await this.ensureArticles();
    this._setQuery(String(query));
    await this._ensureSearch();
    this._reportSearch();
    await this.host.element.updateComplete;
    return this._hits().length;
  }

  // ——— behaviour ———

  private _focusFirst() {
    const root = this.host.element.renderRoot;
    const target =
      root.querySelector<HTMLElement>('[data-focus]') ?? root.querySelector<HTMLElement>('.body h2, .body h3');
    target?.focus();
  }

  private _hits(): Hit[] {
    return this._searcher?.search(this._query) ?? [];
  }

  private _setQuery(query: string) {
    this._query = query;
    void this._ensureSearch();
    this.view = 'home';
    this._changed();
    clearTimeout(this._timers.announce);
    clearTimeout(this._timers.report);
    // The live region speaks once the visitor pauses, not on every keystroke.
    this._timers.announce = setTimeout(() => {
      this.host.announce(query.trim() ? this.host.tr.count(this._hits().length) : '');
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
    this.host.service?.searched(query, count);
    this.host.fire('search', { query, results_count: count });
  }

  private _showArticle(article: Article) {
    this._reportSearch();
    this._article = article;
    this._voted = null;
    this._go('article');
    this.host.service?.viewed(article.id, article.title);
    this.host.fire('article', { article_id: article.id, title: article.title });
  }

  private _go(view: View) {
    this._reportSearch();
    this._errors = {};
    this.notice = '';
    this.view = view;
    this._changed();
    void this.host.element.updateComplete.then(() => this._focusFirst());
  }

  private _vote(helpful: boolean) {
    const article = this._article;
    if (!article) return;
    this._voted = helpful;
    this._changed();
    this.host.service?.vote(article.id, helpful);
    this.host.fire('vote', { article_id: article.id, helpful });
    this.host.announce(this.host.tr.t(helpful ? 'thanks' : 'nextStep'));
  }

  /** A notice the visitor reads in the "done" view and hears from the live region. */
  private _done(text: string) {
    this.notice = text;
    this.host.announce(text);
    this._changed();
  }

  private _onKeydown = (event: KeyboardEvent) => {
    const { element } = this.host;
    if (element.inline) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.host.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const panel = element.renderRoot.querySelector('[part~="panel"]');
    const focusable = [...(panel?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
      (el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = (element.renderRoot as ShadowRoot).activeElement;
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
    this._changed();
    const count = Object.keys(errors).length;
    this.host.announce(this.host.tr.t('fixErrors', { n: count }));
    void this.host.element.updateComplete.then(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  private _submitContact = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { config, service } = this.host;
    const result = validateContact(this._fieldsOf(form));
    const files = [...(form.querySelector<HTMLInputElement>('input[type=file]')?.files ?? [])];
    const fileError = config.attachments ? validateFiles(files, config.attachments) : null;
    const errors = result.ok ? {} : { ...result.errors };
    if (fileError) errors.files = fileError;
    if (!result.ok || fileError) return this._invalid(form, errors);
    await this._send(() => (service as HelpService).openCase(result.value, files, config.attachments), 'case');
  };

  private _submitCallback = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const result = validateCallback(this._fieldsOf(form));
    if (!result.ok) return this._invalid(form, result.errors);
    const [d, w] = result.value.window.split(':').map(Number);
    const window = this._windows[d ?? -1]?.windows[w ?? -1];
    if (!window) return this._invalid(form, { window: { key: 'required', vars: {} } });
    const done = await this._send(
      () => (this.host.service as HelpService).requestCallback(result.value, window),
      'callback',
    );
    if (done?.status === 'sent') {
      const { tr } = this.host;
      const when = new Intl.DateTimeFormat(tr.locale, { dateStyle: 'full', timeStyle: 'short' }).formatRange(
        window.start,
        window.end,
      );
      this._done(tr.t('callbackSent', { when }));
    }
  };

  private async _send(run: () => Promise<Sent>, kind: 'case' | 'callback'): Promise<Sent | undefined> {
    if (!this.host.service) return;
    this._errors = {};
    this._busy = true;
    this._changed();
    try {
      const sent = await run();
      this.host.fire(kind, { [`${kind}_id`]: sent.id, status: sent.status });
      const { tr } = this.host;
      this.view = 'done';
      this._done(sent.status === 'sent' ? tr.t('caseSent', { id: sent.id }) : tr.t(sent.status));
      await this.host.element.updateComplete;
      this._focusFirst();
      return sent;
    } finally {
      this._busy = false;
      this._changed();
    }
  }

  private _submitRating = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { service } = this.host;
    const ref = service?.toRate();
    const value = Number(new FormData(form).get('satisfaction'));
    if (!ref) return;
    if (!(value >= 1 && value <= 5)) return this._invalid(form, { satisfaction: { key: 'required', vars: {} } });
    service?.rate(ref.id, value);
    this.host.fire('rated', { case_id: ref.id, satisfaction: value });
    this.view = 'done';
    this._done(this.host.tr.t('rateThanks'));
  };

  // ——— rendering ———

  render(tr: Translator) {
    const floating = !this.host.element.inline;
    const back = this.view !== 'home' && !(this.view === 'contact' && this.host.mode === 'contact');
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
        ${floating ? html`<button part="close" type="button" aria-label=${tr.t('close')} @click=${() => this.host.close()}>✕</button>` : nothing}
      </div>
      <div class="body">${this._body(tr)}</div>
    </section>`;
  }

  private _body(tr: Translator): TemplateResult | typeof nothing {
    if (this._status === 'loading') return html`<p>${tr.t('loading')}</p>`;
    if (this._status === 'error') return html`<p part="error" class="error">${tr.t('loadError')}</p>`;
    switch (this.view) {
      case 'article':
        return this._articleView(tr);
      case 'contact':
        return this._contactView(tr);
      case 'callback':
        return this._callbackView(tr);
      case 'rate':
        return this._rateView(tr);
      case 'done':
        return html`<p part="notice" class="notice" tabindex="-1" data-focus>${this.notice}</p>`;
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
    const articles = this.host.mode !== 'contact';
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
    if (this.host.mode === 'articles') return nothing;
    return html`<h3>${heading}</h3>
      <div class="actions">
        <button type="button" @click=${() => this._go('contact')}>${tr.t('contact')}</button>
        ${this.host.config.callback.enabled ? html`<button type="button" @click=${() => this._go('callback')}>${tr.t('callback')}</button>` : nothing}
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
    const me = this.host.service?.identity() ?? { name: '', email: '', phone: '' };
    const attachments = this.host.config.attachments;
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
    const me = this.host.service?.identity() ?? { name: '', email: '', phone: '' };
    // The windows start from now: computed when the form is first shown (again after a reload).
    if (!this._windows.length) this._windows = callbackWindows(new Date(), this.host.config.callback);
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
    const ref = this.host.service?.toRate();
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
