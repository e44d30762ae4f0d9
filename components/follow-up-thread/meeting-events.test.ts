// A meeting's events in the follow-up thread (issue #12), in Chromium against
// the real BFF: scheduled, rescheduled and cancelled, with the day and time in
// the state's zone, the subject and the reason, as both sides read them; and
// in English.
import { expect, fixture, html } from '@open-wc/testing';
import { addDays, localDate, localTime, zonedInstant } from '../../contract/time.js';
import { ATTENDANT, advance, apiAs, expectAccessible, fileRequest, newCitizen, token, until } from '../internal/test-support.js';
import '../define.js';
import type { AtendeFollowUpThread } from './follow-up-thread.js';

const ZONE = 'America/Porto_Velho';
const eventLines = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.thread > li.event .events > li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

async function thread(id: number, sub: string, lang = 'pt-BR') {
  const el = await fixture<AtendeFollowUpThread>(
    html`<atende-follow-up-thread request-id=${id} lang=${lang} .token=${await token(sub)}></atende-follow-up-thread>`,
  );
  await until(() => el.shadowRoot!.querySelector('.thread'), 'thread did not load');
  return el;
}

/** A random day 30 to 400 days ahead at a random five minutes of the working day, in the state's zone. */
function slot(): string {
  const d = addDays(localDate(Date.now(), ZONE), 30 + Math.floor(Math.random() * 370));
  const m = 8 * 60 + 5 * Math.floor(Math.random() * 120);
  return zonedInstant(d, `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, ZONE).toISOString();
}
const day = (iso: string) => localDate(Date.parse(iso), ZONE).split('-').reverse().join('/');
const time = (iso: string) => localTime(Date.parse(iso), ZONE);

describe('atende-follow-up-thread: videoconferência events', () => {
  it('tells a meeting scheduled, rescheduled and cancelled, with day, time, subject and reason, to both sides', async () => {
    const citizen = newCitizen();
    const request = await advance((await fileRequest({ citizen: citizen.sub })).id, 'in_service');
    const api = await apiAs(ATTENDANT);
    const first = slot();
    const m = await api.post('/requests/:id/meetings', {
      params: { id: request.id },
      body: { startsAt: first, durationMinutes: 30, subject: 'Entrega da CNH' },
    });
    const second = slot();
    await api.patch('/meetings/:id', { params: { id: m.id }, body: { startsAt: second } });
    await api.post('/meetings/:id/cancel', { params: { id: m.id }, body: { reason: 'Documento já entregue.' } });

    for (const sub of [ATTENDANT, citizen.sub]) {
      const el = await thread(request.id, sub);
      const lines = eventLines(el).join(' | ');
      expect(lines).to.contain(`Videoconferência agendada para ${day(first)} às ${time(first)}: Entrega da CNH`);
      expect(lines).to.contain(`Videoconferência reagendada para ${day(second)} às ${time(second)}: Entrega da CNH`);
      expect(lines).to.contain(`Videoconferência de ${day(second)} às ${time(second)} cancelada: Documento já entregue.`);
      await expectAccessible(el);
      el.remove();
    }

    const en = await thread(request.id, citizen.sub, 'en');
    await until(() => eventLines(en).some((l) => l.startsWith('Video meeting')), 'English loaded');
    expect(eventLines(en).join(' | ')).to.contain('Video meeting scheduled for');
    expect(eventLines(en).join(' | ')).to.contain('cancelled: Documento já entregue.');
  });
});
