// Drafts of the texts a user types (the analysis form's justification and
// closing text, the thread's follow-up), kept in localStorage per request so
// they survive a reload or an expired session, and cleared once sent.

export type DraftKind = 'reject' | 'conclude' | 'follow-up';

const key = (requestId: number, kind: DraftKind) => `atende:draft:${requestId}:${kind}`;

export function readDraft(requestId: number, kind: DraftKind): string {
  try {
    return localStorage.getItem(key(requestId, kind)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(requestId: number, kind: DraftKind, text: string): void {
  try {
    if (text.trim()) localStorage.setItem(key(requestId, kind), text);
    else localStorage.removeItem(key(requestId, kind));
  } catch {
    // Storage disabled or full: the text stays in the field, just not across reloads.
  }
}

export function clearDraft(requestId: number, kind: DraftKind): void {
  try {
    localStorage.removeItem(key(requestId, kind));
  } catch {
    // Nothing to clear.
  }
}
