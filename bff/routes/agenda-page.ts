// The shared day list (issue #12): GET /agenda/:token, a public read-only
// page for colleagues without an account. It shows time, protocol, service,
// attendant, the citizen's initials and the status, never a name or a
// subject. The token says which share; the database says whether it still
// stands (revoked, expired) on every request. Hono's `html` escapes.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { brDate, endOfLocalDay, localDate, localTime, startOfLocalDay } from '../../contract/time.js';
import { AGENDA_STATUS_LABELS, agendaStatus, initials, shareState } from '../domain/agenda.js';
import type { AppDeps, AppEnv } from '../env.js';
import { readShareToken } from '../share-links.js';
import { toAgendaRow } from '../dto.js';
import { agendaRows, getShare } from '../../db/queries/agenda.js';

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b;background:#fff}
h1{font-size:1.4rem;margin:0 0 .25rem}
p{margin:.25rem 0}
.meta{color:#444}
table{border-collapse:collapse;width:100%;margin-top:1rem}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #ccc;vertical-align:top}
th{background:#f2f2f2}
td.time{white-space:nowrap;font-variant-numeric:tabular-nums}
.cancelled{color:#666;text-decoration:line-through}
@media (max-width:40rem){thead{display:none}tr{display:block;border-bottom:2px solid #ccc;padding:.5rem 0}td{display:block;border:0;padding:.1rem 0}td::before{content:attr(data-label) ": ";font-weight:600}}
@media print{body{max-width:none;padding:0;font-size:11pt}th{background:none}tr{break-inside:avoid}}
`.trim();

const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

function page(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
    <html lang="pt-BR">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        ${raw(`<style>${STYLE}</style>`)}
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;
}

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': CSP,
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

export function agendaPageRoutes(deps: AppDeps) {
  const { db, now, config } = deps;
  const zone = config.timeZone;
  const at = (iso: string) => `${brDate(localDate(Date.parse(iso), zone))} às ${localTime(Date.parse(iso), zone)}`;

  const notice = async (status: 404 | 410, text: string) =>
    new Response(
      String(
        await page(
          'Agenda compartilhada',
          html`<h1>Agenda compartilhada</h1>
            <p>${text}</p>`,
        ),
      ),
      { status, headers: HEADERS },
    );

  return new Hono<AppEnv>().get('/:token', async (c) => {
    const t = now();
    const read = await readShareToken(config.shareLinkSecret, c.req.param('token'), t);
    const s = read && (await getShare(db, read.shareId));
    if (!read || !s) return notice(404, 'Link inválido.');
    const state = shareState({ expiresAt: s.expires_at, revokedAt: s.revoked_at }, t);
    if (state === 'revoked') return notice(410, 'Este link foi revogado.');
    if (state === 'expired' || read.expired) return notice(410, `Este link expirou em ${at(s.expires_at)}.`);

    const rows = await agendaRows(db, {
      institutionIds: [s.institution_id],
      from: startOfLocalDay(s.date, zone).toISOString(),
      to: endOfLocalDay(s.date, zone).toISOString(),
    });
    const title = `Videoconferências de ${brDate(s.date)} — ${s.acronym}`;
    const table = rows.length
      ? html`<table>
          <caption class="meta">
            Cidadãos identificados só pelas iniciais.
          </caption>
          <thead>
            <tr>
              <th scope="col">Horário</th>
              <th scope="col">Protocolo</th>
              <th scope="col">Serviço</th>
              <th scope="col">Atendente</th>
              <th scope="col">Cidadão</th>
              <th scope="col">Situação</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((r) => {
              const status = agendaStatus(toAgendaRow(r, t, config.joinLeadMinutes).phase);
              return html`<tr class="${status === 'cancelled' ? 'cancelled' : ''}">
                <td class="time" data-label="Horário">${localTime(Date.parse(r.starts_at), zone)}–${localTime(Date.parse(r.ends_at), zone)}</td>
                <td data-label="Protocolo">${r.protocol}</td>
                <td data-label="Serviço">${r.service_name}</td>
                <td data-label="Atendente">${r.host_name}</td>
                <td data-label="Cidadão">${initials(r.citizen_name)}</td>
                <td data-label="Situação">${AGENDA_STATUS_LABELS[status]}</td>
              </tr> `;
            })}
          </tbody>
        </table>`
      : html`<p>Nenhuma videoconferência neste dia.</p>`;
    const body = html`<h1>${s.institution_name} (${s.acronym})</h1>
      <p>Videoconferências de <strong>${brDate(s.date)}</strong></p>
      <p class="meta">Horários de ${zone}. Link válido até ${at(s.expires_at)}; somente leitura.</p>
      ${table}`;
    return new Response(String(await page(title, body)), { status: 200, headers: HEADERS });
  });
}
