// atende-access-requests in real Chromium against the real BFF: a servant
// asks for the attendant profile (the required fields, a refusal by the
// server that keeps what was typed, the draft across a reload); DETRAN's
// manager authorizes with and without a last day, refuses with a reason,
// revokes an attendant with requests in attendance and reads the history;
// the servant sees each outcome. The keyboard alone, a phone's width, axe in
// every state, English.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  ATTENDANT,
  advance,
  apiAs,
  deepActive,
  expectAccessible,
  expectNoSidewaysScroll,
  fileRequest,
  q,
  shadowText,
  text,
  token,
  until,
} from '../internal/test-support.js';
import '../define.js';
import './define.js';
import type { AtendeAccessRequests } from './access-requests.js';
import {
  MANAGER,
  accessElement,
  approveViaApi,
  askViaApi,
  brDay,
  card,
  cardFor,
  dayFromToday,
  dialog,
  fill,
  institution,
  newServant,
  openTab,
} from './access-requests.test-helpers.js';

const button = (root: ParentNode, label: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label || b.getAttribute('aria-label') === label);
const notice = (el: Element) => text(el.shadowRoot!.querySelector('#notice'));

async function press(root: ParentNode, label: string) {
  let b: HTMLButtonElement | undefined;
  await until(() => (b = button(root, label)), `button "${label}"`);
  b!.click();
}

/** Opens the dialog of `label` on the card headed `name` and waits until it shows, focus inside. */
async function openDialogOf(el: AtendeAccessRequests, name: string, label: string) {
  await press(await cardFor(el, name), label);
  await until(() => dialog(el).open && dialog(el).contains(deepActive()), `${label} dialog open`);
}

