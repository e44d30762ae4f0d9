import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  until,
  ATTENDANT,
  ATTENDANT_2,
  CITIZEN,
  OTHER_INSTITUTION,
  advance,
  apiAs,
  expectAccessible,
  fileRequest,
  newCitizen,
  shadowText,
  token,
  q,
  deepActive,
} from '../internal/test-support.js';
import '../define.js';
import type { AtendeAnalysisForm } from './analysis-form.js';

const button = (el: Element, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === label);
const actionLabels = (el: Element) => [...el.shadowRoot!.querySelectorAll('.actions button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
const dialog = (el: Element) => q<HTMLDialogElement>(el, 'dialog');
const status = (el: Element) => q(el, '.summary .badge').textContent!.trim();
const notices = (el: Element) => q(el, '.notices').textContent!.replace(/\s+/g, ' ');
const historyText = (el: Element) => q(el, '[aria-labelledby="history-h"]').textContent!.replace(/\s+/g, ' ');

async function form(id: number, sub = ATTENDANT, lang?: string) {
  const t = await token(sub);
  const el = await fixture<AtendeAnalysisForm>(html`<atende-analysis-form request-id=${id} .token=${t} lang=${lang ?? 'pt-BR'}></atende-analysis-form>`);
  await until(() => el.shadowRoot!.querySelector('h2#heading'), 'request did not load');
  return el;
}

async function openDialog(el: AtendeAnalysisForm, label: string) {
  button(el, label)!.click();
  await until(() => dialog(el).open, `dialog for ${label} did not open`);
}

async function type(field: HTMLTextAreaElement | HTMLInputElement, text: string) {
  field.focus();
  await sendKeys({ type: text });
}

describe('atende-analysis-form', () => {
  afterEach(() => localStorage.clear());

  it('asks for a request when none is chosen', async () => {
    const el = await fixture<AtendeAnalysisForm>(html`<atende-analysis-form .token=${await token(ATTENDANT)}></atende-analysis-form>`);
    expect(shadowText(el)).to.contain('Selecione uma solicitação na fila');
    await expectAccessible(el);
  });

  it('shows the citizen, the filled form, the documents, the steps and the history', async () => {
    // Filed by a demo citizen, who has an e-mail address.
    const filed = await fileRequest({ citizen: CITIZEN });
    const el = await form(filed.id);
    const text = shadowText(el);
    expect(q(el, 'h2').textContent).to.equal(`Solicitação ${filed.protocol}`);
    expect(text).to.contain(filed.service.name);
    expect(filed.citizen.email).to.be.a('string');
    expect(q(el, '[aria-labelledby="citizen-h"]').textContent).to.contain(filed.citizen.name).and.contain(filed.citizen.email!);
    const typed = filed.fields.filter((f) => f.datatype === 'string' || f.datatype === 'text');
    expect(typed).not.to.be.empty;
    for (const f of typed) expect(text).to.contain(String(filed.formData[f.code]));
    for (const d of filed.documents)
      expect(text)
        .to.contain(d.label ?? '')
        .and.contain(d.fileName);
    expect(status(el)).to.equal('Enviada');
    expect([...el.shadowRoot!.querySelectorAll('.step-title')].length).to.equal(filed.steps.length);
    await until(() => shadowText(el).includes('Solicitação enviada'), 'history loaded');
    expect(actionLabels(el)).to.deep.equal(['+ Iniciar Análise']);
    await expectAccessible(el);
  });

  it('previews a PDF and an image in place, and hides them again', async () => {
    const filed = await fileRequest();
    const el = await form(filed.id);
    const [pdf, png] = filed.documents;
    expect([pdf.contentType, png.contentType]).to.deep.equal(['application/pdf', 'image/png']);
    const previews = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.doc-actions button')].filter((b) => b.textContent!.trim() === 'Visualizar');
    expect(previews).to.have.length(filed.documents.length);
    previews[0].click();
    await until(() => el.shadowRoot!.querySelector('.preview iframe'), 'pdf preview');
    expect(q<HTMLIFrameElement>(el, '.preview iframe').src).to.match(/^blob:/);
    expect(q(el, '.preview iframe').getAttribute('title')).to.equal(`Pré-visualização de ${pdf.label}`);
    previews[1].click();
    await until(() => el.shadowRoot!.querySelector('.preview img'), 'image preview');
    const img = q<HTMLImageElement>(el, '.preview img');
    await until(() => img.complete && img.naturalWidth === 1, 'image decoded');
    expect(previews[0].getAttribute('aria-expanded')).to.equal('true');
    previews[0].click();
    await until(() => !el.shadowRoot!.querySelector('.preview iframe'), 'pdf hidden');
  });

  it('starts the analysis, answers steps Sim/Não, approves with the chosen attendant and says so', async () => {
    const filed = await fileRequest();
    const [me, other] = await Promise.all([(await apiAs(ATTENDANT)).get('/me'), (await apiAs(ATTENDANT_2)).get('/me')]);
    const el = await form(filed.id);
    const changed = oneEvent(el, 'atende-request-changed');
    button(el, '+ Iniciar Análise')!.click();
    const { detail } = await changed;
    expect(detail).to.include({ id: filed.id, action: 'start_analysis', status: 'in_analysis' });
    await until(() => status(el) === 'Em análise');
    expect(q(el, '[role="status"]').textContent).to.contain('Análise iniciada.');
    expect(actionLabels(el)).to.deep.equal(['Aprovar', 'Reprovar']);

    const [yes] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.yes-no .yes')];
    yes.click();
    await until(() => yes.getAttribute('aria-pressed') === 'true', 'step answered');
    expect(q(el, '.step .sub').textContent).to.contain(`Sim — por ${me.name}`);
    const no = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.yes-no .no')[1];
    no.click();
    await until(() => no.getAttribute('aria-pressed') === 'true', 'second step answered');

    await openDialog(el, 'Aprovar');
    expect(q(el, '#dialog-title').textContent).to.equal('Aprovar solicitação');
    button(el, 'Sim, Aprovar!')!.click();
    await until(() => q(el, '#assigneeId-error, #assignee-error'), 'validation shown');
    expect(q(el, '#assignee-error').textContent).to.equal('Escolha o atendente que vai atender.');
    expect(q(el, '#assignee').getAttribute('aria-invalid')).to.equal('true');
    const select = q<HTMLSelectElement>(el, '#assignee');
    await until(() => select.options.length > 1, 'attendants loaded');
    await expectAccessible(el);
    expect([...select.options].map((o) => o.value)).to.include.members([String(me.id), String(other.id)]);
    select.value = String(other.id);
    // The second step was answered "Não" (and any further one not at all): approving confirms them.
    q<HTMLInputElement>(el, '#confirm-steps').click();
    button(el, 'Sim, Aprovar!')!.click();
    await until(() => status(el) === 'Em atendimento', 'approved');
    expect(dialog(el).open).to.be.false;
    expect(q(el, '[role="status"]').textContent).to.contain(`${other.name} vai atender`);
    expect(q(el, '.summary').textContent).to.contain(other.name);
    expect(el.shadowRoot!.activeElement?.id).to.equal('heading');
    // The one who approved is not the assignee: they may still answer steps and reassign, but not conclude.
    expect(actionLabels(el)).to.deep.equal(['Reatribuir']);
  });

  it('requires a justification to reject, keeps the draft across a reload, and clears it once sent', async () => {
    const filed = await advance((await fileRequest()).id, 'in_analysis');
    let el = await form(filed.id);
    await openDialog(el, 'Reprovar');
    const submit = q<HTMLButtonElement>(el, 'dialog button[type="submit"]');
    expect(submit.textContent!.trim()).to.equal('Reprovar');
    submit.click();
    await until(() => el.shadowRoot!.querySelector('#justification-error'), 'validation');
    expect(q(el, '#justification-error').textContent).to.equal('Informe a justificativa da reprovação.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('justification');
    await type(q(el, '#justification'), 'Documento ilegível.');
    expect(localStorage.getItem(`atende:draft:${filed.id}:reject`)).to.equal('Documento ilegível.');

    el.remove();
    el = await form(filed.id);
    await openDialog(el, 'Reprovar');
    expect(q<HTMLTextAreaElement>(el, '#justification').value).to.equal('Documento ilegível.');
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => status(el) === 'Reprovada', 'rejected');
    expect(shadowText(el)).to.contain('Justificativa da reprovação');
    expect(shadowText(el)).to.contain('Documento ilegível.');
    expect(localStorage.getItem(`atende:draft:${filed.id}:reject`)).to.be.null;
    expect(actionLabels(el)).to.deep.equal([]);
  });

  it('lets only the assignee conclude, with "Concluir Solicitação" and "Finalizar"', async () => {
    const filed = await advance((await fileRequest()).id, 'in_service');
    const other = await form(filed.id, ATTENDANT_2);
    expect(actionLabels(other)).to.deep.equal(['Reatribuir']);
    other.remove();

    const el = await form(filed.id);
    expect(actionLabels(el)).to.deep.equal(['Concluir', 'Reatribuir']);
    await openDialog(el, 'Concluir');
    expect(q(el, '#dialog-title').textContent).to.equal('Concluir Solicitação');
    button(el, 'Finalizar')!.click();
    await until(() => el.shadowRoot!.querySelector('#conclusion-error'));
    expect(q(el, '#conclusion-error').textContent).to.equal('Escreva o texto de conclusão.');
    await type(q(el, '#conclusion'), 'CNH emitida e enviada pelos Correios.');
    button(el, 'Finalizar')!.click();
    await until(() => status(el) === 'Concluída', 'concluded');
    expect(shadowText(el)).to.contain('CNH emitida e enviada pelos Correios.');
    expect(shadowText(el)).to.contain('Aguardando a avaliação do cidadão.');
  });

  it('keeps the typed text when sending fails, and asks the host for a new token on 401', async () => {
    const filed = await advance((await fileRequest()).id, 'in_service');
    const good = await token(ATTENDANT);
    let valid = true;
    const asked: boolean[] = [];
    const provider = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      asked.push(forceRefresh);
      return valid ? good : 'expired';
    };
    const el = await fixture<AtendeAnalysisForm>(html`<atende-analysis-form request-id=${filed.id} .tokenProvider=${provider}></atende-analysis-form>`);
    await until(() => button(el, 'Concluir'));
    await openDialog(el, 'Concluir');
    await type(q(el, '#conclusion'), 'Texto que não pode se perder.');
    valid = false;
    button(el, 'Finalizar')!.click();
    await until(() => q(el, 'dialog [role="alert"]').textContent!.includes('Sua sessão expirou'), 'session error');
    expect(asked.at(-1)).to.equal(true);
    expect(dialog(el).open).to.be.true;
    expect(q<HTMLTextAreaElement>(el, '#conclusion').value).to.equal('Texto que não pode se perder.');
    expect(localStorage.getItem(`atende:draft:${filed.id}:conclude`)).to.equal('Texto que não pode se perder.');
    valid = true;
    button(el, 'Finalizar')!.click();
    await until(() => status(el) === 'Concluída', 'concluded after the new token');
  });

  it('reloads and says so when someone else acted first', async () => {
    const filed = await fileRequest();
    const el = await form(filed.id);
    await (await apiAs(ATTENDANT_2)).post('/requests/:id/analysis', { params: { id: filed.id } });
    button(el, '+ Iniciar Análise')!.click();
    await until(() => q(el, '.notices [role="alert"]').textContent!.includes('Outra pessoa alterou esta solicitação'), 'conflict message');
    await until(() => status(el) === 'Em análise', 'reloaded');
    expect(actionLabels(el)).to.deep.equal(['Aprovar', 'Reprovar']);
  });

  it('offers nothing to a citizen while the request runs, and hides other institutions’ requests', async () => {
    const citizen = newCitizen();
    const filed = await fileRequest({ citizen: citizen.sub });
    const mine = await form(filed.id, citizen.sub);
    expect(actionLabels(mine)).to.deep.equal([]);
    expect(mine.shadowRoot!.querySelector('.yes-no')).to.be.null;
    mine.remove();
    const other = await fixture<AtendeAnalysisForm>(
      html`<atende-analysis-form request-id=${filed.id} .token=${await token(OTHER_INSTITUTION)}></atende-analysis-form>`,
    );
    await until(() => other.shadowRoot!.querySelector('[role="alert"]'), 'error shown');
    expect(shadowText(other)).to.contain('Solicitação não encontrada.');
    expect(button(other, 'Tentar novamente')).to.exist;
  });

  it('offers the citizen no evaluation dialog, points to the evaluation form, and follows it when the citizen evaluates there', async () => {
    const citizen = newCitizen();
    const filed = await advance((await fileRequest({ citizen: citizen.sub })).id, 'concluded');
    const t = await token(citizen.sub);
    const page = await fixture<HTMLElement>(
      html`<div>
        <atende-analysis-form request-id=${filed.id} .token=${t}></atende-analysis-form>
        <atende-evaluation-form request-id=${filed.id} .token=${t}></atende-evaluation-form>
      </div>`,
    );
    const el = page.querySelector<AtendeAnalysisForm>('atende-analysis-form')!;
    const evaluation = page.querySelector('atende-evaluation-form')!;
    await until(() => el.shadowRoot!.querySelector('h2#heading'), 'request did not load');
    expect(actionLabels(el)).to.deep.equal([]);
    expect(shadowText(el)).to.contain('Solicitação concluída: avalie o atendimento em “Avaliar atendimento”.');
    await expectAccessible(el);
    // The element's chunk comes on first use: until then it has no shadow root.
    await until(() => evaluation.shadowRoot?.querySelector('#verdict-approved'), 'evaluation form');
    evaluation.shadowRoot!.querySelector<HTMLInputElement>('#verdict-approved')!.click();
    evaluation.shadowRoot!.querySelector<HTMLInputElement>('#rating-5')!.click();
    evaluation.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    // The analysis form on the same page reads the request again.
    await until(() => status(el) === 'Avaliada', 'evaluated');
    expect(shadowText(el)).to.contain('O cidadão aprovou o atendimento.');
    page.remove();
    const staff = await form(filed.id);
    expect(shadowText(staff)).to.contain('O cidadão aprovou o atendimento.');
    expect(shadowText(staff)).to.contain('Nota 5 de 5');
  });

  it('works with the keyboard: open the dialog, confirm the steps, choose, cancel with Escape and get focus back', async () => {
    const filed = await advance((await fileRequest()).id, 'in_analysis');
    const el = await form(filed.id);
    button(el, 'Aprovar')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el).open, 'dialog opened with Enter');
    const select = q<HTMLSelectElement>(el, '#assignee');
    await until(() => select.options.length > 1 && !select.disabled, 'attendants');
    // No step answered yet: the first thing to do is to confirm them.
    expect(el.shadowRoot!.activeElement?.id).to.equal('confirm-steps');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el).open, 'closed with Escape');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('action-approve');

    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el).open && !q<HTMLSelectElement>(el, '#assignee').disabled, 'reopened');
    await sendKeys({ press: 'Space' });
    expect(q<HTMLInputElement>(el, '#confirm-steps').checked).to.be.true;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('assignee');
    await sendKeys({ press: 'ArrowDown' });
    expect(q<HTMLSelectElement>(el, '#assignee').value).not.to.equal('');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Sim, Aprovar!');
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === 'Em atendimento', 'approved by keyboard');
  });

  it('shows who is analysing the request, and an open form learns it at once instead of a 409', async () => {
    const filed = await fileRequest();
    const analyst = await (await apiAs(ATTENDANT)).get('/me');
    const el = await form(filed.id, ATTENDANT_2);
    expect(actionLabels(el)).to.deep.equal(['+ Iniciar Análise']);
    // Nothing changed: the refresh costs a 304.
    const seen = performance.getEntriesByType('resource').length;
    dispatchEvent(new Event('focus'));
    await until(
      () =>
        performance
          .getEntriesByType('resource')
          .slice(seen)
          .some((e) => e.name.endsWith(`/api/requests/${filed.id}`) && (e as PerformanceResourceTiming).responseStatus === 304),
      'a 304 for the unchanged request',
    );
    expect(status(el)).to.equal('Enviada');
    expect(notices(el).trim()).to.equal('');

    // The keyboard user sits on "+ Iniciar Análise" when someone else starts the analysis.
    button(el, '+ Iniciar Análise')!.focus();
    await (await apiAs(ATTENDANT)).post('/requests/:id/analysis', { params: { id: filed.id } });
    const changed = oneEvent(el, 'atende-request-changed');
    dispatchEvent(new Event('focus'));
    expect((await changed).detail).to.include({ id: filed.id, action: 'refresh', status: 'in_analysis' });
    await until(() => status(el) === 'Em análise', 'refreshed on focus');
    expect(q(el, '.summary').textContent).to.contain(`Em análise por ${analyst.name}`);
    expect(q(el, '.notices [role="status"]').textContent).to.contain(`Em análise por ${analyst.name}`);
    expect(button(el, '+ Iniciar Análise')).to.be.undefined;
    expect(deepActive()?.id).to.equal('heading');
    await expectAccessible(el);
  });

  it('refreshes on its own every refresh-seconds', async () => {
    const filed = await fileRequest();
    const t = await token(ATTENDANT_2);
    const el = await fixture<AtendeAnalysisForm>(html`<atende-analysis-form request-id=${filed.id} .token=${t} refresh-seconds="1"></atende-analysis-form>`);
    await until(() => el.shadowRoot!.querySelector('h2#heading'), 'request did not load');
    await advance(filed.id, 'in_analysis');
    await until(() => status(el) === 'Em análise', 'refreshed by the timer');
    expect(actionLabels(el)).to.deep.equal(['Aprovar', 'Reprovar']);
  });

  it('names the steps without "Sim" before approving, requires their confirmation, and the history records it', async () => {
    const filed = await advance((await fileRequest()).id, 'in_analysis');
    const [first, ...rest] = filed.steps;
    const api = await apiAs(ATTENDANT);
    await api.put('/requests/:id/steps/:stepId', { params: { id: filed.id, stepId: first.id }, body: { answer: 'no', note: 'Foto ilegível' } });
    const el = await form(filed.id);
    await until(() => historyText(el).includes(`Etapa respondida: ${first.title}`), 'the history names the step');
    await openDialog(el, 'Aprovar');
    const listed = [...el.shadowRoot!.querySelectorAll('#confirm-steps-list li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(listed).to.deep.equal([`${first.title} — Não: Foto ilegível`, ...rest.map((s) => `${s.title} — Sem resposta`)]);
    const select = q<HTMLSelectElement>(el, '#assignee');
    await until(() => select.options.length > 1, 'attendants loaded');
    select.value = select.options[1].value;
    button(el, 'Sim, Aprovar!')!.click();
    await until(() => el.shadowRoot!.querySelector('#confirm-steps-error'), 'confirmation asked');
    expect(q(el, '#confirm-steps-error').textContent).to.equal('Confirme que aprova mesmo com as etapas listadas sem "Sim".');
    expect(deepActive()?.id).to.equal('confirm-steps');
    expect(status(el)).to.equal('Em análise');
    await expectAccessible(el);
    q<HTMLInputElement>(el, '#confirm-steps').click();
    button(el, 'Sim, Aprovar!')!.click();
    await until(() => status(el) === 'Em atendimento', 'approved');
    const named = [`${first.title} (Não)`, ...rest.map((s) => `${s.title} (sem resposta)`)].join(', ');
    await until(() => historyText(el).includes(`Aprovada mesmo sem "Sim" em: ${named}`), 'the history records the confirmation');
    await expectAccessible(el);
  });

  it('with the keyboard, focus follows the work: the steps, "Aprovar", then the heading', async () => {
    const filed = await fileRequest();
    const el = await form(filed.id);
    button(el, '+ Iniciar Análise')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === 'Em análise', 'analysis started');
    await until(() => deepActive()?.id === `step-${filed.steps[0].id}-yes`, 'focus on the first step');
    await expectAccessible(el);
    // Sim on each step: focus moves to the next one, and after the last to "Aprovar".
    for (const [k, step] of filed.steps.entries()) {
      expect(deepActive()?.id).to.equal(`step-${step.id}-yes`);
      await sendKeys({ press: 'Enter' });
      const next = filed.steps[k + 1] ? `step-${filed.steps[k + 1].id}-yes` : 'action-approve';
      await until(() => deepActive()?.id === next, `focus after step ${k + 1}`);
      expect(q(el, `#step-${step.id}-yes`).getAttribute('aria-pressed')).to.equal('true');
    }
    await expectAccessible(el);
    // Changing an answer with Não keeps the work going too: back to "Aprovar" (nothing left unanswered).
    q(el, `#step-${filed.steps[0].id}-no`).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => q(el, `#step-${filed.steps[0].id}-no`).getAttribute('aria-pressed') === 'true', 'answer changed');
    await until(() => deepActive()?.id === 'action-approve', 'focus on Aprovar');
    q(el, `#step-${filed.steps[0].id}-yes`).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.id === 'action-approve' && q(el, `#step-${filed.steps[0].id}-yes`).getAttribute('aria-pressed') === 'true');

    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el).open && q<HTMLSelectElement>(el, '#assignee').options.length > 1, 'approve dialog');
    expect(el.shadowRoot!.querySelector('#confirm-steps'), 'every step is "Sim": nothing to confirm').to.be.null;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent?.trim()).to.equal('Sim, Aprovar!');
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === 'Em atendimento', 'approved');
    await until(() => deepActive()?.id === 'heading', 'focus on the heading after approving');
    await expectAccessible(el);
  });

  it('after Reprovar and Finalizar, focus lands on the heading', async () => {
    const rejecting = await advance((await fileRequest()).id, 'in_analysis');
    let el = await form(rejecting.id);
    button(el, 'Reprovar')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el).open && deepActive()?.id === 'justification', 'reject dialog');
    await sendKeys({ type: 'Documento ilegível.' });
    q(el, 'dialog button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === 'Reprovada', 'rejected');
    await until(() => deepActive()?.id === 'heading', 'focus after Reprovar');
    await expectAccessible(el);
    el.remove();

    const citizen = newCitizen();
    const concluding = await advance((await fileRequest({ citizen: citizen.sub })).id, 'in_service');
    el = await form(concluding.id);
    button(el, 'Concluir')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el).open && deepActive()?.id === 'conclusion', 'conclude dialog');
    await sendKeys({ type: 'Documento emitido.' });
    button(el, 'Finalizar')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === 'Concluída', 'concluded');
    await until(() => deepActive()?.id === 'heading', 'focus after Finalizar');
    await expectAccessible(el);
    el.remove();
  });

  it('does not offer, as the assignee, the attendant who filed the request', async () => {
    const filed = await advance((await fileRequest({ citizen: ATTENDANT_2 })).id, 'in_analysis');
    const [me, filer] = await Promise.all([(await apiAs(ATTENDANT)).get('/me'), (await apiAs(ATTENDANT_2)).get('/me')]);
    const el = await form(filed.id);
    await openDialog(el, 'Aprovar');
    const select = q<HTMLSelectElement>(el, '#assignee');
    await until(() => select.options.length > 1, 'attendants loaded');
    const offered = [...select.options].map((o) => o.value);
    expect(offered).to.include(String(me.id));
    expect(offered).not.to.include(String(filer.id));
  });

  it('speaks English with lang="en"', async () => {
    const filed = await fileRequest();
    const el = await form(filed.id, ATTENDANT, 'en');
    // English ships in its own chunk, fetched the first time it is needed.
    await until(() => q(el, 'h2').textContent === `Request ${filed.protocol}`, 'English text did not arrive');
    expect(actionLabels(el)).to.deep.equal(['+ Start analysis']);
    expect(status(el)).to.equal('Submitted');
  });
});
