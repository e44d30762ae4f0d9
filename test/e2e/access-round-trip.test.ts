// Issue 15's "done means", across the elements of both sides: a servant with
// no role asks to attend DETRAN in atende-access-requests; the manager
// authorizes it until a day; the servant sees DETRAN's queue and starts an
// analysis in the analysis form; the manager revokes the access; the
// servant's next action is refused, and the request they attended shows
// "Sem atendente" in the manager's queue and form, ready to be reassigned.
// (A fresh servant, not the demo's servidor.joao, so a rerun on the same
// database starts from no role.)
import { expect, fixture, html } from '@open-wc/testing';
import { ATTENDANT_2, apiAs, expectAccessible, fileRequest, q, text, token, until } from '../../components/internal/test-support.js';
import '../../components/define.js';
import '../../components/access-requests/define.js';
import type { AtendeAnalysisForm } from '../../components/analysis-form/analysis-form.js';
import type { AtendeRequestQueue } from '../../components/request-queue/request-queue.js';
import {
  MANAGER,
  accessElement,
  brDay,
  cardFor,
  dayFromToday,
  fill,
  institution,
  newServant,
  openTab,
} from '../../components/access-requests/access-requests.test-helpers.js';

const actionLabels = (el: Element) => [...el.shadowRoot!.querySelectorAll('.actions button')].map(text);
const button = (el: Element, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);
const notice = (el: Element) => text(el.shadowRoot!.querySelector('#notice'));

async function analysisForm(id: number, sub: string) {
  const el = await fixture<AtendeAnalysisForm>(html`<atende-analysis-form request-id=${id} .token=${await token(sub)}></atende-analysis-form>`);
  await until(() => el.shadowRoot!.querySelector('h2#heading'), 'the request did not load');
  return el;
}

async function queueOf(sub: string, protocol: string) {
  const el = await fixture<AtendeRequestQueue>(html`<atende-request-queue url-state="none" .token=${await token(sub)}></atende-request-queue>`);
  const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  await until(() => rows().length > 0, 'the queue did not load');
  q<HTMLInputElement>(el, '#q').value = protocol;
  q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
  await until(() => rows().length === 1 && !el.shadowRoot!.querySelector('table.busy'), `the search for ${protocol}`);
  return { el, row: rows()[0] };
}

