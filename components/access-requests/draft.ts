// What a servant filled in "Solicitar perfil de atendente", kept in
// localStorage per user so it survives a refusal, a reload or an expired
// session; cleared once the request is sent.

export interface AccessDraft {
  institutionId?: number;
  unit: string;
  ordinance: string;
}

export const emptyDraft = (): AccessDraft => ({ unit: '', ordinance: '' });

const key = (userId: number) => `atende:access-request-draft:${userId}`;

export function readAccessDraft(userId: number): AccessDraft | undefined {
  try {
    const raw = localStorage.getItem(key(userId));
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Partial<AccessDraft>;
    if (!d || typeof d !== 'object') return undefined;
    return {
      institutionId: typeof d.institutionId === 'number' ? d.institutionId : undefined,
      unit: typeof d.unit === 'string' ? d.unit : '',
      ordinance: typeof d.ordinance === 'string' ? d.ordinance : '',
    };
  } catch {
    // Unreadable (storage disabled, a damaged value): start empty.
    return undefined;
  }
}

export function saveAccessDraft(userId: number, d: AccessDraft): void {
  try {
    if (d.institutionId !== undefined || d.unit.trim() || d.ordinance.trim()) localStorage.setItem(key(userId), JSON.stringify(d));
    else localStorage.removeItem(key(userId));
  } catch {
    // Storage disabled or full: what was typed stays on screen, just not across reloads.
  }
}

export function clearAccessDraft(userId: number): void {
  try {
    localStorage.removeItem(key(userId));
  } catch {
    // Nothing to clear.
  }
}
