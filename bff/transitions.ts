// One guarded state transition inside a transaction: permission, state,
// version, write, audit. Every route that changes a request's status goes
// through here.
import type { Transaction, Updateable } from 'kysely';
import type { RequestAction, RequestStatus } from '../contract/types.js';
import { decide, sideOf } from './domain/permissions.js';
import { nextStatus } from './domain/request-machine.js';
import type { AuthUser } from './auth.js';
import { requestFacts } from './dto.js';
import { conflict, forbidden, notFound, preconditionFailed } from './errors.js';
import { type RequestFactsRow, appendAudit, getRequestFacts, updateRequestAtVersion } from '../db/queries/requests.js';
import type { Database, RequestTable } from '../db/schema.js';

export interface TransitionSpec {
  action: RequestAction;
  /** Checks that need the database, before anything is written. */
  validate?: (trx: Transaction<Database>, facts: RequestFactsRow) => Promise<void>;
  set?: (facts: RequestFactsRow, at: string) => Updateable<RequestTable>;
  data?: unknown;
  after?: (trx: Transaction<Database>, facts: RequestFactsRow, at: string) => Promise<void>;
}

export const DECISION_ERRORS = {
  not_found: () => notFound('Solicitação não encontrada.'),
  forbidden: () => forbidden('Seu perfil não permite esta ação nesta solicitação.'),
  conflict: () => conflict('Esta ação não cabe na situação atual da solicitação.'),
};

export async function transitionIn(
  trx: Transaction<Database>,
  ctx: { user: AuthUser; id: number; ifMatch?: number; at: string },
  spec: TransitionSpec,
): Promise<{ facts: RequestFactsRow; auditId: number }> {
  const f = await getRequestFacts(trx, ctx.id);
  if (!f) throw notFound('Solicitação não encontrada.');
  const decision = decide(ctx.user, requestFacts(f), spec.action);
  if (decision !== 'allow') throw DECISION_ERRORS[decision]();
  if (ctx.ifMatch !== undefined && ctx.ifMatch !== f.version) throw preconditionFailed();
  await spec.validate?.(trx, f);
  const to = nextStatus(f.status as RequestStatus, spec.action, f.resume_status as RequestStatus | null);
  if (!to) throw conflict('Esta ação não cabe na situação atual da solicitação.');
  if (!(await updateRequestAtVersion(trx, ctx.id, f.version, { ...spec.set?.(f, ctx.at), status: to, updated_at: ctx.at }))) {
    throw conflict('Outra pessoa alterou esta solicitação antes de você. Recarregue para ver a situação atual.');
  }
  await spec.after?.(trx, f, ctx.at);
  const auditId = await appendAudit(trx, {
    requestId: ctx.id,
    institutionId: f.institution_id,
    actorId: ctx.user.id,
    side: sideOf(ctx.user, requestFacts(f)),
    action: spec.action,
    from: f.status,
    to,
    data: spec.data,
    at: ctx.at,
  });
  return { facts: f, auditId };
}
