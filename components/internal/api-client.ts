// The HTTP client every element uses: bearer token from the host, problem+json
// turned into a typed ApiError, and one retry with a fresh token on 401 — for
// JSON calls, downloads and uploads with progress alike.
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

export interface CallOptions {
  query?: Record<string, string | number | boolean | null | undefined> | URLSearchParams;
  body?: unknown;
  /** The request version the user saw; sent as `If-Match: "<version>"`. */
  ifMatch?: number;
  signal?: AbortSignal;
}

export interface UploadOptions {
  /** Bytes of the request body sent so far, and its total. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

export class ApiClient {
  constructor(
    private readonly connection: () => Connection,
    private readonly onUnauthorized?: (error: ApiError) => void,
  ) {}

  get<T>(path: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, opts);
  }

  async request<T>(method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
    const res = await this.send(method, path, opts);
    if (res.status === 204) return { data: undefined as T, etag: res.headers.get('ETag') };
    return { data: (await res.json()) as T, etag: res.headers.get('ETag') };
  }

  /** Downloads a file with the bearer token (attachments are not public). */
  async blob(path: string, signal?: AbortSignal): Promise<Blob> {
    return (await this.send('GET', path, { signal })).blob();
  }

  url(path: string, query?: CallOptions['query']): string {
    const base = this.connection().base.replace(/\/+$/, '');
    const url = new URL(`${base}/${path.replace(/^\/+/, '')}`, document.baseURI);
    const params = query instanceof URLSearchParams ? query : new URLSearchParams();
    if (query && !(query instanceof URLSearchParams)) {
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    }
    params.forEach((v, k) => url.searchParams.set(k, v));
    return url.href;
  }

  /**
   * POSTs a multipart form, reporting the upload's progress (fetch cannot,
   * XHR can), with the same token handling and errors as every other call.
   */
  async upload<T>(path: string, form: FormData, opts: UploadOptions = {}): Promise<T> {
    const url = this.url(path);
    const res = await this.authorized((token) => postWithProgress(url, form, token, opts));
    return (await res.json()) as T;
  }

  private send(method: string, path: string, opts: CallOptions): Promise<Response> {
    return this.authorized((token) => this.fetchOnce(method, path, opts, token));
  }

  /** Makes one attempt with the host's token; on 401 asks for a fresh token and retries once. */
  private async authorized(attempt: (token: string | undefined) => Promise<Response>): Promise<Response> {
    const conn = this.connection();
    let res = await attempt(await this.token(conn, false));
    if (res.status === 401 && conn.tokenProvider) {
      // The token expired mid-action: ask the host for a fresh one and retry once.
      res = await attempt(await this.token(conn, true));
    }
    if (res.ok) return res;
    const error = await toApiError(res);
    if (error.status === 401) this.onUnauthorized?.(error);
    throw error;
  }

  private async token(conn: Connection, forceRefresh: boolean): Promise<string | undefined> {
    if (!conn.tokenProvider) return conn.token;
    try {
      return await conn.tokenProvider({ forceRefresh });
    } catch {
      throw new ApiError(401, 'Não autenticado', '');
    }
  }

  private async fetchOnce(method: string, path: string, opts: CallOptions, token: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (opts.ifMatch !== undefined) headers['If-Match'] = `"${opts.ifMatch}"`;
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await fetch(this.url(path, opts.query), {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: opts.signal,
        credentials: 'omit',
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ApiError(0, 'Sem conexão', '');
    }
  }
}

/** One multipart POST through XHR, answered as a fetch Response so errors map the same way. */
function postWithProgress(url: string, form: FormData, token: string | undefined, opts: UploadOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
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
