// "Sem atendente" and "Reatribuir" (issue #15) in the analysis form, in
// Chromium against the real BFF: an attendant's access revoked by the manager
// leaves their request in attendance with nobody attending; the staff see why
// and reassign it, with the keyboard alone; the citizen reads it calmly.
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
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
  text,
  deepActive,
} from '../internal/test-support.js';
import { MANAGER, newAttendant, revoke, unassignedRequest } from '../internal/test-unassigned.js';
import '../define.js';
import type { HistoryEntry } from '../../contract/types.js';
import type { AtendeFollowUpThread } from '../follow-up-thread/follow-up-thread.js';
import { type Locale, type MessageKey, translate } from '../internal/i18n.js';
import type { AtendeAnalysisForm } from './analysis-form.js';
import { renderHistory } from './sections.js';

const NOTICE = 'Sem atendente: o acesso de quem atendia terminou. Reatribua a solicitação para continuar o atendimento.';

const actionLabels = (el: Element) => [...el.shadowRoot!.querySelectorAll('.actions button')].map(text);
const dialog = (el: Element) => q<HTMLDialogElement>(el, 'dialog');
const select = (el: Element) => q<HTMLSelectElement>(el, '#assignee');
const assigneeOf = (el: Element) => text(q(el, '.summary > div:last-child dd'));
const historyText = (el: Element) => text(q(el, '[aria-labelledby="history-h"]'));
const live = (el: Element) => text(q(el, '.notices [role="status"]'));

async function form(id: number, sub: string) {
  const t = await token(sub);
  const el = await fixture<AtendeAnalysisForm>(html`<atende-analysis-form request-id=${id} .token=${t}></atende-analysis-form>`);
  await until(() => el.shadowRoot!.querySelector('h2#heading'), 'request did not load');
  return el;
}

/** Tabs from the request's heading until `id` has focus, as a keyboard user reaches it. */
async function tabTo(el: AtendeAnalysisForm, id: string) {
  q(el, '#heading').focus();
  for (let n = 0; deepActive()?.id !== id && n < 40; n++) await sendKeys({ press: 'Tab' });
  expect(deepActive()?.id, `Tab reaches #${id}`).to.equal(id);
}

/** Opens "Reatribuir" with the keyboard and waits for the attendants. */
async function openReassign(el: AtendeAnalysisForm) {
  await tabTo(el, 'action-reassign');
  await sendKeys({ press: 'Enter' });
  await until(() => dialog(el).open && select(el).options.length > 1, 'the Reatribuir dialog with the attendants');
}

