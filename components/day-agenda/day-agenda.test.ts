// "Agenda do dia" in Chromium against the real BFF: meetings booked through
// the API on fresh requests in attendance, then listed for their day (time in
// the state's zone, protocol, service, attendant, subject, situation); "Somente
// as minhas"; day navigation; CSV / ICS downloads as Blobs; the print layout;
// "Compartilhar" → a link that opens without signing in, then revoked; the
// keyboard alone and 375 px cards; axe in every state. Other test files book
// meetings too: every test here uses a day of its own, far in the future.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { addDays, localDate, zonedInstant } from '../../contract/time.js';
import type { AppConfig, RequestDetail } from '../../contract/types.js';
import {
  ATTENDANT,
  ATTENDANT_2,
  book,
  advance,
  apiAs,
  expectAccessible,
  expectNoSidewaysScroll,
  fileRequest,
  newCitizen,
  token,
  until,
  q,
  text,
  deepActive,
} from '../internal/test-support.js';
import { institution, newServant } from '../access-requests/access-requests.test-helpers.js';
import './define.js';
import type { AtendeDayAgenda } from './day-agenda.js';

let config: Promise<AppConfig> | undefined;
const zone = async () => (await (config ??= fetch('/api/config').then((r) => r.json() as Promise<AppConfig>))).timeZone;

/** A day no other test (here or in another file) books on: years ahead, at random, one per call. */
const base = addDays(localDate(Date.now(), 'UTC'), 400 + Math.floor(Math.random() * 3000) * 3);
let days = 0;
const freshDay = () => addDays(base, 3 * days++);

/** A request of a fresh citizen in attendance with `attendant`, and a meeting on it at `day` `time` (in the state's zone). */
async function booked(day: string, time: string, opts: { attendant?: string; minutes?: number; subject?: string } = {}) {
  const attendant = opts.attendant ?? ATTENDANT;
  const citizen = newCitizen();
  const request: RequestDetail = await advance((await fileRequest({ citizen: citizen.sub })).id, 'in_service', attendant);
  const startsAt = zonedInstant(day, time, await zone()).toISOString();
  const meeting = await book(request.id, startsAt, opts.subject ?? `Conversa ${citizen.word}`, attendant, opts.minutes ?? 30);
  return { citizen, request, meeting };
}

async function agenda(day: string | undefined, sub = ATTENDANT) {
  const el = day
    ? await fixture<AtendeDayAgenda>(html`<atende-day-agenda date=${day} .token=${await token(sub)}></atende-day-agenda>`)
    : await fixture<AtendeDayAgenda>(html`<atende-day-agenda .token=${await token(sub)}></atende-day-agenda>`);
  await until(() => el.shadowRoot?.querySelector('.table, .empty, .list-error'), 'agenda loaded');
  return el;
}

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const row = (el: Element, protocol: string) => rows(el).find((r) => text(r.cells[1]) === protocol);
const cells = (r: HTMLTableRowElement) => [...r.cells].map((c) => text(c));
const button = (root: ParentNode, label: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);
const shareDialog = (el: Element) => q<HTMLDialogElement>(el, 'dialog');

