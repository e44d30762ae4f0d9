// A meeting's events in the request's history (issue #12): scheduled and
// cancelled, with the day and time in the state's zone, the subject and the
// reason, as both sides read them.
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
import type { AtendeAnalysisForm } from './analysis-form.js';

const historyText = (el: Element) => (el.shadowRoot!.querySelector('[aria-labelledby="history-h"]')?.textContent ?? '').replace(/\s+/g, ' ');

describe('atende-analysis-form: videoconferência in the history', () => {
  it('tells the meeting scheduled and cancelled, to the staff and to the citizen', async () => {
    const citizen = newCitizen();
    const request = await advance((await fileRequest({ citizen: citizen.sub })).id, 'in_service');
    const api = await apiAs(ATTENDANT);
    const { startsAt } = freeSlot(30, 370);
    const m = await book(request.id, startsAt, 'Perícia', ATTENDANT, 60);
    await api.post('/meetings/:id/cancel', { params: { id: m.id }, body: { reason: 'Perícia dispensada.' } });
    const shown = `${meetingDay(startsAt)} às ${meetingTime(startsAt)}`;

    for (const sub of [ATTENDANT, citizen.sub]) {
      const el = await fixture<AtendeAnalysisForm>(html`<atende-analysis-form request-id=${request.id} .token=${await token(sub)}></atende-analysis-form>`);
      await until(() => historyText(el).includes('cancelada'), `the history of ${sub} tells the meeting`);
      expect(historyText(el)).to.contain(`Videoconferência agendada para ${shown}: Perícia`);
      expect(historyText(el)).to.contain(`Videoconferência de ${shown} cancelada: Perícia dispensada.`);
      await expectAccessible(el);
      el.remove();
    }
  });
});
