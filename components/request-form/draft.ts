// The request form's draft as a reactive controller: what the citizen typed,
// the files they chose and the draft's Idempotency-Key, saved on every change
// (draft-store.ts) and read back when the form opens a service — so a
// reload, a failed send or signing in half-way loses nothing.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ServiceDetail } from '../../contract/types.js';
import {
  clearDraftFiles,
  clearRequestDraft,
  draftHasContent,
  draftKey,
  readDraftFiles,
  readRequestDraft,
  saveDraftFiles,
  saveRequestDraft,
} from './draft-store.js';

/** A key no other filing has: a UUID (crypto.randomUUID needs a secure context; random bytes do not). */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class RequestDraft implements ReactiveController {
  /** What was typed, per field code. */
  values: Record<string, string | string[]> = {};
  /** The file chosen per document label. */
  files: Record<string, File> = {};
  /** The form found a draft from an earlier visit. */
  restored = false;
  /** Files chosen before a reload that the browser could not keep (label → file name). */
  lostFiles: Record<string, string> = {};
  /** IndexedDB refused the files: they will not survive a reload. */
  filesNotKept = false;
  /** The draft on screen (service and user). */
  key?: string;
  private idempotencyKey?: string;
  private fileSaves: Promise<void> = Promise.resolve();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Opens the draft of `service` for `userId` (the one typed before signing in
   * becomes the user's). Answers false when that draft is already open.
   */
  open(service: ServiceDetail, userId: number | undefined): boolean {
    const key = draftKey(service.id, userId);
    if (key === this.key) return false;
    let draft = readRequestDraft(key);
    let filesFrom = key;
    if (!draft && userId !== undefined) {
      const anonymous = draftKey(service.id, undefined);
      draft = readRequestDraft(anonymous);
      if (draft) {
        saveRequestDraft(key, draft);
        clearRequestDraft(anonymous);
        filesFrom = anonymous;
      }
    }
    this.key = key;
    const known = new Set(service.fields.map((f) => f.code));
    this.values = Object.fromEntries(Object.entries(draft?.values ?? {}).filter(([code]) => known.has(code)));
    this.idempotencyKey = draft?.idempotencyKey;
    this.files = {};
    this.lostFiles = {};
    this.filesNotKept = false;
    this.restored = !!draft && draftHasContent({ ...draft, idempotencyKey: undefined });
    const labels = new Set(service.documents.map((d) => d.name));
    const names = Object.fromEntries(Object.entries(draft?.fileNames ?? {}).filter(([label]) => labels.has(label)));
    if (Object.keys(names).length) void this.restoreFiles(key, filesFrom, names);
    this.host.requestUpdate();
    return true;
  }

  private async restoreFiles(key: string, from: string, names: Record<string, string>) {
    const missing = () => Object.fromEntries(Object.entries(names).filter(([label]) => !this.files[label]));
    try {
      const kept = await readDraftFiles(from);
      if (from !== key) {
        await saveDraftFiles(key, kept);
        await clearDraftFiles(from);
      }
      if (this.key !== key) return;
      const files: Record<string, File> = {};
      for (const label of Object.keys(names)) if (kept[label]) files[label] = kept[label];
      this.files = { ...files, ...this.files };
      this.lostFiles = missing();
    } catch {
      if (this.key === key) this.lostFiles = missing();
    }
    this.host.requestUpdate();
  }

  setValue(code: string, value: string | string[]): void {
    this.values = { ...this.values, [code]: value };
    this.save();
    this.host.requestUpdate();
  }

  setFile(label: string, file: File | undefined): void {
    const files = { ...this.files };
    if (file) files[label] = file;
    else delete files[label];
    this.files = files;
    if (this.lostFiles[label]) this.lostFiles = Object.fromEntries(Object.entries(this.lostFiles).filter(([l]) => l !== label));
    this.save();
    this.keepFiles();
    this.host.requestUpdate();
  }

  /** The draft's Idempotency-Key: made when it is first sent, saved with it, the same on every retry. */
  sendingKey(): string {
    this.idempotencyKey ??= newIdempotencyKey();
    this.save();
    return this.idempotencyKey;
  }

  /** The server answered without filing: a corrected draft is a new filing, with a new key. */
  dropKey(): void {
    this.idempotencyKey = undefined;
    this.save();
  }

  /** Filed (or "Limpar formulário"): the draft and its files are forgotten. */
  async clear(): Promise<void> {
    const key = this.key;
    this.values = {};
    this.files = {};
    this.lostFiles = {};
    this.restored = false;
    this.idempotencyKey = undefined;
    this.host.requestUpdate();
    if (!key) return;
    clearRequestDraft(key);
    await this.fileSaves;
    await clearDraftFiles(key);
  }

  /** Saves what is typed (and the key of a draft already sent) for the next visit. */
  private save() {
    if (!this.key) return;
    saveRequestDraft(this.key, {
      values: this.values,
      fileNames: Object.fromEntries(Object.entries(this.files).map(([label, f]) => [label, f.name])),
      idempotencyKey: this.idempotencyKey,
    });
  }

  /** Keeps the chosen files in IndexedDB, one save after the other. */
  private keepFiles() {
    const key = this.key;
    const files = this.files;
    if (!key) return;
    this.fileSaves = this.fileSaves.then(() =>
      saveDraftFiles(key, files).then(
        () => void (this.filesNotKept = false),
        () => {
          this.filesNotKept = true;
          this.host.requestUpdate();
        },
      ),
    );
  }
}