describe('who may attend, end to end: ask, authorize, attend, revoke, sem atendente', () => {
  it('a servant becomes an attendant of DETRAN until a day, attends, loses access, and the request waits for reassignment', async () => {
    const servant = newServant();
    const detran = await institution('DETRAN');
    const lastDay = dayFromToday(30);

    // The servant asks, in the element.
    const mine = await accessElement({ sub: servant.sub });
    await until(() => mine.shadowRoot!.querySelector('#ask-institution option[value]:not([value=""])'), 'institutions listed');
    fill(mine, 'ask-institution', String(detran.id));
    await mine.updateComplete;
    fill(mine, 'ask-unit', detran.units[0]);
    fill(mine, 'ask-ordinance', 'Portaria nº 321/2026-DETRAN');
    q<HTMLButtonElement>(mine, '#ask-submit').click();
    await until(() => notice(mine).startsWith('Solicitação enviada'), 'the request was sent');
    expect(text(await cardFor(mine, `DETRAN — ${detran.name}`))).to.contain('Pendente');
    mine.remove();

    // The manager authorizes it until a day.
    const manager = await accessElement({ sub: MANAGER });
    await openTab(manager, 'Pendentes');
    const pending = await cardFor(manager, servant.name);
    expect(text(pending)).to.contain('Portaria nº 321/2026-DETRAN');
    [...pending.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Autorizar')!.click();
    await until(() => q<HTMLDialogElement>(manager, 'dialog').open, 'the Autorizar dialog');
    fill(manager, 'until', lastDay);
    q<HTMLButtonElement>(manager, '#dialog-submit').click();
    await until(() => notice(manager).startsWith(`Acesso autorizado para ${servant.name}`), 'authorized');
    expect(notice(manager)).to.contain(brDay(lastDay));
    await expectAccessible(manager);

    // The servant now attends DETRAN: its queue, and "+ Iniciar Análise" on a request there.
    const filed = await fileRequest();
    const { row } = await queueOf(servant.sub, filed.protocol);
    expect(text(row)).to.contain(filed.protocol);
    const form = await analysisForm(filed.id, servant.sub);
    button(form, '+ Iniciar Análise')!.click();
    await until(() => actionLabels(form).includes('Aprovar'), 'the analysis started');
    // He approves naming himself: now he attends it.
    const me = await (await apiAs(servant.sub)).get('/me');
    expect(me.memberships.map((m) => [m.institution.acronym, m.role])).to.deep.equal([['DETRAN', 'attendant']]);
    expect(me.memberships[0].expiresAt).to.be.a('string');
    const analysed = await (await apiAs(servant.sub)).get('/requests/:id', { params: { id: filed.id } });
    await (
      await apiAs(servant.sub)
    ).post('/requests/:id/approve', { params: { id: filed.id }, body: { assigneeId: me.id, confirmSteps: analysed.steps.map((s) => s.id) } });
    form.requestId = undefined;
    await form.updateComplete;
    form.requestId = filed.id;
    await until(() => actionLabels(form).includes('Concluir'), 'he attends it');

    // The manager revokes him, with a reason; the request he attended is named.
    await openTab(manager, 'Atendentes');
    const staffCard = await cardFor(manager, servant.name);
    [...staffCard.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Revogar acesso')!.click();
    await until(() => q<HTMLDialogElement>(manager, 'dialog').open, 'the revoke dialog');
    fill(manager, 'reason', 'Retorno à unidade de origem.');
    q<HTMLButtonElement>(manager, '#dialog-submit').click();
    await until(() => notice(manager).startsWith(`Acesso de ${servant.name} revogado.`), 'revoked');
    expect(notice(manager)).to.contain(filed.protocol);

    // His next action is refused, and what he typed stays for nobody to lose.
    button(form, 'Concluir')!.click();
    await until(() => q<HTMLDialogElement>(form, 'dialog').open, 'the Concluir dialog');
    const conclusion = q<HTMLTextAreaElement>(form, '#conclusion');
    conclusion.value = 'Documento emitido.';
    conclusion.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button(form, 'Finalizar')!.click();
    await until(() => text(form.shadowRoot!.querySelector('#heading')).includes('Solicitação não encontrada.'), 'the conclusion was refused');
    await until(() => !form.shadowRoot!.querySelector('.actions'), 'no actions left on a request he may no longer see');
    expect(text(q(form, '#heading'))).to.contain('Solicitação não encontrada.');
    await expectAccessible(form);
    const refused = await (await apiAs(servant.sub)).get('/requests/:id', { params: { id: filed.id } }).catch((e: { status: number }) => e);
    expect((refused as { status: number }).status).to.equal(404);

    // For the institution, the request waits "sem atendente": in the queue and in the form, with "Reatribuir".
    const managerQueue = await queueOf(MANAGER, filed.protocol);
    expect(text(managerQueue.row)).to.contain('Sem atendente');
    const managerForm = await analysisForm(filed.id, MANAGER);
    expect(text(q(managerForm, '#unassigned-notice'))).to.contain('Sem atendente: o acesso de quem atendia terminou.');
    expect(actionLabels(managerForm)).to.include('Reatribuir');
    await expectAccessible(managerForm);

    // Reassigned, it goes on.
    const colleague = await (await apiAs(ATTENDANT_2)).get('/me');
    const detail = await (await apiAs(MANAGER)).post('/requests/:id/reassign', { params: { id: filed.id }, body: { assigneeId: colleague.id } });
    expect([detail.unassigned, detail.assignee?.id]).to.deep.equal([false, colleague.id]);
  });
});
