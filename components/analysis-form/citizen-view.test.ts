// The citizen's view of a request: what is asked of them comes first, with
// "Responder" taking them to the composer; the steps read as progress, never
// with the staff's yes/no answers or notes. In Chromium against the real BFF.
import { expect, fixture, html } from '@open-wc/testing';
import type { RequestDetail } from '../../contract/types.js';
import { ATTENDANT, advance, apiAs, expectAccessible, fileRequest, newCitizen, postFollowUp, shadowText, token, until } from '../internal/test-support.js';
import '../define.js';
import type { AtendeAnalysisForm } from './analysis-form.js';
import type { AtendeFollowUpThread } from '../follow-up-thread/follow-up-thread.js';

const ASKED = 'Envie um comprovante de residência emitido nos últimos 90 dias.';
const NOTE = 'Conferir na base: foto da CNH desatualizada.';
const q = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel);

/** The request view as a page shows it: the request and its thread, as `sub`. */
async function requestView(id: number, sub: string) {
  const t = await token(sub);
  const root = await fixture<HTMLElement>(
    html`<div>
      <atende-analysis-form request-id=${id} .token=${t}></atende-analysis-form>
      <atende-follow-up-thread request-id=${id} .token=${t}></atende-follow-up-thread>
    </div>`,
  );
  const form = root.querySelector<AtendeAnalysisForm>('atende-analysis-form')!;
  const thread = root.querySelector<AtendeFollowUpThread>('atende-follow-up-thread')!;
  await until(() => q(form, 'h2#heading') && q(thread, 'form, .hint'), 'the request view did not load');
  return { root, form, thread };
}

describe('the citizen’s view of a request', () => {
  let req: RequestDetail;
  let filer: string;
  beforeEach(async () => {
    localStorage.clear();
    filer = newCitizen().sub;
    req = await fileRequest({ citizen: filer });
    await advance(req.id, 'in_analysis');
    const staff = await apiAs(ATTENDANT);
    await staff.put('/requests/:id/steps/:stepId', { params: { id: req.id, stepId: req.steps[0].id }, body: { answer: 'no', note: NOTE } });
  });

  it('puts what the team asked first, in the citizen’s words, and "Responder" takes them to the composer', async () => {
    await postFollowUp(ATTENDANT, req.id, ASKED, 'info_request');
    const { form, thread } = await requestView(req.id, filer);
    await until(() => q(form, '.asked')?.textContent?.includes(ASKED), 'the request for information is not on the request');
    const asked = q(form, '.asked')!;
    expect(asked.querySelector('h3')!.textContent).to.equal('A equipe precisa de uma informação sua');
    // First: above the summary, the actions and every section of the request.
    for (const later of ['.summary', '.sections']) {
      const other = q(form, later)!;
      expect(asked.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING, `${later} comes after the request`).to.not.equal(0);
    }
    // The thread says it first too, and its composer speaks the citizen's words.
    const threadAsked = q(thread, '.asked')!;
    expect(threadAsked.textContent).to.contain(ASKED);
    expect(threadAsked.compareDocumentPosition(q(thread, '.thread')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(q(thread, '#compose-title')!.textContent).to.equal('Sua resposta');
    expect(q(thread, 'button[type=submit]')!.textContent!.trim()).to.equal('Enviar resposta');
    expect(shadowText(form) + shadowText(thread)).not.to.contain('Criar Acompanhamento');
    await expectAccessible(form);
    await expectAccessible(thread);

    asked.querySelector<HTMLButtonElement>('#respond')!.click();
    await until(() => thread.shadowRoot!.activeElement?.id === 'body', '"Responder" did not put the focus in the composer');
    expect(document.activeElement).to.equal(thread);

    // The thread's own "Responder" does the same.
    (document.activeElement as HTMLElement).blur();
    threadAsked.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => thread.shadowRoot!.activeElement?.id === 'body', 'the thread’s "Responder" did not focus the composer');
  });

  it('without the thread on the page, "Responder" asks the host to show the composer', async () => {
    await postFollowUp(ATTENDANT, req.id, ASKED, 'info_request');
    const form = await fixture<AtendeAnalysisForm>(html`<atende-analysis-form request-id=${req.id} .token=${await token(filer)}></atende-analysis-form>`);
    await until(() => q(form, '.asked')?.textContent?.includes(ASKED), 'the request for information is not on the request');
    let asked: number | undefined;
    form.addEventListener('atende-reply-requested', (e) => (asked = e.detail.id));
    q<HTMLButtonElement>(form, '#respond')!.click();
    expect(asked).to.equal(req.id);
  });

  it('shows the steps as progress to the citizen, never the staff’s answers or notes; staff see them', async () => {
    const citizen = await requestView(req.id, filer);
    const steps = q(citizen.form, '[aria-labelledby="steps-h"]')!;
    const text = steps.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(`1 de ${req.steps.length} etapas concluídas`).and.contain('Concluída em').and.contain('Pendente');
    expect(text).not.to.match(/\b(Sim|Não)\b/);
    expect(steps.querySelectorAll('button')).to.have.length(0);
    await until(() => q(citizen.form, 'ol.history'), 'history did not load');
    const all = shadowText(citizen.form);
    expect(all).not.to.contain(NOTE);
    expect(q(citizen.form, 'ol.history')!.textContent)
      .to.contain(req.steps[0].title)
      .and.not.match(/:\s*Não/);
    expect(q(citizen.form, '.asked'), 'nothing is asked of this citizen').to.equal(null);
    await expectAccessible(citizen.form);

    const staff = await requestView(req.id, ATTENDANT);
    const staffSteps = q(staff.form, '[aria-labelledby="steps-h"]')!.textContent!;
    expect(staffSteps).to.contain('Não').and.contain(NOTE);
  });
});
