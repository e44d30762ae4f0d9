import { provide } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TokenProvider } from '../internal/api-client.js';
import { type SessionConfig, sessionContext } from '../internal/context.js';

/**
 * Shares the API base URL, the host's token provider and the language with
 * every Atende element inside it, so a portal configures them once.
 *
 * @tagname atende-session
 * @summary Configuration provider for the Atende elements inside it.
 * @slot - Atende elements and any other content.
 *
 * @example
 * ```html
 * <atende-session api="/api">
 *   <atende-request-queue></atende-request-queue>
 * </atende-session>
 * <script type="module">
 *   document.querySelector('atende-session').tokenProvider = ({ forceRefresh }) => portal.getToken(forceRefresh);
 * </script>
 * ```
 */
export class AtendeSession extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the Atende API. */
  @property() api = '/api';

  /** Async callback `({forceRefresh}) => Promise<string>` returning the host's SSO access token. */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** A fixed bearer token, when the host has no refresh (prefer `tokenProvider`). */
  @property({ attribute: false }) token?: string;

  /** Language of the elements inside: `pt-BR` (default) or `en`. */
  @property({ attribute: 'lang' }) language?: string;

  @provide({ context: sessionContext })
  @state()
  protected config: SessionConfig = { api: '/api' };

  protected override willUpdate(): void {
    const c = this.config;
    if (c.api !== this.api || c.tokenProvider !== this.tokenProvider || c.token !== this.token || c.lang !== this.language) {
      this.config = { api: this.api, tokenProvider: this.tokenProvider, token: this.token, lang: this.language };
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-session': AtendeSession;
  }
}
