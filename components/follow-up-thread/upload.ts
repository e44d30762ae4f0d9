// Multipart upload with progress (fetch cannot report upload progress, XHR
// can), with the same token handling as the API client: on 401 ask the host
// for a fresh token and retry once.
import { ApiError } from '../internal/api-client.js';

export interface UploadOptions {
  url: string;
  form: FormData;
  token: (forceRefresh: boolean) => Promise<string | undefined>;
  onProgress: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

function once(o: UploadOptions, token: string | undefined): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', o.url);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && o.onProgress(e.loaded, e.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: keep the status.
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new ApiError(0, 'Sem conexão', ''));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    o.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(o.form);
  });
}

export async function upload<T>(o: UploadOptions): Promise<T> {
  let res = await once(o, await o.token(false));
  if (res.status === 401) res = await once(o, await o.token(true));
  if (res.status >= 200 && res.status < 300) return res.body as T;
  const p = (res.body ?? {}) as { title?: string; detail?: string; errors?: Record<string, string> };
  throw new ApiError(res.status, p.title ?? '', p.detail ?? '', p.errors ?? {});
}
