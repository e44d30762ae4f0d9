// The citizen's draft of a request, so nothing typed is ever lost: what they
// typed (and the Idempotency-Key of the draft once it was sent) in
// localStorage, the files they chose in IndexedDB — per service and per user
// (or "anon" before the user is known). Cleared once the request is filed.

/** What the form keeps of a draft between visits. */
export interface StoredDraft {
  /** What was typed, per field code: text as typed, the options chosen of a multiple choice. */
  values: Record<string, string | string[]>;
  /** The names of the files chosen, per document label (to name them when IndexedDB lost them). */
  fileNames: Record<string, string>;
  /** Generated when the draft is first sent; reused by every retry of it. */
  idempotencyKey?: string;
}

/** The draft's key: one per service and user. */
export function draftKey(serviceId: number, userId: number | undefined): string {
  return `${serviceId}:${userId ?? 'anon'}`;
}

const storageKey = (key: string) => `atende:request-draft:${key}`;

export function readRequestDraft(key: string): StoredDraft | undefined {
  try {
    const raw = localStorage.getItem(storageKey(key));
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Partial<StoredDraft>;
    if (!d || typeof d !== 'object') return undefined;
    return {
      values: d.values && typeof d.values === 'object' ? d.values : {},
      fileNames: d.fileNames && typeof d.fileNames === 'object' ? d.fileNames : {},
      idempotencyKey: typeof d.idempotencyKey === 'string' ? d.idempotencyKey : undefined,
    };
  } catch {
    return undefined;
  }
}

/** Whether a draft holds anything worth keeping. */
export function draftHasContent(d: StoredDraft): boolean {
  const typed = Object.values(d.values).some((v) => (Array.isArray(v) ? v.length > 0 : v.trim() !== ''));
  return typed || Object.keys(d.fileNames).length > 0 || !!d.idempotencyKey;
}

export function saveRequestDraft(key: string, draft: StoredDraft): void {
  try {
    if (draftHasContent(draft)) localStorage.setItem(storageKey(key), JSON.stringify(draft));
    else localStorage.removeItem(storageKey(key));
  } catch {
    // Storage disabled or full: the text stays on screen, just not across reloads.
  }
}

export function clearRequestDraft(key: string): void {
  try {
    localStorage.removeItem(storageKey(key));
  } catch {
    // Nothing to clear.
  }
}

// The service chosen in a catalog on the page (when the form has neither
// service-id nor ?service=): kept for the tab in sessionStorage, so a reload
// reopens that service with its draft instead of an empty form.
const CHOSEN = 'atende:request-form:chosen';

export function rememberChosenService(serviceId: number | undefined): void {
  try {
    if (serviceId === undefined) sessionStorage.removeItem(CHOSEN);
    else sessionStorage.setItem(CHOSEN, String(serviceId));
  } catch {
    // Storage disabled: the catalog's choice is simply made again after a reload.
  }
}

export function chosenService(): number | undefined {
  try {
    const id = Number(sessionStorage.getItem(CHOSEN));
    return Number.isInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

// The chosen files: one IndexedDB record per draft, `{label: File}`.
const DB = 'atende-request-drafts';
const STORE = 'files';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
    req.onblocked = () => reject(new Error('IndexedDB blocked'));
  });
}

async function withStore(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
  const db = await openDb();
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = use(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** Keeps the draft's chosen files (rejects when IndexedDB cannot: the caller tells the user). */
export async function saveDraftFiles(key: string, files: Record<string, File>): Promise<void> {
  await withStore('readwrite', (store) => (Object.keys(files).length ? store.put({ ...files }, key) : store.delete(key)));
}

/** The draft's files kept from an earlier visit (rejects when IndexedDB cannot read them). */
export async function readDraftFiles(key: string): Promise<Record<string, File>> {
  const found = await withStore('readonly', (store) => store.get(key));
  const files: Record<string, File> = {};
  if (found && typeof found === 'object') {
    for (const [label, file] of Object.entries(found)) if (file instanceof Blob) files[label] = file as File;
  }
  return files;
}

export async function clearDraftFiles(key: string): Promise<void> {
  try {
    await withStore('readwrite', (store) => store.delete(key));
  } catch {
    // Nothing kept there to clear.
  }
}
