// The day agenda (issue #12): the staff's list of a day's meetings (JSON, CSV,
// iCalendar), one meeting's .ics for its citizen and staff ("Adicionar à
// agenda"), and the signed, expiring, revocable links that share a day list
// with colleagues without an account (the page itself: agenda-page.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { AgendaQuery, AgendaShareListQuery, CreateAgendaShareBody, IdParam } from '../../contract/schemas.js';
import { AgendaPage, AgendaShare } from '../../contract/responses.js';
import { brDate, endOfLocalDay, startOfLocalDay } from '../../contract/time.js';
import {
  AGENDA_WHO,
  SHARE_MAX_DAYS_AFTER,
  SHARE_REVOKE_WHO,
  agendaInstitutions,
  decideShareRevocation,
  shareDefaultExpiry,
  shareRefusal,
} from '../domain/agenda.js';
import { MEETING_WHO, decideMeeting } from '../domain/meetings.js';
import { sideOf } from '../domain/permissions.js';
import { agendaCsv, meetingsIcs } from '../agenda-files.js';
import { signShareToken } from '../share-links.js';
import { requestFacts, toAgendaRow, toAgendaShare, toMeeting } from '../dto.js';
import { type AppDeps, requireUser } from '../env.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { bearer, json, jsonBody, problemsOf, router } from '../openapi.js';
import { jsonOnly } from '../validate.js';
import type { AuthUser } from '../auth.js';
import { agendaRows, getShare, insertShare, listShares, revokeShare } from '../../db/queries/agenda.js';
import { getMeeting } from '../../db/queries/meetings.js';
import { getRequestFacts } from '../../db/queries/requests.js';

const file = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string() } } });

const day = createRoute({
  method: 'get',
  path: '/meetings',
  summary: 'The day agenda: a day’s meetings (JSON, or a CSV / iCalendar download)',
  security: bearer,
  description:
    `${AGENDA_WHO} The meetings starting on that day in the state’s time zone (TIME_ZONE), by start, cancelled ones included; mine=true: ` +
    'only those the caller hosts. format=csv: UTF-8 with BOM, `;`-separated, headers in Portuguese; format=ics: iCalendar (METHOD:PUBLISH, VTIMEZONE, one VEVENT per meeting).',
  request: { query: AgendaQuery },
  responses: {
    200: {
      description: 'The day’s meetings (format=json), or the file (attachment)',
      content: { 'application/json': { schema: AgendaPage }, 'text/csv': { schema: z.string() }, 'text/calendar': { schema: z.string() } },
    },
    ...problemsOf(400, 401, 403, 404),
  },
});

const ics = createRoute({
  method: 'get',
  path: '/meetings/{id}/ics',
  summary: 'One meeting as an iCalendar file ("Adicionar à agenda")',
  security: bearer,
  description: `${MEETING_WHO.party} The event names the service and the attendant; the meeting is joined on the request’s page (no link in the file).`,
  request: { params: IdParam },
  responses: { 200: file('text/calendar', 'The .ics (attachment)'), ...problemsOf(400, 401, 404) },
});

const share = createRoute({
  method: 'post',
  path: '/agenda/share',
  summary: 'Share a day list: a signed, expiring, read-only link ("Compartilhar")',
  security: bearer,
  description:
    'Who: attendants and managers of the institution (institutionId required when they attend more than one; another institution 404; anyone attending none 403). ' +
    `The day today or later; the link expires at the end of that day in the state’s time zone, or at expiresAt (in the future, at most ${SHARE_MAX_DAYS_AFTER} days after that day’s end). ` +
    'The page shows time, protocol, service, attendant, the citizen’s initials and the status; the url is shown only in this answer.',
  middleware: [jsonOnly] as const,
  request: { body: jsonBody(CreateAgendaShareBody) },
  responses: { 201: json(AgendaShare, 'The link (url only here)'), ...problemsOf(400, 401, 403, 404, 415) },
});

const shares = createRoute({
  method: 'get',
  path: '/agenda/shares',
  summary: 'The share links I made (of a day, or all), newest first',
  security: bearer,
  description: 'Who: attendants and managers (anyone else 403); each link with its state; the url is not kept (null).',
  request: { query: AgendaShareListQuery },
  responses: { 200: json(z.object({ items: z.array(AgendaShare) }), 'The links'), ...problemsOf(400, 401, 403) },
});

const revoke = createRoute({
  method: 'delete',
  path: '/agenda/share/{id}',
  summary: 'Revoke a share link: from then on it answers a page that says so',
  security: bearer,
  description: `${SHARE_REVOKE_WHO} Revoking twice: 409.`,
  request: { params: IdParam },
  responses: { 200: json(AgendaShare, 'The link, revoked'), ...problemsOf(400, 401, 403, 404, 409) },
});