describe('atende-access-requests', () => {
  afterEach(() => localStorage.clear());

  it('asks a signed-out user to sign in, shows loading while it learns who signed in, and each state is accessible', async () => {
    const signedOut = await fixture<AtendeAccessRequests>(html`<atende-access-requests></atende-access-requests>`);
    expect(shadowText(signedOut)).to.contain('Entre com sua conta para pedir ou autorizar o perfil de atendente.');
    await expectAccessible(signedOut);

    const servant = newServant();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const provider = async () => {
      await held;
      return token(servant.sub);
    };
    const el = await fixture<AtendeAccessRequests>(html`<atende-access-requests .tokenProvider=${provider}></atende-access-requests>`);
    await until(() => el.shadowRoot!.querySelector('.loading'), 'loading shown');
    expect(text(q(el, '.loading'))).to.equal('Carregando…');
    await expectAccessible(el);
    release();
    await until(() => text(el.shadowRoot!.querySelector('.mine .placeholder')) !== '', 'servant view');
    expect(text(q(el, '#ask-h'))).to.equal('Solicitar perfil de atendente');
    expect(text(q(el, '.mine .placeholder'))).to.equal('Você ainda não pediu o perfil de atendente a nenhuma instituição.');
    await expectAccessible(el);
  });

  it('a servant asks: the summary names what is missing, a refusal keeps what was typed (also across a reload), then the request is sent', async () => {
    const servant = newServant();
    const detran = await institution();
    let el = await accessElement({ sub: servant.sub });
    await until(() => el.shadowRoot!.querySelector('#ask-institution option[value]:not([value=""])'), 'institutions listed');

    // Nothing filled in: every field is named, next to its control and in a summary that takes focus.
    q<HTMLButtonElement>(el, '#ask-submit').click();
    await until(() => deepActive()?.id === 'error-summary', 'focus on the summary');
    expect(text(q(el, '#error-summary')))
      .to.contain('Corrija o que está indicado para enviar:')
      .and.contain('Instituição: Escolha a instituição.');
    for (const [id, message] of [
      ['ask-institution', 'Escolha a instituição.'],
      ['ask-unit', 'Escolha a unidade (lotação).'],
      ['ask-ordinance', 'Informe a portaria ou o processo SEI.'],
    ]) {
      expect(q(el, `#${id}`).getAttribute('aria-invalid')).to.equal('true');
      expect(q(el, `#${id}`).getAttribute('aria-describedby')).to.contain(`${id}-error`);
      expect(text(q(el, `#${id}-error`))).to.equal(message);
    }
    await expectAccessible(el);

    // The unit comes from the institution's units.
    fill(el, 'ask-institution', String(detran.id));
    await el.updateComplete;
    const units = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#ask-unit option')].map((o) => o.value).filter(Boolean);
    expect(units).to.deep.equal(detran.units);
    fill(el, 'ask-unit', detran.units[1]);
    // Longer than the server takes: its message lands on the field, and nothing typed is lost.
    const tooLong = `Processo SEI ${'1'.repeat(200)}`;
    fill(el, 'ask-ordinance', tooLong);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#error-summary'), 'the errors go as the fields are filled').to.equal(null);
    q<HTMLButtonElement>(el, '#ask-submit').click();
    await until(() => text(el.shadowRoot!.querySelector('#ask-ordinance-error')).includes('200 caracteres'), 'the server refused the ordinance');
    expect(q(el, '#ask-ordinance').getAttribute('aria-invalid')).to.equal('true');
    expect(text(q(el, '#error-summary'))).to.contain('Portaria ou processo SEI:');
    await until(() => deepActive()?.id === 'error-summary', 'focus on the summary');
    expect(q<HTMLSelectElement>(el, '#ask-institution').value).to.equal(String(detran.id));
    expect(q<HTMLSelectElement>(el, '#ask-unit').value).to.equal(detran.units[1]);
    expect(q<HTMLInputElement>(el, '#ask-ordinance').value).to.equal(tooLong);
    await expectAccessible(el);
    // The summary's link takes focus to the field.
    q<HTMLAnchorElement>(el, '#error-summary a').click();
    expect(deepActive()?.id).to.equal('ask-ordinance');

    // What was typed survives a reload.
    el.remove();
    el = await accessElement({ sub: servant.sub });
    await until(() => q<HTMLInputElement>(el, '#ask-ordinance')?.value === tooLong, 'draft restored');
    expect(q<HTMLSelectElement>(el, '#ask-institution').value).to.equal(String(detran.id));
    expect(q<HTMLSelectElement>(el, '#ask-unit').value).to.equal(detran.units[1]);

    fill(el, 'ask-ordinance', 'Portaria nº 77/2026');
    const asked = oneEvent(el, 'atende-access-requested');
    q<HTMLButtonElement>(el, '#ask-submit').click();
    const { detail } = await asked;
    expect(detail.institutionId).to.equal(detran.id);
    await until(() => notice(el).startsWith('Solicitação enviada'), 'sent');
    expect(notice(el)).to.equal('Solicitação enviada: DETRAN. Um gestor da instituição vai decidir, e a decisão aparece em “Minhas solicitações”.');
    await until(() => deepActive()?.id === 'notice', 'focus on the status message');
    expect(deepActive()!.closest('[role="status"]')).to.exist;
    expect(q<HTMLInputElement>(el, '#ask-ordinance').value).to.equal('');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('atende:access-request-draft:'))).to.deep.equal([]);
    const mine = await cardFor(el, `DETRAN — ${detran.name}`);
    expect(text(mine)).to.contain('Pendente').and.contain(detran.units[1]).and.contain('Portaria nº 77/2026');
    await expectAccessible(el);

    // A second one while the first is pending: the server's reason, and the typing stays.
    fill(el, 'ask-institution', String(detran.id));
    await el.updateComplete;
    fill(el, 'ask-unit', detran.units[0]);
    fill(el, 'ask-ordinance', 'Portaria nº 78/2026');
    q<HTMLButtonElement>(el, '#ask-submit').click();
    await until(() => el.shadowRoot!.querySelector('[role="alert"] #notice'), 'refused');
    await until(() => deepActive()?.id === 'notice', 'focus on the error');
    expect(q<HTMLInputElement>(el, '#ask-ordinance').value).to.equal('Portaria nº 78/2026');
    await expectAccessible(el);
  });

  it('a manager authorizes with no last day: the dialog, cancel returns focus, the event, the decided list and the attendants', async () => {
    const servant = newServant();
    const asked = await askViaApi(servant.sub);
    const el = await accessElement({ sub: MANAGER });
    await until(() => text(q(el, '#manage-h')) === 'Acessos — DETRAN', 'manager view');
    const pending = await cardFor(el, servant.name);
    expect(text(pending)).to.contain('Gerência de Habilitação').and.contain('Portaria nº 45/2026');
    expect(text(q(el, '#tab-pending'))).to.match(/^Pendentes \(\d+\)$/);
    await expectAccessible(el);

    await openDialogOf(el, servant.name, `Autorizar ${servant.name}`);
    expect(deepActive()?.id).to.equal('until');
    expect(text(dialog(el))).to.contain('Sem data, o acesso vale até ser revogado.');
    expect(q<HTMLInputElement>(el, '#until').min).to.equal(dayFromToday(0));
    await expectAccessible(el);
    await press(dialog(el), 'Cancelar');
    await until(() => !dialog(el).open, 'closed');
    await until(() => deepActive()?.id === `authorize-${asked.id}`, 'focus back on "Autorizar"');

    await openDialogOf(el, servant.name, `Autorizar ${servant.name}`);
    const decided = oneEvent(el, 'atende-access-decided');
    q<HTMLButtonElement>(el, '#dialog-submit').click();
    expect((await decided).detail).to.deep.include({ id: asked.id, decision: 'approved', until: null });
    await until(() => notice(el) === `Acesso autorizado para ${servant.name}.`, 'authorized');
    await until(() => deepActive()?.id === 'notice', 'focus on the result');
    await until(() => !card(el, servant.name), 'no longer pending');

    await openTab(el, 'Decididas');
    const done = await cardFor(el, servant.name);
    expect(text(done)).to.contain('Autorizada').and.contain('até ser revogado').and.contain('Acesso ativo');
    await expectAccessible(el);
    await openTab(el, 'Atendentes');
    const staff = await cardFor(el, servant.name);
    expect(text(staff)).to.contain('Atendente').and.contain('até ser revogado').and.contain('Nenhuma solicitação');
    expect(button(staff, `Revogar acesso de ${servant.name}`)).to.exist;
    // Managers are revoked by the administrator: no button on their card.
    const managerName = (await (await apiAs(MANAGER)).get('/me')).name;
    const manager = await cardFor(el, managerName);
    expect(button(manager, 'Revogar acesso')).to.equal(undefined);
    expect(text(manager)).to.contain('Gestores são designados e revogados pelo administrador.');
    await expectAccessible(el);

    const me = await (await apiAs(servant.sub)).get('/me');
    expect(me.memberships.map((m) => [m.institution.acronym, m.role, m.expiresAt])).to.deep.equal([['DETRAN', 'attendant', null]]);
  });

  it('a manager authorizes until a day (not a past one), and the servant sees "Autorizada até" that day', async () => {
    const servant = newServant();
    await askViaApi(servant.sub);
    const el = await accessElement({ sub: MANAGER });
    await openDialogOf(el, servant.name, `Autorizar ${servant.name}`);
    fill(el, 'until', dayFromToday(-1));
    q<HTMLButtonElement>(el, '#dialog-submit').click();
    await until(() => q(el, '#until').getAttribute('aria-invalid') === 'true', 'a past day refused');
    expect(text(q(el, '#until-error'))).to.equal('Escolha hoje ou uma data futura.');
    expect(q(el, '#until').getAttribute('aria-describedby')).to.equal('until-error until-hint');
    await expectAccessible(el);

    const last = dayFromToday(30);
    fill(el, 'until', last);
    await until(() => !el.shadowRoot!.querySelector('#until-error'), 'error gone once changed');
    q<HTMLButtonElement>(el, '#dialog-submit').click();
    await until(() => notice(el) === `Acesso autorizado para ${servant.name} até ${brDay(last)}.`, 'authorized until');
    await openTab(el, 'Atendentes');
    expect(text(await cardFor(el, servant.name))).to.contain(brDay(last));

    const mine = await accessElement({ sub: servant.sub, mode: 'servant' });
    const c = await cardFor(mine, `DETRAN — ${(await institution()).name}`);
    expect(text(c))
      .to.contain('Autorizada')
      .and.contain(`até ${brDay(last)}`);
  });

  it('a manager refuses only with a reason, tied to its field, and the servant reads it', async () => {
    const servant = newServant();
    const asked = await askViaApi(servant.sub);
    const el = await accessElement({ sub: MANAGER });
    await openDialogOf(el, servant.name, `Recusar ${servant.name}`);
    expect(deepActive()?.id).to.equal('reason');
    q<HTMLButtonElement>(el, '#dialog-submit').click();
    await until(() => q(el, '#reason').getAttribute('aria-invalid') === 'true', 'reason required');
    expect(text(q(el, '#reason-error'))).to.equal('Informe o motivo da recusa.');
    expect(q(el, '#reason').getAttribute('aria-describedby')).to.contain('reason-error');
    expect(dialog(el).open).to.equal(true);
    await expectAccessible(el);

    fill(el, 'reason', 'A portaria informada não é da lotação indicada.');
    const decided = oneEvent(el, 'atende-access-decided');
    q<HTMLButtonElement>(el, '#dialog-submit').click();
    expect((await decided).detail).to.deep.include({ id: asked.id, decision: 'rejected' });
    await until(() => notice(el) === `Solicitação de ${servant.name} recusada.`, 'refused');
    await openTab(el, 'Decididas');
    expect(text(await cardFor(el, servant.name)))
      .to.contain('Recusada')
      .and.contain('A portaria informada não é da lotação indicada.');
    await openTab(el, 'Histórico');
    expect(text(await cardFor(el, `Acesso recusado: ${servant.name}`))).to.contain('A portaria informada não é da lotação indicada.');

    const mine = await accessElement({ sub: servant.sub });
    const c = await cardFor(mine, `DETRAN — ${(await institution()).name}`);
    expect(text(c)).to.contain('Recusada').and.contain('Motivo').and.contain('A portaria informada não é da lotação indicada.');
    await expectAccessible(mine);
  });

  it('a manager revokes an attendant: a reason, a warning of the requests in attendance, then the ones now "sem atendente"; the history and the servant show it', async () => {
    const servant = newServant();
    const asked = await askViaApi(servant.sub);
    await approveViaApi(asked.id);
    const filed = await fileRequest();
    await advance(filed.id, 'in_service', servant.sub);

    const el = await accessElement({ sub: MANAGER });
    await openTab(el, 'Atendentes');
    expect(text(await cardFor(el, servant.name))).to.contain('1 solicitação');
    await openDialogOf(el, servant.name, `Revogar acesso de ${servant.name}`);
    expect(text(q(el, '#dialog-title'))).to.equal(`Revogar acesso de ${servant.name}`);
    expect(text(q(el, '#dialog-warning'))).to.equal(`1 solicitação em atendimento com ${servant.name} ficará “sem atendente” e precisará ser reatribuída.`);
    expect(q(el, '#dialog-submit').classList.contains('danger-solid')).to.equal(true);
    q<HTMLButtonElement>(el, '#dialog-submit').click();
    await until(() => text(el.shadowRoot!.querySelector('#reason-error')) === 'Informe o motivo da revogação.', 'reason required');
    await expectAccessible(el);

    fill(el, 'reason', 'Remanejado para outra secretaria.');
    const revoked = oneEvent(el, 'atende-access-revoked');
    q<HTMLButtonElement>(el, '#dialog-submit').click();
    const { detail } = await revoked;
    expect(detail.unassigned).to.deep.equal([{ id: filed.id, protocol: filed.protocol }]);
    await until(() => notice(el).startsWith(`Acesso de ${servant.name} revogado.`), 'revoked');
    expect(notice(el)).to.contain('1 solicitação ficou “sem atendente”').and.contain(filed.protocol);
    await until(() => !card(el, servant.name), 'no longer an attendant');
    await expectAccessible(el);

    const refused = await (await apiAs(servant.sub)).get('/requests/:id', { params: { id: filed.id } }).catch((e: { status: number }) => e);
    expect((refused as { status: number }).status).to.be.oneOf([403, 404]);

    await openTab(el, 'Histórico');
    const managerName = (await (await apiAs(MANAGER)).get('/me')).name;
    const revokedEntry = await cardFor(el, `Acesso revogado: ${servant.name}`);
    expect(text(revokedEntry)).to.contain(managerName).and.contain('Remanejado para outra secretaria.');
    expect(text(await cardFor(el, `Acesso autorizado: ${servant.name}`))).to.contain(managerName);
    expect(text(await cardFor(el, `Solicitou acesso: ${servant.name}`)))
      .to.contain('Portaria nº 45/2026')
      .and.contain('Gerência de Habilitação');
    await expectAccessible(el);

    const mine = await accessElement({ sub: servant.sub });
    const c = await cardFor(mine, `DETRAN — ${(await institution()).name}`);
    expect(text(c)).to.match(/Acesso revogado em \d{2}\/\d{2}\/\d{4}: Remanejado para outra secretaria\./);
  });

  it('pages the history and the decided requests with "Carregar mais", focus on the first row it adds', async () => {
    for (let i = 0; i < 2; i++) await approveViaApi((await askViaApi(newServant().sub)).id);
    // A pending one newest: the decided list reads past it to fill its page.
    await askViaApi(newServant().sub);
    const el = await accessElement({ sub: MANAGER, pageSize: 1 });
    for (const [tab, panel] of [
      ['Histórico', 'history'],
      ['Decididas', 'decided'],
    ]) {
      await openTab(el, tab);
      const cards = () => el.shadowRoot!.querySelectorAll(`#panel-${panel} li.card h3`);
      expect(cards(), tab).to.have.length(1);
      expect(text(q(el, `#tab-${panel}`))).to.equal(panel === 'decided' ? 'Decididas (1+)' : 'Histórico');
      await press(el.shadowRoot!, 'Carregar mais');
      await until(() => cards().length === 2, `${tab}: a second page`);
      await until(() => deepActive() === cards()[1], `${tab}: focus on the first added row`);
      await expectAccessible(el);
    }
  });

  it('works with the keyboard alone: a servant asks; a manager moves between tabs and authorizes', async () => {
    const servant = newServant();
    const page = await fixture<HTMLElement>(
      html`<div><button type="button">antes</button><atende-access-requests .token=${await token(servant.sub)}></atende-access-requests></div>`,
    );
    const el = page.querySelector('atende-access-requests')!;
    await until(() => el.shadowRoot!.querySelector('#ask-institution option[value]:not([value=""])'), 'form ready');
    page.querySelector('button')!.focus();
    const tabTo = async (id: string) => {
      for (let i = 0; i < 40 && deepActive()?.id !== id; i++) await sendKeys({ press: 'Tab' });
      expect(deepActive()?.id, `Tab reaches #${id}`).to.equal(id);
    };
    const detran = await institution();
    await tabTo('ask-institution');
    // Arrow keys on a closed select pick the next option.
    for (let i = 0; i < 5 && q<HTMLSelectElement>(el, '#ask-institution').value !== String(detran.id); i++) await sendKeys({ press: 'ArrowDown' });
    expect(q<HTMLSelectElement>(el, '#ask-institution').value).to.equal(String(detran.id));
    await tabTo('ask-unit');
    await sendKeys({ press: 'ArrowDown' });
    expect(q<HTMLSelectElement>(el, '#ask-unit').value).to.equal(detran.units[0]);
    await tabTo('ask-ordinance');
    await sendKeys({ type: 'Processo SEI 0012.345678/2026-11' });
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.id === 'notice', 'sent, focus on the result');

    const manager = await fixture<HTMLElement>(
      html`<div><button type="button">antes</button><atende-access-requests .token=${await token(MANAGER)}></atende-access-requests></div>`,
    );
    const m = manager.querySelector('atende-access-requests')!;
    await cardFor(m, servant.name);
    manager.querySelector('button')!.focus();
    await tabTo('tab-pending');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => deepActive()?.id === 'tab-decided' && q(m, '#tab-decided').getAttribute('aria-selected') === 'true', 'Decididas by arrow');
    await sendKeys({ press: 'End' });
    await until(() => deepActive()?.id === 'tab-history', 'Histórico by End');
    await sendKeys({ press: 'Home' });
    await until(() => deepActive()?.id === 'tab-pending' && !q(m, '#panel-pending').hidden, 'Pendentes by Home');
    const id = (await (await apiAs(servant.sub)).get('/access-requests', { query: { mine: 'true' } })).items[0].id;
    await tabTo(`authorize-${id}`);
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(m).open && deepActive()?.id === 'until', 'dialog open, focus on the date');
    // Past the date's day, month and year, and "Cancelar".
    await tabTo('dialog-submit');
    await sendKeys({ press: 'Enter' });
    await until(() => notice(m) === `Acesso autorizado para ${servant.name}.` && deepActive()?.id === 'notice', 'authorized by keyboard');

    // Escape closes a dialog and focus returns to what opened it.
    await openTab(m, 'Atendentes');
    const revoke = button(await cardFor(m, servant.name), `Revogar acesso de ${servant.name}`)!;
    revoke.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(m).open && deepActive()?.id === 'reason', 'revoke dialog');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(m).open && deepActive() === revoke, 'closed, focus back');
  });

  it('fits 375 px without sideways scroll: the form with errors, the lists and every dialog', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const servant = newServant();
      const asked = await askViaApi(servant.sub, 'Processo SEI nº 0012.345678/2026-11, com a portaria de lotação anexada');
      const s = await accessElement({ sub: servant.sub });
      await cardFor(s, `DETRAN — ${(await institution()).name}`);
      q<HTMLButtonElement>(s, '#ask-submit').click();
      await until(() => s.shadowRoot!.querySelector('#error-summary'), 'errors');
      await expectNoSidewaysScroll('servant, errors');
      s.remove();

      const el = await accessElement({ sub: MANAGER });
      await cardFor(el, servant.name);
      await expectNoSidewaysScroll('pending');
      for (const label of ['Autorizar', 'Recusar']) {
        await openDialogOf(el, servant.name, `${label} ${servant.name}`);
        await expectNoSidewaysScroll(`${label} dialog`);
        await press(dialog(el), 'Cancelar');
        await until(() => !dialog(el).open, 'closed');
      }
      await approveViaApi(asked.id);
      for (const tab of ['Decididas', 'Histórico', 'Atendentes']) {
        await openTab(el, tab);
        await expectNoSidewaysScroll(tab);
      }
      await openDialogOf(el, servant.name, `Revogar acesso de ${servant.name}`);
      await expectNoSidewaysScroll('revoke dialog');
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('tells a non-manager in manager mode so, and speaks English', async () => {
    const attendant = await accessElement({ sub: ATTENDANT, mode: 'manager' });
    await until(() => shadowText(attendant).includes('Somente gestores autorizam o perfil de atendente'), 'not a manager');
    await expectAccessible(attendant);
    // Pointed at their institution anyway: the server refuses, in Portuguese, with a way to try again.
    const refused = await accessElement({ sub: ATTENDANT, mode: 'manager', institutionId: (await institution()).id });
    await until(() => refused.shadowRoot!.querySelector('#panel-pending [role="alert"]'), 'list refused');
    expect(text(q(refused, '#panel-pending [role="alert"]')))
      .to.contain('Não foi possível carregar esta lista.')
      .and.contain('Somente gestores');
    expect(button(refused.shadowRoot!, 'Tentar novamente')).to.exist;
    await expectAccessible(refused);

    const en = await accessElement({ sub: MANAGER, lang: 'en' });
    await until(() => text(en.shadowRoot!.querySelector('#manage-h')) === 'Access — DETRAN' && text(q(en, '#tab-history')) === 'History', 'English');
    const servant = await accessElement({ sub: newServant().sub, lang: 'en' });
    await until(
      () => text(servant.shadowRoot!.querySelector('#ask-h')) === 'Ask for the attendant profile' && servant.shadowRoot!.querySelector('#ask-submit'),
      'English form',
    );
    expect(text(q(servant, '#ask-submit'))).to.equal('Send request');
    await expectAccessible(servant);
  });
});
