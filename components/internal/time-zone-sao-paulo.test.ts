// The same elements against a server whose TIME_ZONE is America/Sao_Paulo
// (/sao-paulo/api in web-test-runner.config.js; the browser in Asia/Tokyo):
// they show that server's hours and days.
import { expect, fixture, html } from '@open-wc/testing';
import type { AppConfig } from '../../contract/types.js';
import type { AtendeRequestQueue } from '../request-queue/request-queue.js';
import '../define.js';
import { currentTimeZone, formatDate, formatTime, timeLeft } from './i18n.js';
import { fileRequest, newCitizen, token, until } from './test-support.js';

const SAO_PAULO = 'America/Sao_Paulo';
const API = '/sao-paulo/api';
const rowText = (el: Element) => el.shadowRoot!.querySelector('tbody tr')?.textContent?.replace(/\s+/g, ' ') ?? '';
const inZone = (zone: string, iso: string, withTime: boolean) =>
  new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: zone }).format(new Date(iso));

describe('elements of a server in Brasília’s zone', () => {
  it('show that server’s times and deadline days', async () => {
    const config = (await (await fetch(`${API}/config`)).json()) as AppConfig;
    expect(config.timeZone).to.equal(SAO_PAULO);
    const citizen = newCitizen();
    const filed = await fileRequest({ citizen: citizen.sub, api: API });
    const el = await fixture<AtendeRequestQueue>(
      html`<atende-request-queue api=${API} view="citizen" .token=${await token(citizen.sub)}></atende-request-queue>`,
    );
    await until(() => currentTimeZone() === SAO_PAULO, 'the zone did not arrive');
    await until(() => rowText(el).includes(inZone(SAO_PAULO, filed.filedAt, true)), 'filed-at not in Brasília time');
    // An hour later than Porto Velho (the page's zone until the server answered).
    expect(inZone('America/Porto_Velho', filed.filedAt, true)).not.to.equal(inZone(SAO_PAULO, filed.filedAt, true));
    expect(rowText(el)).not.to.include(inZone('America/Porto_Velho', filed.filedAt, true));
    // The deadline ends at 23:59:59.999 in Brasília: already the next day in Tokyo.
    const dueDay = inZone(SAO_PAULO, filed.dueAt, false);
    expect(inZone('Asia/Tokyo', filed.dueAt, false)).not.to.equal(dueDay);
    expect(rowText(el)).to.include(`até ${dueDay}`);

    expect(formatTime('pt-BR', '2026-12-03T14:00:00.000Z')).to.equal('11:00');
    expect(formatDate('pt-BR', '2026-12-04T02:30:00.000Z', true)).to.equal('03/12/2026, 23:30');
    expect(timeLeft('pt-BR', '2026-12-04T02:59:59.999Z', Date.parse('2026-12-04T02:30:00.000Z')).text).to.equal('Vence hoje');
  });
});
