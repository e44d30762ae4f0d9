// The HTTP client every element uses: bearer token from the host, problem+json
// turned into a typed ApiError, and one retry with a fresh token on 401 — for
// JSON calls, downloads and uploads with progress alike. A GET (idempotent)
// that meets a network failure is tried again twice before it fails with
// status 0; a network failure is never reported as a 401, so a blip does not
// sign the user out.
import type { ApiMethod, ApiRoutes, PathParamNames, Route } from '../../contract/api.js';
import type { Problem } from '../../contract/types.js';

/** Supplied by the host portal: returns its SSO access token, a new one when `forceRefresh` is set. */
export type TokenProvider = (opts: { forceRefresh: boolean }) => Promise<string> | string;

/** Where the client sends requests and how it authenticates, read at call time. */
export interface Connection {
  /** Base URL of the API, such as `/api` or `https://atende.example.gov.br/api`. */
  base: string;
  tokenProvider?: TokenProvider;
  token?: string;
}

/** A failed API call: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    /** Field errors: path (e.g. `justification`) → message. */
    readonly errors: Record<string, string> = {},
  ) {
    super(detail);
  }

  /** Someone else acted first (409) or the copy on screen is stale (412). */
  get isConflict(): boolean {
    return this.status === 409 || this.status === 412;
  }
}

type Routes<M extends ApiMethod> = ApiRoutes[M];
type Params<P extends string> = [PathParamNames<P>] extends [never] ? { params?: undefined } : { params: Record<PathParamNames<P>, number | string> };

/** What a call to `path` takes: its path parameters, query and body as the contract declares them, and the call's own options. */
export type CallOptions<P extends string, R extends Route> = Params<P> &
  (R extends { query: infer Q } ? { query?: Q } : { query?: undefined }) &
  (R extends { body: infer B } ? { body: B } : { body?: undefined }) & {
    /** The version the user saw (a request's version, a service draft's `<versionId>.<revision>`); sent as `If-Match: "<ifMatch>"`. */
    ifMatch?: number | string;
    signal?: AbortSignal;
  };

/** The options argument, optional when the route needs none. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` is the type-level test for "no required keys"
type Args<P extends string, R extends Route> = {} extends CallOptions<P, R> ? [opts?: CallOptions<P, R>] : [opts: CallOptions<P, R>];

/** Paths of the routes that take a multipart form (alone, or besides JSON). */
type UploadPath = { [P in keyof Routes<'POST'>]: Routes<'POST'>[P] extends { body: infer B } ? (FormData extends B ? P : never) : never }[keyof Routes<'POST'>];

export interface UploadOptions {
  /** Bytes of the request body sent so far, and its total. */
  onProgress?: (loaded: number, total: number) => void;
  /** Extra request headers, such as a filing's `Idempotency-Key`. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** What the client sends, once the contract's types have been checked. */
interface Call {
  params?: Record<string, number | string>;
  query?: object;
  body?: unknown;
  ifMatch?: number | string;
  /** The version the caller holds: sent as `If-None-Match`, a 304 answers undefined. */
  ifNoneMatch?: number;
  signal?: AbortSignal;
}

/**
 * Calls the Atende API with the routes, inputs and answers typed by the
 * contract (contract/api.ts): JSON answers parsed, files as a Blob.
 */
export class ApiClient {
  constructor(
    private readonly connection: () => Connection,
    private readonly onUnauthorized?: (error: ApiError) => void,
  ) {}

  get<P extends keyof Routes<'GET'>>(path: P, ...[opts]: Args<P, Routes<'GET'>[P]>): Promise<Routes<'GET'>[P]['response']> {
    return this.request('GET', path, opts);
  }

  post<P extends keyof Routes<'POST'>>(path: P, ...[opts]: Args<P, Routes<'POST'>[P]>): Promise<Routes<'POST'>[P]['response']> {
    return this.request('POST', path, opts);
  }

  /**
   * GETs `path` with `If-None-Match: "<version>"`: the new answer, or
   * undefined when the copy of that version the caller holds is current (304).
   */
  getIfChanged<P extends keyof Routes<'GET'>>(
    path: P,
    version: number,
    ...[opts]: Args<P, Routes<'GET'>[P]>
  ): Promise<Routes<'GET'>[P]['response'] | undefined> {
    return this.request('GET', path, { ...opts, ifNoneMatch: version } as Call);
  }

  patch<P extends keyof Routes<'PATCH'>>(path: P, ...[opts]: Args<P, Routes<'PATCH'>[P]>): Promise<Routes<'PATCH'>[P]['response']> {
    return this.request('PATCH', path, opts);
  }

  put<P extends keyof Routes<'PUT'>>(path: P, ...[opts]: Args<P, Routes<'PUT'>[P]>): Promise<Routes<'PUT'>[P]['response']> {
    return this.request('PUT', path, opts);
  }

