// The configuration an `atende-session` shares with every element inside it.
import { createContext } from '@lit/context';
import type { TokenProvider } from './api-client.js';

export interface SessionConfig {
  /** Base URL of the Atende API. */
  api: string;
  tokenProvider?: TokenProvider;
  token?: string;
  /** `pt-BR` (default) or `en`. */
  lang?: string;
}

// A string key, so two copies of the bundle on one page still find each other.
export const sessionContext = createContext<SessionConfig | undefined>('atende-session');