describe('atende-day-agenda', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ media: 'screen' });
  });

  it('lists the day’s meetings: time in the state’s zone, protocol, service, attendant, subject and situation', async () => {
    const day = freshDay();
    const later = await booked(day, '14:00', { minutes: 45, subject: 'Entrega de documentos, "original" e cópia' });
    const first = await booked(day, '10:00');
    const cancelled = await booked(day, '16:00');
    await (await apiAs(ATTENDANT)).post('/meetings/:id/cancel', { params: { id: cancelled.meeting.id }, body: { reason: 'O cidadão pediu outra data.' } });
    const el = await agenda(day);
    expect(text(q(el, 'h2'))).to.equal('Agenda do dia');
    expect(text(q(el, '#agenda-day'))).to.equal(
      new Intl.DateTimeFormat('pt-BR', { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${day}T12:00:00Z`),
      ),
    );
    expect(text(q(el, '#agenda-day'))).to.match(/^[a-zç-]+-feira|sábado|domingo/);
    expect([...el.shadowRoot!.querySelectorAll('thead th')].map(text)).to.deep.equal(['Horário', 'Protocolo', 'Serviço', 'Atendente', 'Assunto', 'Situação']);
    expect(rows(el).map((r) => text(r.cells[1]))).to.deep.equal([first.request.protocol, later.request.protocol, cancelled.request.protocol]);
    const me = await (await apiAs(ATTENDANT)).get('/me');
    expect(cells(row(el, first.request.protocol)!)).to.deep.equal([
      '10:00–10:30',
      first.request.protocol,
      first.request.service.name,
      me.name,
      first.meeting.subject,
      'Agendada',
    ]);
    expect(cells(row(el, later.request.protocol)!)[0]).to.equal('14:00–14:45');
    expect(cells(row(el, later.request.protocol)!)[4]).to.equal('Entrega de documentos, "original" e cópia');
    const gone = cells(row(el, cancelled.request.protocol)!);
    expect(gone[5]).to.equal('Cancelada');
    expect(gone[4]).to.contain('Motivo: O cidadão pediu outra data.');
    expect(text(q(el, '.count'))).to.equal('3 videoconferências neste dia.');
    await expectAccessible(el);

    // The protocol opens the request in the host page.
    const opened = oneEvent(el, 'atende-request-open');
    row(el, first.request.protocol)!.querySelector<HTMLButtonElement>('.protocol')!.click();
    expect((await opened).detail).to.deep.equal({ id: first.request.id, protocol: first.request.protocol });
  });

  it('links each protocol with href-template', async () => {
    const day = freshDay();
    const { request } = await booked(day, '09:00');
    const el = await fixture<AtendeDayAgenda>(
      html`<atende-day-agenda date=${day} href-template="#/solicitacoes/{id}" .token=${await token(ATTENDANT)}></atende-day-agenda>`,
    );
    await until(() => row(el, request.protocol), 'listed');
    const a = row(el, request.protocol)!.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal(`#/solicitacoes/${request.id}`);
    expect(a.getAttribute('aria-label')).to.equal(`Abrir a solicitação ${request.protocol}`);
  });

  it('"Somente as minhas" leaves only the meetings I host', async () => {
    const day = freshDay();
    const mine = await booked(day, '10:00');
    const colleague = await booked(day, '10:00', { attendant: ATTENDANT_2 });
    const el = await agenda(day);
    await until(() => row(el, mine.request.protocol) && row(el, colleague.request.protocol), 'both listed');
    const toggle = q<HTMLInputElement>(el, '#mine');
    expect(toggle.getAttribute('role')).to.equal('switch');
    expect(text(toggle.closest('label'))).to.equal('Somente as minhas');
    toggle.click();
    await until(() => !row(el, colleague.request.protocol) && row(el, mine.request.protocol), 'only mine');
    expect(toggle.getAttribute('aria-checked')).to.equal('true');
    expect(rows(el)).to.have.length(1);
    await expectAccessible(el);
    toggle.click();
    await until(() => row(el, colleague.request.protocol), 'both again');
  });

  it('moves between days: "Próximo dia", "Dia anterior", a date typed, "Hoje" in the state’s zone', async () => {
    const day = freshDay();
    const next = addDays(day, 1);
    const today = await booked(day, '08:00');
    const tomorrow = await booked(next, '08:00');
    const el = await agenda(day);
    await until(() => row(el, today.request.protocol), 'the first day');
    button(el.shadowRoot!, 'Próximo dia ›')!.click();
    await until(() => row(el, tomorrow.request.protocol) && !row(el, today.request.protocol), 'the next day');
    expect(q<HTMLInputElement>(el, '#day').value).to.equal(next);
    button(el.shadowRoot!, '‹ Dia anterior')!.click();
    await until(() => row(el, today.request.protocol), 'back');
    const input = q<HTMLInputElement>(el, '#day');
    input.value = addDays(day, 2);
    input.dispatchEvent(new Event('change'));
    await until(() => q(el, '.empty'), 'an empty day');
    expect(text(q(el, '.empty'))).to.equal('Nenhuma videoconferência neste dia.');
    await expectAccessible(el);
    button(el.shadowRoot!, 'Hoje')!.click();
    const now = localDate(Date.now(), await zone());
    await until(() => q<HTMLInputElement>(el, '#day').value === now && q(el, '.table, .empty'), 'today');
  });

  it('without a date it opens on today in the state’s zone', async () => {
    const el = await agenda(undefined);
    expect(q<HTMLInputElement>(el, '#day').value).to.equal(localDate(Date.now(), await zone()));
  });

  it('shows loading, then an error with "Tentar novamente"', async () => {
    let release: (t: string) => void = () => {};
    const held = new Promise<string>((r) => (release = r));
    const el = await fixture<AtendeDayAgenda>(html`<atende-day-agenda date=${freshDay()} .tokenProvider=${() => held}></atende-day-agenda>`);
    await until(() => q(el, '.loading'), 'loading');
    expect(text(q(el, '.loading'))).to.equal('Carregando a agenda…');
    await expectAccessible(el);
    release('not-a-token');
    await until(() => q(el, '.list-error'), 'the error');
    expect(text(q(el, '.list-error'))).to.contain('Não foi possível carregar a agenda.');
    expect(button(el.shadowRoot!, 'Tentar novamente')).to.exist;
    await expectAccessible(el);
  });

  it('downloads the day as agenda-DATE.csv and agenda-DATE.ics (Blobs of the right type)', async () => {
    const day = freshDay();
    const { request } = await booked(day, '11:00', { subject: 'Vistoria, "urgente"; ação' });
    const el = await agenda(day);
    await until(() => row(el, request.protocol), 'listed');
    const saved: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      const url = create.call(URL, b);
      blobs.set(url, b as Blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) saved.push({ name: this.download, blob: blobs.get(this.href)! });
      else click.call(this);
    };
    try {
      button(el.shadowRoot!, 'Baixar CSV')!.click();
      await until(() => saved.length === 1, 'the CSV saved');
      button(el.shadowRoot!, 'Baixar ICS')!.click();
      await until(() => saved.length === 2, 'the ICS saved');
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved[0].name).to.equal(`agenda-${day}.csv`);
    expect(saved[0].blob.type).to.match(/^text\/csv/);
    const csv = await saved[0].blob.text();
    expect(csv).to.contain(request.protocol);
    expect(csv).to.contain('"Vistoria, ""urgente""; ação"');
    expect(saved[1].name).to.equal(`agenda-${day}.ics`);
    expect(saved[1].blob.type).to.match(/^text\/calendar/);
    const ics = await saved[1].blob.text();
    expect(ics).to.contain('BEGIN:VCALENDAR');
    expect(ics).to.contain(request.protocol);
    await until(() => text(q(el, '.notices')).includes(`Arquivo agenda-${day}.ics baixado.`), 'announced');
  });

  it('"Imprimir" prints the heading and the table only', async () => {
    const day = freshDay();
    const { request } = await booked(day, '13:00');
    const el = await agenda(day);
    await until(() => row(el, request.protocol), 'listed');
    const print = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      button(el.shadowRoot!, 'Imprimir')!.click();
    } finally {
      window.print = print;
    }
    expect(printed).to.equal(1);
    const shown = (sel: string) => getComputedStyle(q(el, sel)).display !== 'none';
    expect(shown('.controls') && shown('.actions')).to.be.true;
    await emulateMedia({ media: 'print' });
    await until(() => !shown('.controls'), 'print layout');
    expect(shown('.actions'), 'the buttons').to.be.false;
    expect(shown('.notices')).to.be.false;
    expect(shown('h2') && shown('#agenda-day')).to.be.true;
    expect(getComputedStyle(q(el, 'table')).display).to.equal('table');
    expect(getComputedStyle(q(el, 'thead')).display).to.equal('table-header-group');
  });

  it('"Compartilhar" makes a read-only link that opens without signing in, lists it, and "Revogar" revokes it', async () => {
    const day = freshDay();
    const { request, citizen } = await booked(day, '15:00');
    const el = await agenda(day);
    await until(() => row(el, request.protocol), 'listed');
    button(el.shadowRoot!, 'Compartilhar')!.click();
    await until(() => shareDialog(el).open && q(el, '#share-create'), 'the dialog');
    expect(text(q(el, '#share-intro'))).to.contain('horário, o protocolo, o serviço, o atendente e as iniciais do cidadão');
    await until(() => text(q(el, '.shares')).includes('Nenhum link compartilhado deste dia.'), 'no link yet');
    await expectAccessible(el);

    q<HTMLButtonElement>(el, '#share-create').click();
    await until(() => q(el, '#share-url') && deepActive()?.id === 'share-url', 'the link, focused');
    const url = q<HTMLInputElement>(el, '#share-url').value;
    expect(q<HTMLInputElement>(el, '#share-url').readOnly).to.be.true;
    const [y, m, d] = day.split('-');
    expect(text(q(el, '#share-valid'))).to.equal(`Válido até 23:59 de ${d}/${m}/${y}`);
    q<HTMLButtonElement>(el, '#share-copy').click();
    await until(() => /Link copiado\.|selecione o link e copie/.test(text(shareDialog(el))), 'copied, or how to copy');
    await until(() => el.shadowRoot!.querySelector('.share-item.active'), 'listed as active');
    expect(text(q(el, '.share-item.active'))).to.contain('Ativo');
    await expectAccessible(el);

    // A colleague without an account opens it: the day's list, no citizen's name.
    const page = await fetch(new URL(url, location.href).pathname);
    expect(page.status).to.equal(200);
    const body = await page.text();
    expect(body).to.contain(request.protocol);
    expect(body).not.to.contain(citizen.name);

    const item = q(el, '.share-item.active');
    button(item, 'Revogar')!.click();
    await until(() => text(item).includes('Revogar o link? Quem o abrir verá que foi revogado.'), 'asks first');
    await until(() => deepActive()?.textContent?.trim() === 'Sim, revogar', 'focus on the confirmation');
    await expectAccessible(el);
    (deepActive() as HTMLButtonElement).click();
    await until(() => el.shadowRoot!.querySelector('.share-item.revoked') && !el.shadowRoot!.querySelector('.share-item.active'), 'revoked');
    expect(text(q(el, '.share-item.revoked'))).to.contain('Revogado');
    expect(text(q(el, '.shares'))).to.contain('Link revogado.');
    const after = await fetch(new URL(url, location.href).pathname);
    const afterBody = await after.text();
    expect(afterBody).not.to.contain(request.protocol);
    expect(afterBody.toLowerCase()).to.contain('revogado');

    button(shareDialog(el), 'Fechar')!.click();
    await until(() => !shareDialog(el).open && deepActive()?.id === 'share', 'closed, focus back on "Compartilhar"');
  });

  it('works with the keyboard alone: next day, open a request, share and close with Escape', async () => {
    const day = freshDay();
    const { request } = await booked(addDays(day, 1), '10:00');
    const el = await agenda(day);
    q<HTMLInputElement>(el, '#day').focus();
    // Past the date's own fields (day, month, year), "Dia anterior" and "Hoje".
    const passed: string[] = [];
    for (let i = 0; i < 8 && deepActive()?.id !== 'next'; i++) {
      await sendKeys({ press: 'Tab' });
      passed.push(deepActive()?.id ?? '');
    }
    expect(passed.slice(-3)).to.deep.equal(['previous', 'today', 'next']);
    await sendKeys({ press: 'Enter' });
    await until(() => row(el, request.protocol), 'the next day, by keyboard');
    expect(deepActive()?.id).to.equal('next');
    // On to the protocol: the switch, the four actions, then the table.
    const opened = oneEvent(el, 'atende-request-open');
    for (let i = 0; i < 6 && !deepActive()?.classList.contains('protocol'); i++) await sendKeys({ press: 'Tab' });
    expect(text(deepActive())).to.equal(request.protocol);
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.id).to.equal(request.id);
    // Back to "Compartilhar" and through the dialog.
    await sendKeys({ press: 'Shift+Tab' });
    expect(deepActive()?.id).to.equal('share');
    await sendKeys({ press: 'Enter' });
    await until(() => shareDialog(el).open && q(el, '#share-create'), 'the dialog');
    await until(() => deepActive()?.id === 'share-create', 'focus in the dialog');
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.id === 'share-url', 'the link');
    await sendKeys({ press: 'Escape' });
    await until(() => !shareDialog(el).open && deepActive()?.id === 'share', 'closed, focus back');
  });

  it('at 375 px each meeting is a card, with no sideways scroll (the share dialog too)', async () => {
    await setViewport({ width: 375, height: 800 });
    const day = freshDay();
    const { request } = await booked(day, '10:00', { subject: 'Assunto comprido para ver se quebra a linha sem empurrar a página para o lado' });
    const el = await agenda(day);
    await until(() => row(el, request.protocol), 'listed');
    const tr = row(el, request.protocol)!;
    expect(getComputedStyle(tr).display).to.equal('block');
    expect(getComputedStyle(tr.cells[0], '::before').content).to.equal('"Horário"');
    await expectNoSidewaysScroll('the agenda at 375 px');
    await expectAccessible(el);
    button(el.shadowRoot!, 'Compartilhar')!.click();
    await until(() => shareDialog(el).open, 'the dialog');
    await expectNoSidewaysScroll('the share dialog at 375 px');
  });

  it('shows hours and days in the server’s zone, not the browser’s: the same meetings from a server in Brasília’s zone', async () => {
    const day = freshDay();
    const morning = await booked(day, '10:00');
    const late = await booked(day, '23:30');
    // Porto Velho (UTC−4), the default server: both on `day`.
    const here = await agenda(day);
    await until(() => row(here, morning.request.protocol) && row(here, late.request.protocol), 'both on the day');
    expect(cells(row(here, morning.request.protocol)!)[0]).to.equal('10:00–10:30');
    expect(cells(row(here, late.request.protocol)!)[0]).to.equal('23:30–00:00');
    // Brasília (UTC−3): an hour later, and the late one is already the next day.
    const t = await token(ATTENDANT);
    const there = await fixture<AtendeDayAgenda>(html`<atende-day-agenda api="/sao-paulo/api" date=${day} .token=${t}></atende-day-agenda>`);
    await until(() => row(there, morning.request.protocol), 'listed in Brasília');
    expect(cells(row(there, morning.request.protocol)!)[0]).to.equal('11:00–11:30');
    expect(row(there, late.request.protocol)).to.be.undefined;
    button(there.shadowRoot!, 'Próximo dia ›')!.click();
    await until(() => row(there, late.request.protocol), 'the late one on the next day');
    expect(cells(row(there, late.request.protocol)!)[0]).to.equal('00:30–01:00');
  });

  it('for who attends several institutions: a choice of institution, for the list and for the link', async () => {
    // A servant made attendant of DETRAN and of SEFIN by their managers.
    const servant = newServant();
    for (const [acronym, manager] of [
      ['DETRAN', 'gestora.detran'],
      ['SEFIN', 'gestora.sefin'],
    ] as const) {
      const inst = await institution(acronym);
      const asked = await (
        await apiAs(servant.sub)
      ).post('/access-requests', { body: { institutionId: inst.id, unit: inst.units[0], ordinance: 'Portaria nº 7/2026' } });
      await (await apiAs(manager)).post('/access-requests/:id/approve', { params: { id: asked.id }, body: {} });
    }
    const [detran, sefin] = [await institution('DETRAN'), await institution('SEFIN')];
    const day = freshDay();
    const { request } = await booked(day, '10:00');
    const el = await agenda(day, servant.sub);
    await until(() => row(el, request.protocol), 'listed under all institutions');
    const select = q<HTMLSelectElement>(el, '#institution');
    expect([...select.options].map((o) => text(o))).to.deep.equal([
      'Todas as instituições',
      `${detran.acronym} — ${detran.name}`,
      `${sefin.acronym} — ${sefin.name}`,
    ]);
    select.value = String(sefin.id);
    select.dispatchEvent(new Event('change'));
    await until(() => q(el, '.empty'), 'nothing at SEFIN');
    select.value = String(detran.id);
    select.dispatchEvent(new Event('change'));
    await until(() => row(el, request.protocol), 'DETRAN’s again');
    await expectAccessible(el);

    select.value = '';
    select.dispatchEvent(new Event('change'));
    button(el.shadowRoot!, 'Compartilhar')!.click();
    await until(() => shareDialog(el).open && q(el, '#share-institution'), 'the dialog asks which institution');
    const which = q<HTMLSelectElement>(el, '#share-institution');
    which.value = String(sefin.id);
    which.dispatchEvent(new Event('change'));
    q<HTMLButtonElement>(el, '#share-create').click();
    await until(() => el.shadowRoot!.querySelector('.share-item.active'), 'the link');
    expect(text(q(el, '.share-item.active'))).to.contain('SEFIN');
  });

  it('speaks English with lang="en"', async () => {
    const el = await fixture<AtendeDayAgenda>(html`<atende-day-agenda lang="en" date=${freshDay()} .token=${await token(ATTENDANT)}></atende-day-agenda>`);
    await until(() => text(el.shadowRoot!.querySelector('.empty')) === 'No video meetings on this day.', 'English');
    expect(text(q(el, 'h2'))).to.equal('Day agenda');
  });
});
