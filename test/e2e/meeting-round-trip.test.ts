// Issue 12's "done means", through the demo pages as people use them (each in
// an iframe against the real BFF): an attendant opens a request in attendance
// on sei.html and schedules a meeting with "Videoconferência" a few minutes
// ahead; the citizen sees it on portal.html with "Adicionar à agenda" (an
// iCalendar file) and "Acessar", which on the demo (no Jitsi) says video is
// not configured; with a Jitsi without tokens (the second app under
// /video-api/, with a stand-in external_api.js: web-test-runner.config.js)
// both enter the same room, the attendant as moderator; a colleague without
// an account opens the day's shared list from sei.html's "Agenda" and sees
// the protocol and the citizen's initials, never the name. axe in every state.
//
// The attendant is a servant of this test's own, made an attendant of DETRAN
// (set-up through the API, as the request in attendance): other files book
// meetings near now for the demo's attendants, and an overlapping booking
// would be refused.
import { expect, fixture, html } from '@open-wc/testing';
import type * as Axe from 'axe-core';
import { localDate, localTime } from '../../contract/time.js';
import type { AppConfig, MeetingJoin, RequestDetail } from '../../contract/types.js';
import { advance, click, expectAccessible, fileRequest, newCitizen, token, until, q, text, deepActive } from '../../components/internal/test-support.js';
import { approveViaApi, askViaApi, newServant } from '../../components/access-requests/access-requests.test-helpers.js';
import '../../components/video-scheduler/define.js';
import type { AtendeVideoScheduler } from '../../components/video-scheduler/video-scheduler.js';

const MINUTE = 60_000;
const NOT_CONFIGURED = 'A videoconferência não está configurada neste ambiente.';

type Frame = { frame: HTMLIFrameElement; doc: Document; win: Window & typeof globalThis & { axe?: typeof Axe } };

/** Loads a demo page in an iframe. */
async function open(src: string): Promise<Frame> {
  const frame = await fixture<HTMLIFrameElement>(html`<iframe src=${src} title="Página de demonstração" style="width:1280px;height:800px;border:0"></iframe>`);
  const path = new URL(src, location.href).pathname;
  await until(() => frame.contentWindow?.location.pathname === path && frame.contentDocument?.readyState === 'complete', `${src} loaded`);
  return { frame, doc: frame.contentDocument!, win: frame.contentWindow as Frame['win'] };
}

/** A page's markup in an iframe of this origin (the shared agenda refuses to be framed: frame-ancestors 'none'). */
async function openMarkup(markup: string): Promise<Frame> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe srcdoc=${markup} title="Agenda compartilhada" style="width:1280px;height:800px;border:0"></iframe>`,
  );
  await until(() => frame.contentDocument?.readyState === 'complete' && frame.contentDocument.querySelector('main'), 'the markup loaded');
  return { frame, doc: frame.contentDocument!, win: frame.contentWindow as Frame['win'] };
}

/** axe inside the page (the page's own copy, so it sees the page's document and shadow roots). */
async function expectClean({ doc, win }: Frame, state: string): Promise<void> {
  if (!win.axe) {
    const script = Object.assign(doc.createElement('script'), { src: '/node_modules/axe-core/axe.min.js' });
    doc.head.append(script);
    await until(() => win.axe, 'axe loaded in the page');
  }
  const results = await win.axe!.run(doc, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  const found = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe, ${state}`).to.deep.equal([]);
}

const queueRows = (doc: Document) => [...(doc.querySelector('atende-request-queue')?.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
/** The queue has its rows (not dimmed while it refreshes, as after a change to the request open below it). */
const queueSettled = (doc: Document) => queueRows(doc).length > 0 && !doc.querySelector('atende-request-queue')!.shadowRoot!.querySelector('table.busy');
const formHeading = (doc: Document) => text(doc.querySelector('atende-analysis-form')?.shadowRoot?.querySelector('h2'));
const dialogOpen = (el: Element) => !!el.shadowRoot?.querySelector('dialog[open]');
const meetingItem = (el: Element, subject: string) =>
  [...(el.shadowRoot?.querySelectorAll<HTMLElement>('.meeting') ?? [])].find((li) => text(li.querySelector('h3')) === subject);
/** The id of a listed meeting (its heading is `meeting-<id>`). */
const meetingId = (item: HTMLElement) => Number(item.querySelector('h3')!.id.replace('meeting-', ''));

/** Sets a control's value as a picker (or typing) would, and tells the element, in the control's own window. */
function set(el: Element, id: string, value: string) {
  const input = q<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
  const Win = input.ownerDocument.defaultView as typeof window;
  input.value = value;
  input.dispatchEvent(new Win.Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }));
}

