// The base of every Atende element: shared configuration from the nearest
// `atende-session` (or the element's own `api`/`token`), the API client,
// translations, the state's time zone (learned once per API base from
// GET /api/config) and typed events.
import { consume } from '@lit/context';
import { LitElement, type CSSResultGroup } from 'lit';
import type { AppConfig } from '../../contract/types.js';
import { property, state } from 'lit/decorators.js';
import { ApiClient, ApiError, type TokenProvider } from './api-client.js';
import { type SessionConfig, sessionContext } from './context.js';
import { LOCALE_LOADED, type Locale, type MessageKey, TIME_ZONE_LOADED, setTimeZone, toLocale, translate } from './i18n.js';
import { hostStyles } from './styles.js';

/** Details of the events Atende elements send (all bubble and are composed). */
export interface AtendeEventDetails {
  'atende-request-open': { id: number; protocol: string };
  'atende-request-changed': { id: number; action: string; status: string; version: number };
  'atende-unauthorized': { status: number; message: string };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'atende-request-open': CustomEvent<AtendeEventDetails['atende-request-open']>;
    'atende-request-changed': CustomEvent<AtendeEventDetails['atende-request-changed']>;
    'atende-unauthorized': CustomEvent<AtendeEventDetails['atende-unauthorized']>;
  }
}

/** Kept outside the class, so the manifest analyzer lists only the events each element documents. */
function atendeEvent<K extends keyof AtendeEventDetails>(name: K, detail: AtendeEventDetails[K], cancelable: boolean): CustomEvent {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

/**
 * GET /api/config once per API base for the whole page (every element shares
 * the answer, and the page's zone is set from it); a failed one is asked again
 * by the next element that asks.
 */
const configs = new Map<string, Promise<AppConfig>>();
function configOf(base: string, client: ApiClient): Promise<AppConfig> {
  let config = configs.get(base);
  if (!config) {
    config = client.get('/config');
    configs.set(base, config);
    config.then(
      (c) => setTimeZone(c.timeZone),
      () => void configs.delete(base),
    );
  }
  return config;
}

export class AtendeElement extends LitElement {
  static override styles: CSSResultGroup = hostStyles;

  /** Base URL of the Atende API (such as `/api`); defaults to the session's, then `/api`. */
  @property() api?: string;

  /** A bearer token for a lone element; prefer `tokenProvider`, which can refresh. */
  @property({ attribute: false }) token?: string;

  /** Async callback the host supplies: `({forceRefresh}) => Promise<string>`. */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** Language of the element's text: `pt-BR` (default) or `en`. */
  @property({ attribute: 'lang' }) language?: string;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionConfig;

  protected readonly client = new ApiClient(
    () => ({
      base: this.apiBase,
      tokenProvider: this.tokenProvider ?? (this.token === undefined ? this.session?.tokenProvider : undefined),
      token: this.token ?? this.session?.token,
    }),
    (error) => this.emit('atende-unauthorized', { status: error.status, message: this.describeError(error) }),
  );

  /**
   * The API without a token, for what anyone may read (the published
   * charter): no token to refresh, and no `atende-unauthorized` when the
   * host's session has lapsed.
   */
  protected readonly publicClient = new ApiClient(() => ({ base: this.apiBase }));

  /** Counts the dictionaries and time zones that arrived: cached parts of a render (guard) list it so they render again. */
  protected textRevision = 0;

  /** The id of the element to focus once it is rendered (focusAfterRender). */
  private pendingFocus?: string;

  private readonly relocalize = () => {
    this.textRevision++;
    this.requestUpdate();
  };

  constructor() {
    super();
    // Before every render, whatever the subclass overrides: the zone of the API base in use (asked once per base).
    this.addController({ hostUpdate: () => void this.appConfig() });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener(LOCALE_LOADED, this.relocalize);
    addEventListener(TIME_ZONE_LOADED, this.relocalize);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener(LOCALE_LOADED, this.relocalize);
    removeEventListener(TIME_ZONE_LOADED, this.relocalize);
  }

  /** The server's GET /api/config for this element's API base (zone, join lead, video), asked once per base for the page. */
  protected appConfig(): Promise<AppConfig> {
    return configOf(this.apiBase, this.publicClient);
  }

  /** Moves focus to the element with `id` after the next render (or the first that has it); subclasses call focusPending() from updated(). */
  protected focusAfterRender(id: string): void {
    this.pendingFocus = id;
    this.requestUpdate();
  }

  /** Whether a focusAfterRender target is still awaited. */
  protected get awaitingFocus(): boolean {
    return this.pendingFocus !== undefined;
  }

  /** For updated(): focuses the awaited element if it is rendered now, and returns it. */
  protected focusPending(): HTMLElement | undefined {
    if (this.pendingFocus === undefined) return undefined;
    const el = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.pendingFocus)}`);
    if (!el) return undefined;
    el.focus();
    this.pendingFocus = undefined;
    return el;
  }

  protected get apiBase(): string {
    return this.api ?? this.session?.api ?? '/api';
  }

  /** Whatever authenticates requests; tasks list it in their args so they rerun when it changes. */
  protected get credential(): unknown {
    return this.tokenProvider ?? this.token ?? this.session?.tokenProvider ?? this.session?.token;
  }

  protected get locale(): Locale {
    return toLocale(this.language || this.session?.lang);
  }

  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.locale, key, params);
  }

  /** Sends a public event: bubbling, composed; returns false if a listener cancelled it. */
  protected emit<K extends keyof AtendeEventDetails>(name: K, detail: AtendeEventDetails[K], cancelable = false): boolean {
    return this.dispatchEvent(atendeEvent(name, detail, cancelable));
  }

  /** What a refusal means to the user: the server's own words (pt-BR) for a 4xx other than 401, else describeError. */
  protected explainRefusal(error: unknown): string {
    if (error instanceof ApiError && error.status >= 400 && error.status !== 401 && error.message && this.locale === 'pt-BR') return error.message;
    return this.describeError(error);
  }

  /** A message a user can act on, in the element's language. */
  protected describeError(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.status === 0) return this.t('error.network');
      if (error.status === 401) return this.t('error.unauthorized');
      if (error.isConflict) return this.t('error.conflict');
      if (error.message && this.locale === 'pt-BR') return error.message;
    }
    return this.t('error.generic');
  }
}
