// The citizen's evaluation form in Chromium against the real BFF: the verdict
// and the rating are required (errors at the fields and in a summary that
// takes focus), the comment's counter, the draft kept across a reload, the
// evaluation sent and what became of its comment, the reopen dialog, the
// keyboard alone, and 375 px; axe in every state.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  ATTENDANT,
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
} from '../internal/test-support.js';
import '../define.js';
import type { AtendeEvaluationForm } from './evaluation-form.js';

const submitButton = (el: Element) => q<HTMLButtonElement>(el, 'form button[type="submit"]');

async function evaluationForm(id: number, sub: string) {
  const t = await token(sub);
  const el = await fixture<AtendeEvaluationForm>(html`<atende-evaluation-form request-id=${id} .token=${t}></atende-evaluation-form>`);
  await until(() => !el.shadowRoot?.querySelector('.loading') && el.shadowRoot?.querySelector('h2'), 'form loaded');
  return el;
}

/** A concluded request of a fresh citizen. */
async function concluded() {
  const citizen = newCitizen();
  const filed = await advance((await fileRequest({ citizen: citizen.sub })).id, 'concluded');
  return { citizen, filed };
}

async function type(field: HTMLElement, text: string) {
  field.focus();
  await sendKeys({ type: text });
}

describe('atende-evaluation-form', () => {
  afterEach(async () => {
    localStorage.clear();
    await setViewport({ width: 800, height: 600 });
  });

  it('says when the request is not concluded yet', async () => {
    const citizen = newCitizen();
    const filed = await fileRequest({ citizen: citizen.sub });
    const el = await evaluationForm(filed.id, citizen.sub);
    expect(shadowText(el)).to.contain('A avaliação fica disponível quando a solicitação for concluída.');
    expect(el.shadowRoot!.querySelector('form')).to.be.null;
    await expectAccessible(el);
  });

  it('requires the verdict and the rating, tying each error to its field, with a summary that takes focus', async () => {
    const { citizen, filed } = await concluded();
    const el = await evaluationForm(filed.id, citizen.sub);
    expect(q(el, 'h2').textContent).to.equal('Avaliar atendimento');
    expect(shadowText(el)).to.contain('O atendimento resolveu sua solicitação?');
    await expectAccessible(el);
    submitButton(el).click();
    await until(() => deepActive()?.id === 'error-summary', 'the summary takes focus');
    const summary = q(el, '#error-summary').textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain('O atendimento resolveu sua solicitação?: Diga se o atendimento resolveu sua solicitação.');
    expect(summary).to.contain('Nota do atendimento: Dê uma nota de 1 a 5.');
    expect(q(el, '#verdict-approved').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#rating-3').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#rating-error').textContent).to.equal('Dê uma nota de 1 a 5.');
    expect(q(el, 'fieldset:has(#rating-1)').getAttribute('aria-describedby')).to.contain('rating-error');
    await expectAccessible(el);
    // A link of the summary takes focus to its field.
    q<HTMLAnchorElement>(el, '#error-summary a[href="#rating-1"]').click();
    expect(deepActive()?.id).to.equal('rating-1');
    // Choosing clears that field's error; the other stays.
    q<HTMLInputElement>(el, '#rating-4').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#rating-error')).to.be.null;
    expect(el.shadowRoot!.querySelector('#verdict-error')).to.exist;
  });

  it('counts the characters left, politely, and keeps what was typed across a reload', async () => {
    const { citizen, filed } = await concluded();
    let el = await evaluationForm(filed.id, citizen.sub);
    expect(q(el, '#comment-count').textContent!.trim()).to.equal('Restam 2000 caracteres');
    expect(q(el, '#comment-count').getAttribute('aria-live')).to.equal('polite');
    expect(q(el, '#comment').getAttribute('aria-describedby')).to.contain('comment-count');
    q<HTMLInputElement>(el, '#verdict-rejected').click();
    q<HTMLInputElement>(el, '#rating-2').click();
    await type(q(el, '#comment'), 'Demorou demais.');
    await until(() => q(el, '#comment-count').textContent!.trim() === 'Restam 1985 caracteres', 'counter');
    await expectAccessible(el);
    el.remove();
    el = await evaluationForm(filed.id, citizen.sub);
    expect(q<HTMLInputElement>(el, '#verdict-rejected').checked).to.be.true;
    expect(q<HTMLInputElement>(el, '#rating-2').checked).to.be.true;
    expect(q<HTMLTextAreaElement>(el, '#comment').value).to.equal('Demorou demais.');
    expect(q(el, '#comment-count').textContent!.trim()).to.equal('Restam 1985 caracteres');
  });

  it('sends the evaluation, clears the draft, and shows it awaiting moderation', async () => {
    const { citizen, filed } = await concluded();
    const el = await evaluationForm(filed.id, citizen.sub);
    q<HTMLInputElement>(el, '#verdict-approved').click();
    q<HTMLInputElement>(el, '#rating-5').click();
    await type(q(el, '#comment'), 'Atendimento rápido e educado.');
    const sent = oneEvent(el, 'atende-evaluation-sent');
    submitButton(el).click();
    const { detail } = await sent;
    expect(detail).to.deep.equal({ requestId: filed.id, protocol: filed.protocol, verdict: 'approved', rating: 5 });
    await until(() => deepActive()?.id === 'notice', 'the notice takes focus');
    expect(q(el, '#notice').textContent).to.equal('Avaliação enviada. Obrigado!');
    expect(q(el, 'h2').textContent).to.equal('Sua avaliação');
    const text = shadowText(el);
    expect(text).to.contain('Você aprovou o atendimento.');
    expect(text).to.contain('Nota 5 de 5');
    expect(text).to.contain('Atendimento rápido e educado.');
    expect(text).to.contain('Aguardando moderação');
    expect(text).not.to.contain('Reabrir solicitação');
    expect(localStorage.getItem(`atende:draft:${filed.id}:evaluation`)).to.be.null;
    await expectAccessible(el);
    const stored = await (await apiAs(citizen.sub)).get('/requests/:id', { params: { id: filed.id } });
    expect(stored.status).to.equal('evaluated');
    expect(stored.evaluation).to.include({ verdict: 'approved', rating: 5, comment: 'Atendimento rápido e educado.' });
  });

  it('shows the comment published with the personal data hidden, or not published and why', async () => {
    const masked = await concluded();
    const mine = await apiAs(masked.citizen.sub);
    let r = await mine.post('/requests/:id/evaluation', {
      params: { id: masked.filed.id },
      body: { verdict: 'approved', rating: 4, comment: 'Resolveram. Meu telefone é (61) 99876-5432.' },
    });
    const staff = await apiAs(ATTENDANT);
    await staff.post('/evaluations/:id/approve', { params: { id: r.evaluation!.id }, body: { mask: true } });
    let el = await evaluationForm(masked.filed.id, masked.citizen.sub);
    let text = shadowText(el);
    expect(text).to.contain('Publicado com dados pessoais ocultados');
    expect(text).to.contain('Resolveram. Meu telefone é ███.');
    await expectAccessible(el);
    el.remove();

    const refused = await concluded();
    r = await (
      await apiAs(refused.citizen.sub)
    ).post('/requests/:id/evaluation', {
      params: { id: refused.filed.id },
      body: { verdict: 'approved', rating: 1, comment: 'Comentário qualquer.' },
    });
    await staff.post('/evaluations/:id/reject', { params: { id: r.evaluation!.id }, body: { reason: 'off_topic' } });
    el = await evaluationForm(refused.filed.id, refused.citizen.sub);
    text = shadowText(el);
    expect(text).to.contain('Não publicado: não trata do serviço');
    await expectAccessible(el);
  });

  it('reopens a request the citizen did not approve: a dialog says until when, the reason is required, and the request is in service again', async () => {
    const { citizen, filed } = await concluded();
    await (await apiAs(citizen.sub)).post('/requests/:id/evaluation', { params: { id: filed.id }, body: { verdict: 'rejected', rating: 1 } });
    const el = await evaluationForm(filed.id, citizen.sub);
    expect(shadowText(el)).to.contain('Você não aprovou o atendimento.');
    expect(q(el, '#reopen-until').textContent).to.match(/Se o problema não foi resolvido, você pode reabrir a solicitação até \d{2}\/\d{2}\/\d{4}/);
    await expectAccessible(el);
    q<HTMLButtonElement>(el, '#reopen').click();
    await until(() => q<HTMLDialogElement>(el, 'dialog').open && deepActive()?.id === 'reopen-reason', 'dialog open, focus on the reason');
    expect(q(el, '#reopen-intro').textContent).to.match(/Você pode reabri-la até \d{2}\/\d{2}\/\d{4}/);
    await expectAccessible(el);
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    await until(() => el.shadowRoot!.querySelector('#reopen-reason-error'), 'reason required');
    expect(q(el, '#reopen-reason-error').textContent).to.equal('Diga por que reabrir a solicitação.');
    expect(q(el, '#reopen-reason').getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()?.id).to.equal('reopen-reason');
    await expectAccessible(el);
    await sendKeys({ type: 'O documento veio com o nome errado.' });
    const reopened = oneEvent(el, 'atende-request-reopened');
    q<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    const { detail } = await reopened;
    expect(detail).to.include({ requestId: filed.id, status: 'in_service' });
    await until(() => !q<HTMLDialogElement>(el, 'dialog').open && deepActive()?.id === 'notice', 'closed, the notice has focus');
    expect(q(el, '#notice').textContent).to.equal('Solicitação reaberta: ela voltou ao atendimento.');
    expect(el.shadowRoot!.querySelector('#reopen')).to.be.null;
    await expectAccessible(el);
    const stored = await (await apiAs(ATTENDANT)).get('/requests/:id', { params: { id: filed.id } });
    expect(stored.status).to.equal('in_service');
  });

  it('works with the keyboard alone: arrows choose the verdict and the rating, Enter sends', async () => {
    const { citizen, filed } = await concluded();
    const el = await evaluationForm(filed.id, citizen.sub);
    q(el, '#verdict-approved').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(q<HTMLInputElement>(el, '#verdict-rejected').checked).to.be.true;
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('rating-1');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActive()?.id).to.equal('rating-3');
    expect(q<HTMLInputElement>(el, '#rating-3').checked).to.be.true;
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('comment');
    await sendKeys({ type: 'Ok.' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent?.trim()).to.equal('Enviar avaliação');
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.id === 'notice', 'sent');
    expect(shadowText(el)).to.contain('Nota 3 de 5');
    expect(shadowText(el)).to.contain('Você não aprovou o atendimento.');
  });

  it('fits 375 px without sideways scroll: the form with errors, the evaluation and the reopen dialog', async () => {
    await setViewport({ width: 375, height: 740 });
    const { citizen, filed } = await concluded();
    const el = await evaluationForm(filed.id, citizen.sub);
    submitButton(el).click();
    await until(() => el.shadowRoot!.querySelector('#error-summary'), 'errors');
    await expectNoSidewaysScroll('375 px, errors');
    q<HTMLInputElement>(el, '#verdict-rejected').click();
    q<HTMLInputElement>(el, '#rating-1').click();
    await type(q(el, '#comment'), 'Um comentário comprido '.repeat(8));
    submitButton(el).click();
    await until(() => el.shadowRoot!.querySelector('#reopen'), 'sent, reopen offered');
    await expectNoSidewaysScroll('375 px, evaluated');
    q<HTMLButtonElement>(el, '#reopen').click();
    await until(() => q<HTMLDialogElement>(el, 'dialog').open, 'dialog');
    await expectNoSidewaysScroll('375 px, reopen dialog');
    await expectAccessible(el);
  });
});
