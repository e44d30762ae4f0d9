// The video scheduler in Chromium against the real BFF: the staff schedule,
// reschedule and cancel a request's meetings (a refusal keeps the form as
// typed); "Acessar" before, during and after the window, driven by the
// element's clock (`now`); video not configured; the call opened with the
// right options on a stand-in external_api.js (a second app with
// JITSI_DOMAIN, under /video-api/, see web-test-runner.config.js); the
// citizen's "Adicionar à agenda"; the keyboard alone and 375 px; axe in every
// state.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { addDays, localDate, zonedInstant } from '../../contract/time.js';
import {
  ATTENDANT,
  ATTENDANT_2,
  advance,
  apiAs,
  expectAccessible,
  expectNoSidewaysScroll,
  fileRequest,
  newCitizen,
  shadowText,
  token,
  until,
  q,
  deepActive,
  ZONE,
  book,
  freeSlot,
  meetingDay,
  meetingTime,
} from '../internal/test-support.js';
import './define.js';
import type { AtendeVideoScheduler } from './video-scheduler.js';

const MINUTE = 60_000;

interface StandIn {
  loads: number;
  instances: { domain: string; options: Record<string, unknown> & { parentNode: HTMLElement }; disposed: boolean; fire(event: string): void }[];
}
const standIn = () => (window as unknown as { jitsiStandIn?: StandIn }).jitsiStandIn;

const day = meetingDay;
const time = meetingTime;

/** A request in attendance (ATTENDANT its assignee) of a fresh citizen. */
async function inService() {
  const citizen = newCitizen();
  const request = await advance((await fileRequest({ citizen: citizen.sub })).id, 'in_service');
  return { citizen, request };
}

async function scheduler(id: number, sub: string, opts: { api?: string; now?: () => number } = {}) {
  const t = await token(sub);
  const el = await fixture<AtendeVideoScheduler>(
    html`<atende-video-scheduler request-id=${id} api=${opts.api ?? '/api'} .token=${t}></atende-video-scheduler>`,
  );
  if (opts.now) el.now = opts.now;
  await until(() => !el.shadowRoot?.querySelector('.loading') && el.shadowRoot?.querySelector('h2'), 'scheduler loaded');
  return el;
}