  delete<P extends keyof Routes<'DELETE'>>(path: P, ...[opts]: Args<P, Routes<'DELETE'>[P]>): Promise<Routes<'DELETE'>[P]['response']> {
    return this.request('DELETE', path, opts);
  }

  /**
   * POSTs a multipart form, reporting the upload's progress (fetch cannot,
   * XHR can), with the same token handling and errors as every other call.
   */
  async upload<P extends UploadPath>(path: P, opts: Params<P> & { body: FormData } & UploadOptions): Promise<Routes<'POST'>[P]['response']> {
    const url = this.url(path, opts);
    return read(await this.authorized((token) => postWithProgress(url, opts.body, token, opts)));
  }

  private async request<T>(method: ApiMethod, path: string, call: Call = {}): Promise<T> {
    const once = async () => read<T>(await this.authorized((token) => this.fetchOnce(method, this.url(path, call), call, token)));
    if (method !== 'GET') return once();
    // A GET reads only: after a network failure (not an answer, not a 4xx) it is safe to ask again.
    for (let attempt = 0; ; attempt++) {
      try {
        return await once();
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 0 || attempt >= NETWORK_RETRIES.length || call.signal?.aborted) throw err;
        await pause(NETWORK_RETRIES[attempt], call.signal);
      }
    }
  }

  /** The absolute URL of `path` under the API base, parameters filled in and the query appended. */
  private url(path: string, call: Call): string {
    const filled = path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(call.params?.[name])));
    const url = new URL(`${this.connection().base.replace(/\/+$/, '')}${filled}`, document.baseURI);
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
    return url.href;
  }

  /** Makes one attempt with the host's token; on 401 asks for a fresh token and retries once. */
  private async authorized(attempt: (token: string | undefined) => Promise<Response>): Promise<Response> {
    const conn = this.connection();
    let res = await attempt(await this.token(conn, false));
    if (res.status === 401 && conn.tokenProvider) {
      // The token expired mid-action: ask the host for a fresh one and retry once.
      res = await attempt(await this.token(conn, true));
    }
    if (res.ok || res.status === 304) return res;
    const error = await toApiError(res);
    if (error.status === 401) this.onUnauthorized?.(error);
    throw error;
  }

  private async token(conn: Connection, forceRefresh: boolean): Promise<string | undefined> {
    if (!conn.tokenProvider) return conn.token;
    try {
      return await conn.tokenProvider({ forceRefresh });
    } catch (err) {
      // The host's own fetch to its SSO failed on the network: a blip, not a refusal.
      if (err instanceof TypeError) throw new ApiError(0, 'Sem conexão', '');
      throw new ApiError(401, 'Não autenticado', '');
    }
  }

  private async fetchOnce(method: string, url: string, call: Call, token: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (call.ifMatch !== undefined) headers['If-Match'] = `"${call.ifMatch}"`;
    if (call.ifNoneMatch !== undefined) headers['If-None-Match'] = `"${call.ifNoneMatch}"`;
    const form = call.body instanceof FormData;
    if (call.body !== undefined && !form) headers['Content-Type'] = 'application/json';
    try {
      return await fetch(url, {
        method,
        headers,
        body: call.body === undefined ? undefined : form ? (call.body as FormData) : JSON.stringify(call.body),
        signal: call.signal,
        credentials: 'omit',
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ApiError(0, 'Sem conexão', '');
    }
  }
}

/** Waits before each new attempt of a GET after a network failure (ms): two more attempts. */
const NETWORK_RETRIES = [300, 1000];

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** The answer's content, typed by the route it answers: JSON parsed, anything else (a file) as a Blob, nothing for 204. */
async function read<T>(res: Response): Promise<T> {
  if (res.status === 204 || res.status === 304) return undefined as T;
  return (/json/.test(res.headers.get('Content-Type') ?? '') ? res.json() : res.blob()) as Promise<T>;
}

/** One multipart POST through XHR, answered as a fetch Response so errors map the same way. */
function postWithProgress(url: string, form: FormData, token: string | undefined, opts: UploadOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(opts.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && opts.onProgress?.(e.loaded, e.total);
    xhr.onload = () =>
      resolve(
        new Response(xhr.status === 204 ? null : xhr.responseText, {
          status: xhr.status,
          statusText: xhr.statusText,
          headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
        }),
      );
    xhr.onerror = () => reject(new ApiError(0, 'Sem conexão', ''));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

async function toApiError(res: Response): Promise<ApiError> {
  let problem: Partial<Problem> = {};
  try {
    if (/json/.test(res.headers.get('Content-Type') ?? '')) problem = (await res.json()) as Problem;
  } catch {
    // Not JSON after all: keep the status.
  }
  return new ApiError(res.status, problem.title ?? res.statusText, problem.detail ?? '', problem.errors ?? {});
}
