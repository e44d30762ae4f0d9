// The day agenda's downloads (issue #12): a CSV that Excel in pt-BR opens
// (UTF-8 with BOM, `;`), made with csv-stringify, and iCalendar files (the
// day's list, or one meeting's "Adicionar à agenda") made with
// ical-generator, the state's zone as a VTIMEZONE from timezones-ical-library.
import { stringify } from 'csv-stringify/sync';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { AgendaRow, Meeting } from '../contract/types.js';
import { localTime, wallClock } from '../contract/time.js';
import { AGENDA_STATUS_LABELS, agendaStatus } from './domain/agenda.js';

const CSV_HEADER = ['Início', 'Fim', 'Protocolo', 'Serviço', 'Atendente', 'Cidadão', 'Assunto', 'Situação'];

/** The day's meetings as CSV: times as HH:MM in the zone, the status in Portuguese; a cell that would start a formula starts with ' instead. */
export function agendaCsv(rows: readonly AgendaRow[], zone: string): string {
  return stringify(
    rows.map((m) => [
      localTime(Date.parse(m.startsAt), zone),
      localTime(Date.parse(m.endsAt), zone),
      m.protocol,
      m.service.name,
      m.host.name,
      m.citizen.name,
      m.subject,
      AGENDA_STATUS_LABELS[agendaStatus(m.phase)],
    ]),
    // escape_formulas: a subject or name that starts like a formula (=, +, -, @) opens as text, not as a formula (CSV injection).
    { bom: true, delimiter: ';', header: true, columns: CSV_HEADER, record_delimiter: 'windows', escape_formulas: true },
  );
}

/** The wall clock of an instant in `zone` as ICS-ready local time ("2026-12-02T23:30:00"). */
function wallClockText(at: string, zone: string): string {
  const w = wallClock(Date.parse(at), zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
}

export interface IcsOptions {
  zone: string;
  /** The host of PUBLIC_URL: the meetings' UIDs are `meeting-<id>@<host>`. */
  uidHost: string;
  /** The calendar's name ("Agenda DETRAN 03/12/2026"). */
  name: string;
  /** When the file is made (DTSTAMP). */
  now: Date;
  /** The citizen's copy: says to join through the request page. */
  forCitizen?: boolean;
}

/**
 * Meetings as an iCalendar file: METHOD:PUBLISH, the zone as a VTIMEZONE,
 * one VEVENT per meeting (UID stable across downloads, SEQUENCE its version,
 * DTSTART/DTEND in the zone, CANCELLED when cancelled). No URL: joining
 * happens on the request's page, signed in.
 */
export function meetingsIcs(meetings: readonly Meeting[], o: IcsOptions): string {
  const cal = ical({ name: o.name, method: ICalCalendarMethod.PUBLISH, prodId: { company: 'Atende', product: 'Agenda', language: 'PT-BR' } });
  // The VTIMEZONE for the events' zone; no calendar-wide zone, so DTSTAMP stays UTC as RFC 5545 wants.
  cal.timezone({ name: null, generator: (tz) => tzlib_get_ical_block(tz)[0] });
  for (const m of meetings) {
    const lines = [`Serviço: ${m.service.name}`, `Atendente: ${m.host.name}`, `Protocolo: ${m.protocol}`];
    if (m.status === 'cancelled') lines.push(m.cancelReason ? `Cancelada: ${m.cancelReason}` : 'Cancelada.');
    else if (o.forCitizen)
      lines.push('Para entrar na videoconferência, abra a solicitação no portal e use o botão "Acessar" (disponível minutos antes do início).');
    cal.createEvent({
      id: `meeting-${m.id}@${o.uidHost}`,
      sequence: m.version,
      stamp: o.now,
      start: wallClockText(m.startsAt, o.zone),
      end: wallClockText(m.endsAt, o.zone),
      timezone: o.zone,
      summary: `Videoconferência — ${m.protocol}: ${m.subject}`,
      description: lines.join('\n'),
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
