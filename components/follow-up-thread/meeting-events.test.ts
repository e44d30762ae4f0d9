// A meeting's events in the follow-up thread (issue #12), in Chromium against
// the real BFF: scheduled, rescheduled and cancelled, with the day and time in
// the state's zone, the subject and the reason, as both sides read them; and
// in English.
import { expect, fixture, html } from '@open-wc/testing';
import {
  ATTENDANT,
  advance,
  apiAs,
  book,
  expectAccessible,
  fileRequest,
  freeSlot,
  meetingDay,
  meetingTime,
  newCitizen,
  token,
  until,
} from '../internal/test-support.js';
import '../define.js';
import type { AtendeFollowUpThread } from './follow-up-thread.js';

const eventLines = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.thread > li.event .events > li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

async function thread(id: number, sub: string, lang = 'pt-BR') {
  const el = await fixture<AtendeFollowUpThread>(
    html`<atende-follow-up-thread request-id=${id} lang=${lang} .token=${await token(sub)}></atende-follow-up-thread>`,
  );
  await until(() => el.shadowRoot!.querySelector('.thread'), 'thread did not load');
  return el;
}

const slot = () => freeSlot(30, 370).startsAt;
const day = meetingDay;
const time = meetingTime;

describe('atende-follow-up-thread: videoconferência events', () => {
  it('tells a meeting scheduled, rescheduled and cancelled, with day, time, subject and reason, to both sides', async () => {
    const citizen = newCitizen();
    const request = await advance((await fileRequest({ citizen: citizen.sub })).id, 'in_service');
    const api = await apiAs(ATTENDANT);
    const first = slot();
    const m = await book(request.id, first, 'Entrega da CNH');
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