/** A file name's ASCII part (the protocol "2026/000123" → "2026-000123"). */
const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');

export function agendaRoutes(deps: AppDeps) {
  const { db, now, config } = deps;
  const zone = config.timeZone;
  const uidHost = new URL(config.publicUrl).host;

  const staffOnly = (user: AuthUser) => {
    const institutions = agendaInstitutions(user);
    if (!institutions.length) throw forbidden('Somente atendentes e gestores usam a agenda.');
    return institutions;
  };

  const download = (body: string, type: string, name: string) =>
    new Response(body, {
      status: 200,
      headers: {
        'Content-Type': `${type}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${name}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    });

  return router()
    .openapi(day, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const attended = staffOnly(user);
      if (q.institutionId !== undefined && !attended.includes(q.institutionId)) throw notFound('Instituição não encontrada.');
      const at = now();
      const rows = await agendaRows(db, {
        institutionIds: q.institutionId !== undefined ? [q.institutionId] : attended,
        hostId: q.mine === 'true' ? user.id : undefined,
        from: startOfLocalDay(q.date, zone).toISOString(),
        to: endOfLocalDay(q.date, zone).toISOString(),
      });
      const items = rows.map((r) => toAgendaRow(r, at, config.joinLeadMinutes));
      if (q.format === 'csv') return download(agendaCsv(items, zone), 'text/csv', `agenda-${q.date}.csv`);
      if (q.format === 'ics') {
        const name = `Videoconferências ${brDate(q.date)}`;
        return download(meetingsIcs(items, { zone, uidHost, name, now: at }), 'text/calendar', `agenda-${q.date}.ics`);
      }
      return c.json({ date: q.date, timeZone: zone, items }, 200);
    })
    .openapi(ics, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const r = await getMeeting(db, id);
      const f = r && (await getRequestFacts(db, r.request_id));
      if (!r || !f || decideMeeting(user, requestFacts(f), 'read') !== 'allow') throw notFound('Videoconferência não encontrada.');
      const m = toMeeting(r, now(), config.joinLeadMinutes);
      const forCitizen = sideOf(user, requestFacts(f)) === 'citizen';
      const body = meetingsIcs([m], { zone, uidHost, name: `Videoconferência ${m.protocol}`, now: now(), forCitizen });
      return download(body, 'text/calendar', `videoconferencia-${fileSafe(m.protocol)}.ics`);
    })
    .openapi(share, async (c) => {
      const user = requireUser(c);
      const body = c.req.valid('json');
      const attended = staffOnly(user);
      let institutionId = body.institutionId;
      if (institutionId === undefined) {
        if (attended.length > 1)
          throw badRequest('Informe de qual instituição é a agenda.', { institutionId: 'Você atende mais de uma instituição: informe qual (institutionId).' });
        institutionId = attended[0]!;
      } else if (!attended.includes(institutionId)) throw notFound('Instituição não encontrada.');
      const at = now();
      const expiresAt = body.expiresAt !== undefined ? new Date(body.expiresAt) : shareDefaultExpiry(body.date, zone);
      const refusal = shareRefusal({ date: body.date, expiresAt }, at, zone);
      if (refusal) {
        const message = {
          past_day: 'O dia já passou: compartilhe a agenda de hoje ou de um dia futuro.',
          past_expiry: 'A validade precisa ser no futuro.',
          too_late: `A validade pode ir até ${SHARE_MAX_DAYS_AFTER} dias depois do fim do dia compartilhado.`,
        }[refusal.reason];
        throw badRequest(message, { [refusal.field]: message });
      }
      const id = await deps.writes.run((trx) =>
        insertShare(trx, { institutionId, date: body.date, createdBy: user.id, at: at.toISOString(), expiresAt: expiresAt.toISOString() }),
      );
      const token = await signShareToken(config.shareLinkSecret, id, expiresAt);
      const row = (await getShare(db, id))!;
      return c.json(toAgendaShare(row, at, `${config.publicUrl}/agenda/${token}`), 201);
    })
    .openapi(shares, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      staffOnly(user);
      const at = now();
      return c.json({ items: (await listShares(db, user.id, q.date)).map((r) => toAgendaShare(r, at)) }, 200);
    })
    .openapi(revoke, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const found = await getShare(db, id);
      const decision = found ? decideShareRevocation(user, { createdBy: found.created_by, institutionId: found.institution_id }) : 'not_found';
      if (decision === 'not_found') throw notFound('Link não encontrado.');
      if (decision === 'forbidden') throw forbidden('Só quem criou o link, ou um gestor da instituição, pode revogá-lo.');
      const at = now();
      const revoked = await deps.writes.run((trx) => revokeShare(trx, id, user.id, at.toISOString()));
      if (!revoked) throw conflict('Este link já foi revogado.');
      return c.json(toAgendaShare((await getShare(db, id))!, at), 200);
    });
}