/** Sets a control's value as a picker would and tells the element. */
function set(el: Element, id: string, value: string) {
  const input = q<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

const dialogOpen = (el: Element) => !!el.shadowRoot!.querySelector('dialog[open]');
const meetingItem = (el: Element, subject: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.meeting')].find((li) => li.querySelector('h3')?.textContent === subject);

describe('atende-video-scheduler', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('lets the staff schedule a meeting with "Videoconferência": day, hour, length and subject in the state’s zone', async () => {
    const { request } = await inService();
    const el = await scheduler(request.id, ATTENDANT);
    expect(shadowText(el)).to.contain('Nenhuma videoconferência agendada.');
    await expectAccessible(el);
    q(el, '#schedule').click();
    await until(() => dialogOpen(el) && deepActive()?.id === 'meeting-day', 'the form opens with focus on Dia');
    expect(q(el, '#dialog-h').textContent).to.equal('Agendar videoconferência');
    expect(q<HTMLInputElement>(el, '#meeting-day').min).to.equal(localDate(Date.now(), ZONE));
    expect([...q<HTMLSelectElement>(el, '#meeting-duration').options].map((o) => Number(o.value))).to.deep.equal([15, 30, 45, 60, 90, 120, 150, 180, 210, 240]);
    await expectAccessible(el);

    // Required: the subject (the summary takes focus, the field tells why).
    set(el, 'meeting-subject', '   ');
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => deepActive()?.id === 'error-summary', 'the summary takes focus');
    expect(q(el, '#meeting-subject-error').textContent).to.equal('Informe o assunto.');
    expect(q(el, '#meeting-subject').getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);

    const slot = freeSlot();
    set(el, 'meeting-day', slot.day);
    set(el, 'meeting-hour', slot.hour);
    set(el, 'meeting-duration', '45');
    set(el, 'meeting-subject', 'Entrega da CNH');
    await el.updateComplete;
    expect(shadowText(el)).to.contain(`Restam ${200 - 'Entrega da CNH'.length} caracteres`);
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => !dialogOpen(el) && meetingItem(el, 'Entrega da CNH'), 'the meeting is listed');
    const end = new Date(Date.parse(slot.startsAt) + 45 * MINUTE).toISOString();
    const item = meetingItem(el, 'Entrega da CNH')!;
    const text = item.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(`${day(slot.startsAt)}, das ${slot.hour} às ${time(end)}`);
    expect(text).to.contain('Agendada');
    expect(text).to.contain(`Atendente: ${(await (await apiAs(ATTENDANT)).get('/me')).name}`);
    expect(q(el, '#notice').textContent).to.equal(`Videoconferência agendada para ${day(slot.startsAt)} às ${slot.hour}.`);
    await until(() => deepActive()?.id === 'notice', 'the notice takes focus');
    // Stored at the instant picked in the state's zone.
    const [stored] = (await (await apiAs(ATTENDANT)).get('/requests/:id/meetings', { params: { id: request.id } })).items;
    expect(Date.parse(stored!.startsAt)).to.equal(Date.parse(slot.startsAt));
    expect(stored!.durationMinutes).to.equal(45);
    await expectAccessible(el);
  });

  it('keeps the form as typed and shows the API’s refusal: a start in the past, an overlapping booking', async () => {
    const { request } = await inService();
    const other = await inService();
    const slot = freeSlot();
    await book(other.request.id, slot.startsAt, 'Outra solicitação');
    const el = await scheduler(request.id, ATTENDANT);
    q(el, '#schedule').click();
    await until(() => dialogOpen(el));

    // Yesterday: refused by the server, tied to the hour or shown in the form.
    set(el, 'meeting-day', addDays(localDate(Date.now(), ZONE), -1));
    set(el, 'meeting-hour', '10:00');
    set(el, 'meeting-subject', 'Assunto que não se perde');
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => el.shadowRoot!.querySelector('#meeting-hour-error, #form-failure'), 'the refusal is shown');
    expect(dialogOpen(el)).to.equal(true);
    expect(q<HTMLInputElement>(el, '#meeting-subject').value).to.equal('Assunto que não se perde');
    await expectAccessible(el);

    // The same slot as another booking of this attendant: 409, the server's message naming the other protocol.
    set(el, 'meeting-day', slot.day);
    set(el, 'meeting-hour', slot.hour);
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => el.shadowRoot!.querySelector('#form-failure')?.textContent?.includes(other.request.protocol), 'the overlap names the other protocol');
    expect(deepActive()?.id).to.equal('form-failure');
    expect(dialogOpen(el)).to.equal(true);
    expect(q<HTMLInputElement>(el, '#meeting-subject').value).to.equal('Assunto que não se perde');
    expect(q<HTMLInputElement>(el, '#meeting-day').value).to.equal(slot.day);
    expect((await (await apiAs(ATTENDANT)).get('/requests/:id/meetings', { params: { id: request.id } })).items).to.have.length(0);
    await expectAccessible(el);

    // Back: the dialog closes, focus returns to "Videoconferência"; reopened, what was typed is still there.
    q<HTMLButtonElement>(el, '.dialog-actions button[type="button"]').click();
    await until(() => !dialogOpen(el) && deepActive()?.id === 'schedule', 'focus back on Videoconferência');
    q(el, '#schedule').click();
    await until(() => dialogOpen(el));
    expect(q<HTMLInputElement>(el, '#meeting-subject').value).to.equal('Assunto que não se perde');
  });

  it('reschedules ("Reagendar", the same form filled in) and cancels ("Cancelar videoconferência?", a reason required)', async () => {
    const { citizen, request } = await inService();
    const slot = freeSlot();
    await book(request.id, slot.startsAt, 'Vistoria');
    const el = await scheduler(request.id, ATTENDANT);
    const id = (await (await apiAs(ATTENDANT)).get('/requests/:id/meetings', { params: { id: request.id } })).items[0]!.id;

    q(el, `#reschedule-${id}`).click();
    await until(() => dialogOpen(el));
    expect(q(el, '#dialog-h').textContent).to.equal('Reagendar videoconferência');
    expect(q<HTMLInputElement>(el, '#meeting-day').value).to.equal(slot.day);
    expect(q<HTMLInputElement>(el, '#meeting-hour').value).to.equal(slot.hour);
    expect(q<HTMLInputElement>(el, '#meeting-subject').value).to.equal('Vistoria');
    const moved = freeSlot();
    set(el, 'meeting-day', moved.day);
    set(el, 'meeting-hour', moved.hour);
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => !dialogOpen(el) && q(el, '#notice')?.textContent?.includes('reagendada'), 'rescheduled');
    expect(q(el, '#notice').textContent).to.equal(`Videoconferência reagendada para ${day(moved.startsAt)} às ${moved.hour}.`);
    expect(meetingItem(el, 'Vistoria')!.textContent!.replace(/\s+/g, ' ')).to.contain(`${day(moved.startsAt)}, das ${moved.hour}`);
    await expectAccessible(el);

    q(el, `#cancel-${id}`).click();
    await until(() => dialogOpen(el) && deepActive()?.id === 'cancel-reason', 'the confirmation opens on the reason');
    expect(q(el, '#dialog-h').textContent).to.equal('Cancelar videoconferência?');
    await expectAccessible(el);
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => el.shadowRoot!.querySelector('#cancel-reason-error'), 'the reason is required');
    expect(q(el, '#cancel-reason-error').textContent).to.equal('Diga por que a videoconferência é cancelada.');
    set(el, 'cancel-reason', 'O cidadão pediu outra data.');
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => !dialogOpen(el) && meetingItem(el, 'Vistoria')?.classList.contains('cancelled'), 'cancelled');
    const text = meetingItem(el, 'Vistoria')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Cancelada');
    expect(text).to.contain('Motivo do cancelamento: O cidadão pediu outra data.');
    expect(meetingItem(el, 'Vistoria')!.querySelector('button')).to.equal(null);
    expect(q(el, '#notice').textContent).to.equal('Videoconferência cancelada. O cidadão foi avisado.');
    await expectAccessible(el);
    el.remove();

    // The citizen reads the reason; nothing to reschedule or cancel.
    const own = await scheduler(request.id, citizen.sub);
    expect(shadowText(own)).to.contain('Motivo do cancelamento: O cidadão pediu outra data.');
    expect(own.shadowRoot!.querySelector('#schedule, [id^="reschedule-"], [id^="cancel-"]')).to.equal(null);
  });

  it('opens "Acessar" by the element’s clock: says when it opens, then is enabled, then "Encerrada"; a cancelled one shows its reason', async () => {
    const { request } = await inService();
    const m = await book(request.id, freeSlot().startsAt, 'Orientação');
    const start = Date.parse(m.startsAt);
    let now = start - 60 * MINUTE;
    // The app with a Jitsi domain, so "Acessar" can be enabled.
    const el = await scheduler(request.id, ATTENDANT, { api: '/video-api', now: () => now });
    const join = () => q<HTMLButtonElement>(el, `#join-${m.id}`);
    const hint = () => el.shadowRoot!.querySelector(`#join-hint-${m.id}`)?.textContent?.trim();

    // Before the window: not active, and it says when it opens (JOIN_LEAD_MINUTES = 10 before).
    const opens = new Date(start - 10 * MINUTE).toISOString();
    expect(join().getAttribute('aria-disabled')).to.equal('true');
    expect(hint()).to.equal(`Acessar abre às ${time(opens)} de ${day(opens)}`);
    expect(join().getAttribute('aria-describedby')).to.contain(`join-hint-${m.id}`);
    expect(meetingItem(el, 'Orientação')!.textContent).to.contain('Agendada');
    await expectAccessible(el);
    join().click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#join-name, [id^="note-"]')).to.equal(null);

    // In the window (the element re-reads its clock every 30 s; here the test moves it and says so).
    now = start - 5 * MINUTE;
    el.now = () => now;
    await until(() => join().getAttribute('aria-disabled') === 'false', 'Acessar opens');
    expect(hint()).to.equal(undefined);
    expect(meetingItem(el, 'Orientação')!.textContent).to.contain('Acesso liberado');
    await expectAccessible(el);

    // After the end: "Encerrada", nothing to reschedule or cancel.
    now = Date.parse(m.endsAt) + MINUTE;
    el.now = () => now;
    await until(() => hint() === 'Encerrada', 'ended');
    expect(join().getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.querySelector(`#reschedule-${m.id}, #cancel-${m.id}`)).to.equal(null);
    await expectAccessible(el);
    el.remove();

    // Cancelled: the reason, no "Acessar", whatever the clock.
    await (await apiAs(ATTENDANT)).post('/meetings/:id/cancel', { params: { id: m.id }, body: { reason: 'Atendente em licença.' } });
    const again = await scheduler(request.id, ATTENDANT, { api: '/video-api', now: () => start - 5 * MINUTE });
    const item = meetingItem(again, 'Orientação')!;
    expect(item.textContent!.replace(/\s+/g, ' ')).to.contain('Cancelada').and.contain('Motivo do cancelamento: Atendente em licença.');
    expect(item.querySelector('button')).to.equal(null);
    await expectAccessible(again);
  });

  it('says plainly that video is not configured here, with no call to the join route', async () => {
    const { request } = await inService();
    const m = await book(request.id, freeSlot().startsAt, 'Sem vídeo', ATTENDANT_2);
    const el = await scheduler(request.id, ATTENDANT, { now: () => Date.parse(m.startsAt) });
    const join = q<HTMLButtonElement>(el, `#join-${m.id}`);
    expect(meetingItem(el, 'Sem vídeo')!.textContent).to.contain('Acesso liberado');
    expect(join.getAttribute('aria-disabled')).to.equal('true');
    expect(q(el, `#join-hint-${m.id}`).textContent!.trim()).to.equal('A videoconferência não está configurada neste ambiente.');
    join.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#join-name, #call')).to.equal(null);
    await expectAccessible(el);
  });

  it('joins the call: the name step, then external_api.js from the domain with the room, token and name; leaving returns to "Acessar"', async () => {
    const { citizen, request } = await inService();
    const m = await book(request.id, new Date(Date.now() + 3 * MINUTE).toISOString(), 'Chamada de teste');
    const el = await scheduler(request.id, citizen.sub, { api: '/video-api' });
    const join = () => q<HTMLButtonElement>(el, `#join-${m.id}`);
    expect(join().getAttribute('aria-disabled')).to.equal('false');
    join().click();
    await until(() => deepActive()?.id === 'join-name', 'the name step takes focus');
    expect(q<HTMLInputElement>(el, '#join-name').value).to.equal(citizen.name);
    await expectAccessible(el);
    set(el, 'join-name', '');
    q<HTMLButtonElement>(el, '.join-form button[type="submit"]').click();
    await until(() => el.shadowRoot!.querySelector('#join-name-error'), 'a name is required');
    set(el, 'join-name', 'Maria (cidadã)');
    q<HTMLButtonElement>(el, '.join-form button[type="submit"]').click();
    await until(() => standIn()?.instances.length === 1, 'the call is created');
    const call = standIn()!.instances[0]!;
    expect(call.domain).to.equal(location.host);
    const o = call.options as Record<string, unknown> & { parentNode: HTMLElement; configOverwrite: { prejoinConfig: { enabled: boolean } } };
    expect(o.roomName).to.be.a('string').and.not.contain(request.protocol);
    expect(o.parentNode).to.equal(q(el, '#call'));
    expect(o.width).to.equal('100%');
    expect(o.userInfo).to.deep.equal({ displayName: 'Maria (cidadã)' });
    expect(o.lang).to.equal('ptBR');
    expect(o.configOverwrite.prejoinConfig.enabled).to.equal(true);
    expect(o).not.to.have.property('jwt'); // a Jitsi without tokens (JITSI_DOMAIN only)
    expect(o.parentNode.querySelector('iframe')).to.exist;
    expect(deepActive()?.id).to.equal('video-h');
    await expectAccessible(el);

    // Jitsi says the call is over: disposed, back to the list, focus on "Acessar".
    call.fire('readyToClose');
    await until(() => call.disposed && deepActive()?.id === `join-${m.id}`, 'back on Acessar');

    // Again, leaving with "Sair da chamada"; external_api.js was loaded once for the page.
    join().click();
    await until(() => el.shadowRoot!.querySelector('#join-name'));
    q<HTMLButtonElement>(el, '.join-form button[type="submit"]').click();
    await until(() => standIn()?.instances.length === 2, 'the second call');
    expect(standIn()!.instances[1]!.options.userInfo).to.deep.equal({ displayName: citizen.name });
    q(el, '#leave').click();
    await until(() => standIn()!.instances[1]!.disposed && deepActive()?.id === `join-${m.id}`, 'left with Sair da chamada');
    expect(standIn()!.loads).to.equal(1);
  });

  it('refuses "Acessar" outside the window with the API’s message', async () => {
    const { request } = await inService();
    const m = await book(request.id, freeSlot().startsAt, 'Mais tarde');
    // The element's clock says it is open; the server's does not: 409, its words.
    const el = await scheduler(request.id, ATTENDANT, { api: '/video-api', now: () => Date.parse(m.startsAt) });
    expect(q(el, `#join-${m.id}`).getAttribute('aria-disabled')).to.equal('false');
    q(el, `#join-${m.id}`).click();
    await until(() => el.shadowRoot!.querySelector(`#note-${m.id}`), 'the refusal is shown');
    expect(q(el, `#note-${m.id}`).textContent!.trim()).to.not.equal('');
    expect(el.shadowRoot!.querySelector('#join-name')).to.equal(null);
    await expectAccessible(el);
  });

  it('gives the citizen "Adicionar à agenda": an iCalendar file named after the protocol', async () => {
    const { citizen, request } = await inService();
    const m = await book(request.id, freeSlot().startsAt, 'Entrega');
    const el = await scheduler(request.id, citizen.sub);
    expect(el.shadowRoot!.querySelector('#schedule')).to.equal(null);
    expect(shadowText(el)).to.contain('Entrega');
    const blobs: Blob[] = [];
    const names: string[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), create.call(URL, b));
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      q(el, `#ics-${m.id}`).click();
      await until(() => names.length === 1, 'the file is downloaded');
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names[0]).to.equal(`videoconferencia-${request.protocol}.ics`);
    expect(blobs[0]!.type).to.match(/^text\/calendar/);
    expect(await blobs[0]!.text()).to.contain('BEGIN:VCALENDAR');
    await expectAccessible(el);
  });

  it('works with the keyboard alone and fits 375 px', async () => {
    await setViewport({ width: 375, height: 740 });
    const { request } = await inService();
    const el = await scheduler(request.id, ATTENDANT_2);
    await expectNoSidewaysScroll('the list');
    q(el, '#schedule').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialogOpen(el) && deepActive()?.id === 'meeting-day', 'the form opens on Enter');
    await expectNoSidewaysScroll('the form');
    // Tomorrow at 09:00 is proposed; Tab to the subject (through the day's and the hour's segments and the length).
    for (let i = 0; i < 12 && deepActive()?.id !== 'meeting-subject'; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('meeting-subject');
    await sendKeys({ type: 'Teclado' });
    await sendKeys({ press: 'Enter' });
    await until(() => !dialogOpen(el) && meetingItem(el, 'Teclado'), 'scheduled from the keyboard');
    await until(() => deepActive()?.id === 'notice');
    await expectNoSidewaysScroll('the meeting listed');
    const id = (await (await apiAs(ATTENDANT_2)).get('/requests/:id/meetings', { params: { id: request.id } })).items[0]!.id;
    q(el, `#cancel-${id}`).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.id === 'cancel-reason');
    await expectNoSidewaysScroll('the cancel dialog');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialogOpen(el) && deepActive()?.id === `cancel-${id}`, 'Escape closes, focus back on Cancelar');
    await expectAccessible(el);
  });
});