interface StandIn {
  loads: number;
  instances: { domain: string; options: Record<string, unknown> & { parentNode: HTMLElement }; disposed: boolean }[];
}
const standIn = () => (window as unknown as { jitsiStandIn?: StandIn }).jitsiStandIn;

describe('video meetings, end to end: schedule in SEI, the citizen on the portal, the call, the shared day list', () => {
  let zone: string;
  let servant: { sub: string; name: string };
  let citizen: { sub: string; word: string };
  let request: RequestDetail;
  const subject = `Entrega da CNH ${newCitizen().word}`;
  let slot: { day: string; hour: string; startsAt: number };
  let id: number;

  before(async () => {
    zone = ((await (await fetch('/api/config')).json()) as AppConfig).timeZone;
    servant = newServant();
    await approveViaApi((await askViaApi(servant.sub)).id);
    // A citizen whose initials skip a particle: "Érica dos Santos t…" → "É. S. T.".
    const word = newCitizen().word;
    citizen = { sub: `Érica dos Santos ${word}`, word };
    request = await advance((await fileRequest({ citizen: citizen.sub })).id, 'in_service', servant.sub);
  });

  it('the attendant opens the request on sei.html and schedules it with "Videoconferência": a few minutes ahead, listed', async () => {
    const f = await open(`/demo/sei.html?usuario=${encodeURIComponent(servant.sub)}`);
    await until(() => queueRows(f.doc).length > 0, 'the queue');
    f.doc.querySelector('atende-request-queue')!.shadowRoot!.querySelector<HTMLInputElement>('#q')!.value = request.protocol;
    await click(f.doc, 'Buscar');
    await click(f.doc, `Abrir solicitação ${request.protocol}`);
    const video = f.doc.querySelector('atende-video-scheduler')!;
    await until(() => formHeading(f.doc) === `Solicitação ${request.protocol}` && video.shadowRoot?.querySelector('#schedule'), 'the request open');
    expect(text(q(video, '#schedule'))).to.match(/Videoconferência$/);
    expect(text(video.shadowRoot)).to.contain('Nenhuma videoconferência agendada.');
    await until(() => queueSettled(f.doc), 'the queue settled');
    await expectClean(f, 'SEI, the request open');

    q(video, '#schedule').click();
    await until(() => dialogOpen(video) && deepActive(f.doc)?.id === 'meeting-day', 'the form, focus on Dia');
    await expectClean(f, 'SEI, the form');
    // The next five minutes at least two minutes ahead, in the state's zone: inside "Acessar"'s lead (JOIN_LEAD_MINUTES, 10).
    const startsAt = Math.ceil((Date.now() + 2 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE;
    slot = { day: localDate(startsAt, zone), hour: localTime(startsAt, zone), startsAt };
    set(video, 'meeting-day', slot.day);
    set(video, 'meeting-hour', slot.hour);
    set(video, 'meeting-duration', '30');
    set(video, 'meeting-subject', subject);
    q<HTMLButtonElement>(video, 'dialog button[type="submit"]').click();
    await until(() => !dialogOpen(video) && meetingItem(video, subject), 'the meeting listed');
    const brDay = slot.day.split('-').reverse().join('/');
    expect(text(q(video, '#notice'))).to.equal(`Videoconferência agendada para ${brDay} às ${slot.hour}.`);
    const item = meetingItem(video, subject)!;
    id = meetingId(item);
    expect(text(item)).to.contain(`${brDay}, das ${slot.hour} às ${localTime(startsAt + 30 * MINUTE, zone)}`);
    expect(text(item)).to.contain(`Atendente: ${servant.name}`);
    // Already in the window: "Acessar", and on the demo (no Jitsi) the plain word that video is not configured.
    expect(text(item)).to.contain('Acesso liberado');
    expect(text(item.querySelector(`#join-${id}`))).to.equal('Acessar');
    expect(text(item.querySelector(`#join-hint-${id}`))).to.equal(NOT_CONFIGURED);
    await until(() => queueSettled(f.doc), 'the queue refreshed');
    await expectClean(f, 'SEI, the meeting listed');
  });

  it('the citizen sees it on portal.html: "Adicionar à agenda" downloads an iCalendar file; "Acessar" says video is not configured here', async () => {
    const f = await open(`/demo/portal.html?cidadao=${encodeURIComponent(citizen.sub)}&solicitacao=${request.id}`);
    const video = f.doc.querySelector('atende-video-scheduler')!;
    await until(() => formHeading(f.doc) === `Solicitação ${request.protocol}` && meetingItem(video, subject), 'the request with its meeting');
    const item = meetingItem(video, subject)!;
    expect(video.shadowRoot!.querySelector('#schedule, [id^="reschedule-"], [id^="cancel-"]')).to.equal(null);
    expect(text(item)).to.contain(`${slot.day.split('-').reverse().join('/')}, das ${slot.hour}`);
    expect(text(item)).to.contain('Acesso liberado');
    expect(text(item.querySelector(`#ics-${id}`))).to.equal('Adicionar à agenda');
    await expectClean(f, 'portal, the meeting');

    // "Adicionar à agenda": the download the element hands the browser (caught in the page's own window).
    const blobs: Blob[] = [];
    const names: string[] = [];
    const { URL: PageURL, HTMLAnchorElement: PageAnchor } = f.win;
    const create = PageURL.createObjectURL;
    const anchorClick = PageAnchor.prototype.click;
    PageURL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), create.call(PageURL, b));
    PageAnchor.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      await click(video.shadowRoot!, 'Adicionar à agenda');
      await until(() => names.length === 1, 'the file downloaded');
    } finally {
      PageURL.createObjectURL = create;
      PageAnchor.prototype.click = anchorClick;
    }
    expect(names[0]).to.equal(`videoconferencia-${request.protocol}.ics`);
    expect(blobs[0]!.type).to.match(/^text\/calendar/);
    // Unfolded (RFC 5545 folds lines past 75 octets).
    const ics = (await blobs[0]!.text()).replace(/\r?\n[ \t]/g, '');
    expect(ics).to.contain('BEGIN:VEVENT');
    expect(ics).to.match(new RegExp(`^SUMMARY:.*${subject}`, 'm'));

    // "Acessar": on the demo, no call, the plain message (tied to the button, which a screen reader announces as unavailable).
    const join = q<HTMLButtonElement>(video, `#join-${id}`);
    expect(join.getAttribute('aria-disabled')).to.equal('true');
    expect(join.getAttribute('aria-describedby')).to.contain(`join-hint-${id}`);
    await click(video.shadowRoot!, 'Acessar');
    await until(() => text(meetingItem(video, subject)).includes(NOT_CONFIGURED), 'says video is not configured');
    expect(video.shadowRoot!.querySelector('#join-name, #call')).to.equal(null);
    await expectClean(f, 'portal, Acessar without a Jitsi');
  });

  it('with a Jitsi (no tokens): both press "Acessar", give their name and are in the same room; the server makes the attendant moderator', async () => {
    const answers: MeetingJoin[] = [];
    const realFetch = window.fetch;
    // What the join route answered each side (the response read, untouched).
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await realFetch(input, init);
      if (/\/video-api\/meetings\/\d+\/join$/.test(String(input instanceof Request ? input.url : input)) && res.ok)
        answers.push((await res.clone().json()) as MeetingJoin);
      return res;
    };
    const rooms: string[] = [];
    try {
      for (const [sub, name] of [
        [servant.sub, servant.name],
        [citizen.sub, citizen.sub],
      ]) {
        const el = await fixture<AtendeVideoScheduler>(
          html`<atende-video-scheduler request-id=${request.id} api="/video-api" .token=${await token(sub)}></atende-video-scheduler>`,
        );
        await until(() => meetingItem(el, subject), `${name}: the meeting`);
        const join = q<HTMLButtonElement>(el, `#join-${id}`);
        expect(join.getAttribute('aria-disabled'), `${name}: Acessar enabled`).to.equal('false');
        expect(el.shadowRoot!.querySelector(`#join-hint-${id}`)).to.equal(null);
        await expectAccessible(el);
        const before = standIn()?.instances.length ?? 0;
        join.click();
        await until(() => deepActive()?.id === 'join-name', `${name}: the name step`);
        expect(q<HTMLInputElement>(el, '#join-name').value).to.equal(name);
        await expectAccessible(el);
        q<HTMLButtonElement>(el, '.join-form button[type="submit"]').click();
        await until(() => standIn()?.instances.length === before + 1, `${name}: the call`);
        const call = standIn()!.instances.at(-1)!;
        expect(call.domain).to.equal(location.host);
        expect(call.options.parentNode).to.equal(q(el, '#call'));
        expect(call.options.parentNode.querySelector('iframe')).to.exist;
        expect(call.options.userInfo).to.deep.equal({ displayName: name });
        expect(call.options.roomName).to.be.a('string').and.not.contain(request.protocol);
        expect(call.options, 'a Jitsi without tokens: no jwt').not.to.have.property('jwt');
        rooms.push(call.options.roomName as string);
        await expectAccessible(el);
        q(el, '#leave').click();
        await until(() => call.disposed && deepActive()?.id === `join-${id}`, `${name}: back on Acessar`);
        el.remove();
      }
    } finally {
      window.fetch = realFetch;
    }
    expect(rooms[0]).to.equal(rooms[1]);
    expect(answers.map((a) => [a.displayName, a.room, a.jwt, a.moderator])).to.deep.equal([
      [servant.name, rooms[0], null, true],
      [citizen.sub, rooms[0], null, false],
    ]);
  });

  it('a colleague without an account opens the shared day list from sei.html\'s "Agenda": the protocol and the initials, no name', async () => {
    const f = await open(`/demo/sei.html?usuario=${encodeURIComponent(servant.sub)}`);
    const agenda = f.doc.querySelector('atende-day-agenda')!;
    await until(() => !f.doc.getElementById('agenda')!.hidden && agenda.shadowRoot?.querySelector('#day'), 'the agenda shown');
    set(agenda, 'day', slot.day);
    agenda.shadowRoot!.querySelector('#day')!.dispatchEvent(new f.win.Event('change', { bubbles: true }));
    const row = () => [...agenda.shadowRoot!.querySelectorAll('tbody tr')].find((r) => text(r).includes(request.protocol));
    await until(row, 'the meeting in the agenda');
    expect(text(row())).to.contain(subject).and.contain(servant.name);
    await expectClean(f, 'SEI, Agenda');

    await click(agenda.shadowRoot!, 'Compartilhar');
    await until(() => dialogOpen(agenda) && agenda.shadowRoot!.querySelector('#share-create'), 'the share dialog');
    await expectClean(f, 'SEI, the share dialog');
    await click(agenda.shadowRoot!, 'Gerar link');
    await until(() => agenda.shadowRoot!.querySelector<HTMLInputElement>('#share-url')?.value, 'the link');
    const url = q<HTMLInputElement>(agenda, '#share-url').value;
    await expectClean(f, 'SEI, the link');

    // No token, no cookie: what anyone with the link gets.
    const page = await fetch(new URL(url, location.href).pathname, { credentials: 'omit' });
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    const body = await page.text();
    expect(body).to.contain(request.protocol);
    expect(body).not.to.contain(citizen.sub);
    expect(body).not.to.contain(citizen.word);
    expect(body).not.to.contain(subject);
    const shared = await openMarkup(body);
    const sharedRow = [...shared.doc.querySelectorAll('tbody tr')].find((r) => text(r).includes(request.protocol))!;
    const cell = (label: string) => text(sharedRow.querySelector(`td[data-label="${label}"]`));
    expect([cell('Horário'), cell('Protocolo'), cell('Atendente'), cell('Cidadão')]).to.deep.equal([
      `${slot.hour}–${localTime(slot.startsAt + 30 * MINUTE, zone)}`,
      request.protocol,
      servant.name,
      'É. S. T.',
    ]);
    await expectClean(shared, 'the shared day list');
  });
});
