// Jitsi Meet's IFrame API (external_api.js), loaded from the configured
// domain once per page: a portal's CSP then needs only that origin.
import { jitsiOrigin } from '../../contract/meetings.js';

/** The part of Jitsi's `JitsiMeetExternalAPI` the element uses. */
export interface JitsiApi {
  addListener(event: string, listener: (...args: unknown[]) => void): void;
  dispose(): void;
}

/** The options `new JitsiMeetExternalAPI(domain, options)` takes (those the element sets). */
export interface JitsiOptions {
  roomName: string;
  jwt?: string;
  parentNode: HTMLElement;
  width: string;
  height: number | string;
  userInfo: { displayName: string };
  lang: string;
  configOverwrite: Record<string, unknown>;
  interfaceConfigOverwrite: Record<string, unknown>;
}

type JitsiConstructor = new (domain: string, options: JitsiOptions) => JitsiApi;

declare global {
  interface Window {
    JitsiMeetExternalAPI?: JitsiConstructor;
  }
}

/** external_api.js at the Jitsi's origin (contract/meetings.ts jitsiOrigin). */
export function externalApiUrl(domain: string): string {
  return `${jitsiOrigin(domain)}/external_api.js`;
}

const loads = new Map<string, Promise<JitsiConstructor>>();

/** Loads external_api.js from `domain` (once per page and domain) and resolves to its constructor. */
export function loadJitsi(domain: string): Promise<JitsiConstructor> {
  const url = externalApiUrl(domain);
  let load = loads.get(url);
  if (!load) {
    load = new Promise<JitsiConstructor>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = () =>
        window.JitsiMeetExternalAPI ? resolve(window.JitsiMeetExternalAPI) : reject(new Error(`${url} did not define JitsiMeetExternalAPI`));
      script.onerror = () => reject(new Error(`${url} could not be loaded`));
      document.head.append(script);
    });
    // A failed load may be tried again (the network came back).
    load.catch(() => loads.delete(url));
    loads.set(url, load);
  }
  return load;
}