describe('atende-analysis-form: sem atendente and Reatribuir', () => {
  afterEach(() => localStorage.clear());

  it('tells the staff why nobody attends, reassigns with the keyboard alone, says so and keeps the focus on Reatribuir', async () => {
    const { request, former } = await unassignedRequest();
    const [me, colleague] = await Promise.all([(await apiAs(ATTENDANT_2)).get('/me'), (await apiAs(ATTENDANT)).get('/me')]);
    const el = await form(request.id, ATTENDANT_2);
    // The notice comes before the actions, and the button points at it.
    const notice = q(el, '#unassigned-notice');
    expect(text(notice)).to.equal(`⚠ ${NOTICE}`);
    expect(notice.compareDocumentPosition(q(el, '.actions')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(assigneeOf(el)).to.equal('⚠ Sem atendente');
    expect(actionLabels(el)).to.deep.equal(['Reatribuir']);
    expect(q(el, '#action-reassign').getAttribute('aria-describedby')).to.equal('unassigned-notice');
    await until(() => historyText(el).includes('Sem atendente: acesso de'), 'the history says the access ended');
    expect(historyText(el)).to.contain(`Sem atendente: acesso de ${former.name} revogado`);
    await expectAccessible(el);

    await openReassign(el);
    expect(text(q(el, '#dialog-title'))).to.equal('Reatribuir solicitação');
    expect(deepActive()?.id, 'focus in the choice').to.equal('assignee');
    const offered = [...select(el).options].map((o) => o.value);
    expect(offered, 'the revoked attendant is not offered').not.to.include(String(former.id));
    expect(offered).to.include.members([String(me.id), String(colleague.id)]);
    await expectAccessible(el);

    // Confirming with nothing chosen says what is missing, in the dialog.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(deepActive())).to.equal('Reatribuir');
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('#assignee-error'), 'the choice is required');
    expect(text(q(el, '#assignee-error'))).to.equal('Escolha o atendente que vai atender.');
    expect(deepActive()?.id).to.equal('assignee');
    await expectAccessible(el);

    // Choose the colleague, then confirm.
    for (let n = 0; select(el).value !== String(colleague.id) && n < select(el).options.length; n++) await sendKeys({ press: 'ArrowDown' });
    expect(select(el).value, 'the colleague chosen with the arrow keys').to.equal(String(colleague.id));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(deepActive())).to.equal('Reatribuir');
    await sendKeys({ press: 'Enter' });
    await until(() => assigneeOf(el) === colleague.name, 'reassigned');
    expect(dialog(el).open).to.be.false;
    expect(live(el)).to.equal(`Solicitação reatribuída. ${colleague.name} vai atender.`);
    expect(el.shadowRoot!.querySelector('#unassigned-notice'), 'someone attends it again').to.be.null;
    expect(text(q(el, '.summary .badge'))).to.equal('Em atendimento');
    // Still theirs to reassign: the focus goes back where it was, on a plain (no longer solid) button.
    await until(() => deepActive()?.id === 'action-reassign', 'focus back on Reatribuir');
    expect(q(el, '#action-reassign').classList.contains('primary')).to.be.false;
    expect(q(el, '#action-reassign').hasAttribute('aria-describedby')).to.be.false;
    await until(() => historyText(el).includes(`Reatribuída a ${colleague.name}`), 'the history names who attends now');
    expect(historyText(el)).to.contain(`Reatribuída a ${colleague.name} por ${me.name}`);
    await expectAccessible(el);
  });

  it('fits the notice and the Reatribuir dialog in 375 px without sideways scroll', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const { request } = await unassignedRequest();
      const el = await form(request.id, ATTENDANT_2);
      expect(q(el, '#unassigned-notice').getBoundingClientRect().right).to.be.at.most(innerWidth);
      await expectNoSidewaysScroll('375 px, sem atendente');
      await openReassign(el);
      await expectNoSidewaysScroll('375 px, "Reatribuir" open');
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('marks who attends now instead of offering them, and Escape gives the focus back', async () => {
    const attending = await (await apiAs(ATTENDANT)).get('/me');
    const filed = await advance((await fileRequest()).id, 'in_service');
    const el = await form(filed.id, ATTENDANT_2);
    expect(el.shadowRoot!.querySelector('#unassigned-notice'), 'someone attends it').to.be.null;
    expect(actionLabels(el)).to.deep.equal(['Reatribuir']);
    await openReassign(el);
    const current = [...select(el).options].find((o) => o.value === String(attending.id))!;
    expect(current.disabled).to.be.true;
    expect(current.textContent).to.match(new RegExp(`^${attending.name}.*\\(atende agora\\)$`));
    await expectAccessible(el);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el).open, 'closed with Escape');
    await until(() => deepActive()?.id === 'action-reassign', 'focus back on Reatribuir');
  });

  it('keeps the dialog open when the chosen attendant loses access first, says why in Portuguese and offers who may attend now', async () => {
    const [chosen, filed] = await Promise.all([newAttendant(), fileRequest()]);
    await advance(filed.id, 'in_service');
    const el = await form(filed.id, ATTENDANT_2);
    await openReassign(el);
    select(el).value = String(chosen.id);
    expect(select(el).value, 'the new attendant is offered').to.equal(String(chosen.id));
    await revoke(chosen);
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => text(q(el, 'dialog [role="alert"]')), 'the refusal is shown');
    expect(dialog(el).open).to.be.true;
    expect(text(q(el, 'dialog [role="alert"]'))).to.equal('Quem vai atender precisa ser atendente desta instituição.');
    expect(text(q(el, '#assignee-error'))).to.equal('Escolha um atendente desta instituição.');
    expect(select(el).getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()?.id, 'focus on the choice to make again').to.equal('assignee');
    await until(() => ![...select(el).options].some((o) => o.value === String(chosen.id)), 'the list no longer offers them');
    await expectAccessible(el);
    // Another choice goes through.
    const colleague = await (await apiAs(ATTENDANT_2)).get('/me');
    select(el).value = String(colleague.id);
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => assigneeOf(el) === colleague.name, 'reassigned to the colleague');
    expect(live(el)).to.equal(`Solicitação reatribuída. ${colleague.name} vai atender.`);
    // The history says who attended before.
    const before = await (await apiAs(ATTENDANT)).get('/me');
    await until(() => historyText(el).includes(`Reatribuída a ${colleague.name}`), 'the history names who attends now');
    expect(historyText(el)).to.contain(`Antes: ${before.name}`);
  });

  it('reloads and says so in Portuguese when the request was concluded meanwhile', async () => {
    const filed = await advance((await fileRequest()).id, 'in_service');
    const el = await form(filed.id, ATTENDANT_2);
    await openReassign(el);
    select(el).value = [...select(el).options].find((o) => o.value && !o.disabled)!.value;
    await (await apiAs(ATTENDANT)).post('/requests/:id/conclude', { params: { id: filed.id }, body: { text: 'Documento emitido.' } });
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => text(q(el, '.notices [role="alert"]')).includes('Outra pessoa alterou esta solicitação'), 'the conflict is explained');
    await until(() => text(q(el, '.summary .badge')) === 'Concluída', 'reloaded');
    expect(dialog(el).open).to.be.false;
    expect(actionLabels(el)).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('names an access that ended by its date as expired, in both languages', async () => {
    // The clock ends accesses on the server (its sweep); the words for it are the history's own template's.
    const { request } = await unassignedRequest();
    const entry: HistoryEntry = {
      id: 1,
      action: 'assignee_removed',
      from: 'in_service',
      to: 'in_service',
      actor: null,
      at: new Date().toISOString(),
      data: { previousAssigneeId: 7, previousAssigneeName: 'Fulana de Tal', why: 'expired' },
    };
    const t = (locale: Locale) => ({ locale, t: (k: MessageKey, p?: Record<string, string | number>) => translate(locale, k, p) });
    const host = await fixture<HTMLElement>(html`<div></div>`);
    render(renderHistory(t('pt-BR'), request, [entry], false), host);
    expect(text(host.querySelector('ol.history li strong'))).to.equal('Sem atendente: acesso de Fulana de Tal expirado');
    expect(text(host.querySelector('ol.history li')), 'no actor: the clock').not.to.contain(' por ');
    await expectAccessible(host);
    render(renderHistory(t('pt-BR'), { ...request, viewer: { side: 'citizen' } }, [entry], false), host);
    expect(text(host.querySelector('ol.history li strong'))).to.equal('Mudança de atendente');
    translate('en', 'history.assignee_removed.expired');
    await until(() => translate('en', 'history.assignee_removed.expired') !== translate('pt-BR', 'history.assignee_removed.expired'), 'English arrived');
    render(renderHistory(t('en'), request, [entry], false), host);
    expect(text(host.querySelector('ol.history li strong'))).to.equal("No attendant: Fulana de Tal's access expired");
  });

  it('shows the citizen, calmly, that a new attendant is on the way, and then who it is', async () => {
    const citizen = newCitizen();
    const { request } = await unassignedRequest({ citizen: citizen.sub });
    const t = await token(citizen.sub);
    const root = await fixture<HTMLElement>(
      html`<div>
        <atende-analysis-form request-id=${request.id} .token=${t}></atende-analysis-form>
        <atende-follow-up-thread request-id=${request.id} .token=${t}></atende-follow-up-thread>
      </div>`,
    );
    const el = root.querySelector<AtendeAnalysisForm>('atende-analysis-form')!;
    const thread = root.querySelector<AtendeFollowUpThread>('atende-follow-up-thread')!;
    await until(() => el.shadowRoot!.querySelector('h2#heading') && thread.shadowRoot!.querySelector('.thread'), 'the request view did not load');
    await until(() => !historyText(el).includes('Carregando'), 'the history loaded');
    expect(assigneeOf(el)).to.equal('Aguardando novo atendente');
    expect(el.shadowRoot!.querySelector('#unassigned-notice')).to.be.null;
    expect(actionLabels(el)).to.deep.equal([]);
    // Nothing alarming, and nobody's access is the citizen's business.
    const all = `${shadowText(el)} ${shadowText(thread)}`;
    expect(all).not.to.match(/Sem atendente|revogad|expirad|acesso de|Reatribua/i);
    const manager = await (await apiAs(MANAGER)).get('/me');
    const change = [...el.shadowRoot!.querySelectorAll('ol.history li')].map(text).find((l) => l.includes('Mudança de atendente'));
    expect(change, 'the history tells the change of attendant').to.exist;
    expect(change).not.to.contain(manager.name);
    await expectAccessible(el);
    await expectAccessible(thread);

    const colleague = await (await apiAs(ATTENDANT)).get('/me');
    await (await apiAs(ATTENDANT)).post('/requests/:id/reassign', { params: { id: request.id }, body: { assigneeId: colleague.id } });
    el.reload();
    await until(() => assigneeOf(el) === colleague.name, 'the citizen sees who attends now');
    await until(() => historyText(el).includes(`Reatribuída a ${colleague.name}`), 'the history says it');
    expect(historyText(el)).not.to.match(/Antes:|revogad|Sem atendente/);
    await expectAccessible(el);
  });
});