describe('atende-video-scheduler: the call from the keyboard', () => {
  it('Acessar, the name, Enter; then "Sair da chamada" and back on Acessar', async () => {
    const { citizen, request } = await inService();
    const m = await book(request.id, new Date(Date.now() + 4 * MINUTE).toISOString(), 'Pelo teclado', ATTENDANT_2);
    const el = await scheduler(request.id, citizen.sub, { api: '/video-api' });
    const before = standIn()?.instances.length ?? 0;
    q(el, `#join-${m.id}`).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.id === 'join-name', 'the name step');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' Souza' });
    await sendKeys({ press: 'Enter' });
    await until(() => standIn()?.instances.length === before + 1 && deepActive()?.id === 'video-h', 'in the call');
    expect(standIn()!.instances.at(-1)!.options.userInfo).to.deep.equal({ displayName: `${citizen.name} Souza` });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('leave');
    await sendKeys({ press: 'Enter' });
    await until(() => standIn()!.instances.at(-1)!.disposed && deepActive()?.id === `join-${m.id}`, 'back on Acessar');
  });
});

describe('atende-video-scheduler in another state’s zone', () => {
  it('reads the day and hour typed in the server’s TIME_ZONE (Brasília here), not the browser’s', async () => {
    const SP = 'America/Sao_Paulo';
    const citizen = newCitizen();
    const filed = await fileRequest({ citizen: citizen.sub, api: '/sao-paulo/api' });
    const request = await advance(filed.id, 'in_service');
    const el = await scheduler(request.id, ATTENDANT, { api: '/sao-paulo/api' });
    q(el, '#schedule').click();
    await until(() => dialogOpen(el));
    expect(shadowText(el)).to.contain('(America/Sao_Paulo)');
    const d = addDays(localDate(Date.now(), SP), 20 + Math.floor(Math.random() * 380));
    const hour = `${String(8 + Math.floor(Math.random() * 9)).padStart(2, '0')}:${String(5 * Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    set(el, 'meeting-day', d);
    set(el, 'meeting-hour', hour);
    set(el, 'meeting-subject', 'Em Brasília');
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => meetingItem(el, 'Em Brasília'), 'scheduled');
    const [m] = (await (await apiAs(ATTENDANT, '/sao-paulo/api')).get('/requests/:id/meetings', { params: { id: request.id } })).items;
    expect(m!.startsAt).to.equal(zonedInstant(d, hour, SP).toISOString());
    expect(meetingItem(el, 'Em Brasília')!.textContent).to.contain(`${d.split('-').reverse().join('/')}, das ${hour}`);
  });
});
