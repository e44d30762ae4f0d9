// What the manager typed and has not saved, kept in localStorage per
// institution and service (`new` before the first save), so it survives a
// reload, an expired session or a conflict; cleared once saved.
import { type EntryForm, rekey } from './entry.js';

export interface StoredEntry {
  /** When it was typed (ISO instant). */
  at: string;
  form: EntryForm;
}

const key = (institutionId: number, serviceId: number | undefined) => `atende:service-entry:${institutionId}:${serviceId ?? 'new'}`;

export function readEntry(institutionId: number, serviceId: number | undefined): StoredEntry | undefined {
  try {
    const raw = localStorage.getItem(key(institutionId, serviceId));
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as StoredEntry;
    return stored && typeof stored.at === 'string' && stored.form ? { at: stored.at, form: rekey(stored.form) } : undefined;
  } catch {
    // Unreadable (storage disabled, a damaged value): nothing to offer.
    return undefined;
  }
}

export function storeEntry(institutionId: number, serviceId: number | undefined, form: EntryForm): void {
  try {
    localStorage.setItem(key(institutionId, serviceId), JSON.stringify({ at: new Date().toISOString(), form } satisfies StoredEntry));
  } catch {
    // Storage disabled or full: the entry stays on screen, just not across reloads.
  }
}

export function clearEntry(institutionId: number, serviceId: number | undefined): void {
  try {
    localStorage.removeItem(key(institutionId, serviceId));
  } catch {
    // Nothing to clear.
  }
}
