// The elements show dates and times in the server's time zone (TIME_ZONE,
// learned from GET /api/config), whatever the browser's own zone: the test
// browser runs in Asia/Tokyo (web-test-runner.config.js), the server at /api
// in America/Porto_Velho (UTC−4, the default).
import { expect, fixture, html } from '@open-wc/testing';
import type { AppConfig } from '../../contract/types.js';
import type { AtendeRequestQueue } from '../request-queue/request-queue.js';
import '../define.js';
import { currentTimeZone, formatDate, formatTime, setTimeZone, timeLeft, today } from './i18n.js';
import { expectAccessible, fileRequest, newCitizen, token, until } from './test-support.js';

const PORTO_VELHO = 'America/Porto_Velho';
const rowText = (el: Element) => el.shadowRoot!.querySelector('tbody tr')?.textContent?.replace(/\s+/g, ' ') ?? '';
const inZone = (zone: string, iso: string, withTime: boolean) =>
  new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: zone }).format(new Date(iso));

async function citizenQueue() {
  const citizen = newCitizen();
  const filed = await fileRequest({ citizen: citizen.sub });
  const el = await fixture<AtendeRequestQueue>(
    html`<atende-request-queue api="/api" view="citizen" .token=${await token(citizen.sub)}></atende-request-queue>`,
  );
  await until(() => rowText(el).includes(filed.protocol), 'the request did not show');
  return { el, filed };
}

describe('the state’s time zone in the elements', () => {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  it('the browser runs in another zone than the server', async () => {
    const config = (await (await fetch('/api/config')).json()) as AppConfig;
    expect(config.timeZone).to.equal(PORTO_VELHO);
    expect(browserZone).to.equal('Asia/Tokyo');
  });

  it('an instant that is 10:00 in Porto Velho (14:00 UTC, 23:00 in Tokyo) reads 10:00, on its Porto Velho day', async () => {
    await citizenQueue(); // an element on the page has asked the server
    await until(() => currentTimeZone() === PORTO_VELHO, 'the zone did not arrive');
    expect(formatTime('pt-BR', '2026-12-03T14:00:00.000Z')).to.equal('10:00');
    expect(formatDate('pt-BR', '2026-12-03T14:00:00.000Z', true)).to.equal('03/12/2026, 10:00');
    // 22:30 in Porto Velho is already the next day in UTC and in Tokyo.
    expect(formatDate('pt-BR', '2026-12-04T02:30:00.000Z')).to.equal('03/12/2026');
    expect(formatDate('en', '2026-12-04T02:30:00.000Z', true)).to.equal('12/3/26, 10:30 PM');
    // "Vence hoje" on the state's day: a deadline at the end of 3 Dec, seen at 10:00 on the 3rd.
    expect(timeLeft('pt-BR', '2026-12-04T03:59:59.999Z', Date.parse('2026-12-03T14:00:00.000Z')).text).to.equal('Vence hoje');
    expect(timeLeft('pt-BR', '2026-12-04T03:59:59.999Z', Date.parse('2026-12-04T04:00:00.000Z'))).to.deep.equal({ text: 'Atrasada há 1 dia', overdue: true });
    expect(today(Date.parse('2026-12-04T02:30:00.000Z'))).to.equal('2026-12-03');
  });

  it('the queue shows when a request was filed and its deadline in the server’s zone, not the browser’s', async () => {
    const { el, filed } = await citizenQueue();
    await until(() => rowText(el).includes(inZone(PORTO_VELHO, filed.filedAt, true)), 'filed-at not in Porto Velho time');
    expect(inZone(browserZone, filed.filedAt, true)).not.to.equal(inZone(PORTO_VELHO, filed.filedAt, true));
    expect(rowText(el)).not.to.include(inZone(browserZone, filed.filedAt, true));
    // The deadline ends at 23:59:59.999 of its day in Porto Velho: 12:59 the next day in Tokyo.
    const dueDay = inZone(PORTO_VELHO, filed.dueAt, false);
    expect(inZone(browserZone, filed.dueAt, false)).not.to.equal(dueDay);
    expect(rowText(el)).to.include(`até ${dueDay}`);
    await expectAccessible(el);
  });

  it('every element re-renders when the zone changes', async () => {
    const { el, filed } = await citizenQueue();
    try {
      setTimeZone('UTC');
      await until(() => rowText(el).includes(inZone('UTC', filed.filedAt, true)), 'did not re-render in UTC');
      setTimeZone('Not/A_Zone'); // ignored: a name the browser does not know
      expect(currentTimeZone()).to.equal('UTC');
    } finally {
      setTimeZone(PORTO_VELHO);
    }
    await until(() => rowText(el).includes(inZone(PORTO_VELHO, filed.filedAt, true)), 'did not re-render in Porto Velho');
  });
});
