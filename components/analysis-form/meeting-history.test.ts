// A meeting's events in the request's history (issue #12): scheduled and
// cancelled, with the day and time in the state's zone, the subject and the
// reason, as both sides read them.
import { expect, fixture, html } from '@open-wc/testing';
import { addDays, localDate, localTime, zonedInstant } from '../../contract/time.js';
import { ATTENDANT, advance, apiAs, expectAccessible, fileRequest, newCitizen, token, until } from '../internal/test-support.js';
import '../define.js';
import type { AtendeAnalysisForm } from './analysis-form.js';

const ZONE = 'America/Porto_Velho';
const historyText = (el: Element) => (el.shadowRoot!.querySelector('[aria-labelledby="history-h"]')?.textContent ?? '').replace(/\s+/g, ' ');

describe('atende-analysis-form: videoconferência in the history', () => {
  it('tells the meeting scheduled and cancelled, to the staff and to the citizen', async () => {
    const citizen = newCitizen();
    const request = await advance((await fileRequest({ citizen: citizen.sub })).id, 'in_service');
    const api = await apiAs(ATTENDANT);
    const day = addDays(localDate(Date.now(), ZONE), 30 + Math.floor(Math.random() * 370));
    const hour = `${String(8 + Math.floor(Math.random() * 9)).padStart(2, '0')}:${String(5 * Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    const startsAt = zonedInstant(day, hour, ZONE).toISOString();
    const m = await api.post('/requests/:id/meetings', { params: { id: request.id }, body: { startsAt, durationMinutes: 60, subject: 'Perícia' } });
    await api.post('/meetings/:id/cancel', { params: { id: m.id }, body: { reason: 'Perícia dispensada.' } });
    const shown = `${day.split('-').reverse().join('/')} às ${localTime(Date.parse(startsAt), ZONE)}`;

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
