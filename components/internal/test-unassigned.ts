// Test helpers for "sem atendente" (issue #15), through the real API as its
// users would: a servant asks for the attendant profile, the manager
// authorizes it, the servant is named to attend a request, and the manager
// revokes the access — the request stays in attendance with nobody attending.
// Each call makes its own servant, so tests running side by side never revoke
// someone another test relies on.
import type { RequestDetail } from '../../contract/types.js';
import { ATTENDANT, apiAs, fileRequest } from './test-support.js';

/** The manager of ATTENDANT's institution (seed/demo-users.ts). */
export const MANAGER = 'gestora.detran';

let serial = 0;

export interface NewAttendant {
  sub: string;
  id: number;
  name: string;
  /** Revoke it with POST /memberships/:id/revoke. */
  membershipId: number;
}

/** A servant no other test knows, who asked for the attendant profile of ATTENDANT's institution and got it from MANAGER. */
export async function newAttendant(): Promise<NewAttendant> {
  const word = `s${Date.now().toString(36)}${(serial++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const sub = `Servidor Teste ${word}`;
  const colleague = (await (await apiAs(ATTENDANT)).get('/me')).memberships[0];
  const servant = await apiAs(sub);
  const asked = await servant.post('/access-requests', {
    body: { institutionId: colleague.institution.id, unit: colleague.unit ?? 'Sede', ordinance: `Portaria nº ${serial}/2026` },
  });
  const granted = await (await apiAs(MANAGER)).post('/access-requests/:id/approve', { params: { id: asked.id }, body: {} });
  if (!granted.access) throw new Error(`access request ${asked.id} was authorized without an access`);
  const me = await servant.get('/me');
  return { sub, id: me.id, name: me.name, membershipId: granted.access.membershipId };
}

/** MANAGER revokes the access, with a reason. */
export async function revoke(attendant: NewAttendant, reason = 'Fim da lotação na instituição.'): Promise<void> {
  await (await apiAs(MANAGER)).post('/memberships/:id/revoke', { params: { id: attendant.membershipId }, body: { reason } });
}

/**
 * A request in attendance whose attendant's access was revoked: "sem
 * atendente", waiting to be reassigned. ATTENDANT started the analysis and
 * approved it naming a fresh attendant (`former`), whom MANAGER then revoked.
 */
export async function unassignedRequest(opts: { citizen?: string } = {}): Promise<{ request: RequestDetail; former: NewAttendant }> {
  const [former, filed] = await Promise.all([newAttendant(), fileRequest(opts)]);
  const api = await apiAs(ATTENDANT);
  const params = { id: filed.id };
  const analysed = await api.post('/requests/:id/analysis', { params });
  await api.post('/requests/:id/approve', { params, body: { assigneeId: former.id, confirmSteps: analysed.steps.map((s) => s.id) } });
  await revoke(former);
  const request = await api.get('/requests/:id', { params });
  if (!request.unassigned) throw new Error(`request ${request.protocol} is not "sem atendente" after its attendant was revoked`);
  return { request, former };
}
