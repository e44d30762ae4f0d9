import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RequestDetail } from '../../contract/types.js';
import { ApiError } from '../internal/api-client.js';
import {
  until,
  ATTENDANT,
  OTHER_INSTITUTION,
  advance,
  apiAs,
  expectAccessible,
  fileRequest,
  newCitizen,
  postFollowUp,
  shadowText,
  token,
  q,
} from '../internal/test-support.js';
import '../define.js';
import './define.js';
import type { AtendeFollowUpThread } from './follow-up-thread.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const all = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

async function thread(id: number, sub: string) {
  const el = await fixture<AtendeFollowUpThread>(
    html`<atende-follow-up-thread api="/api" request-id=${id} .token=${await token(sub)}></atende-follow-up-thread>`,
  );
  await until(() => el.shadowRoot!.querySelector('.thread, .alert.error'), 'thread did not load');
  return el;
}

function choose(el: Element, files: File[]) {
  const input = q<HTMLInputElement>(el, 'input[type=file]');
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

function type(el: Element, text: string) {
  const ta = q<HTMLTextAreaElement>(el, 'textarea');
  ta.value = text;
  ta.dispatchEvent(new Event('input'));
}

const lastEntry = (el: Element) => all(el, '.thread > li').at(-1)!;

describe('atende-follow-up-thread', () => {
  /** Each test's own request, in service, and the citizen who filed it. */
  let req: RequestDetail;
  let filer: string;
  beforeEach(async () => {
    localStorage.clear();
    filer = newCitizen().sub;
    req = await fileRequest({ citizen: filer });
    await advance(req.id, 'in_service');
  });

  it('shows the story so far and sends a message with files, with a progress bar per file', async () => {
    const el = await thread(req.id, ATTENDANT);
    expect(shadowText(el)).to.contain('Solicitação enviada').and.contain('Análise iniciada').and.contain('Solicitação aprovada');
    expect(q(el, 'h4').textContent).to.equal('Criar Acompanhamento');
    type(el, 'Segue o boleto da taxa e o mapa do posto.');
    choose(el, [new File([PDF], 'boleto.pdf'), new File([PDF], 'mapa.pdf')]);
    await el.updateComplete;
    const bars = all(el, 'progress');
    expect(bars.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Envio de boleto.pdf', 'Envio de mapa.pdf']);
    await expectAccessible(el);
    const created = oneEvent(el, 'atende-follow-up-created');
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(q(el, 'button[type=submit]').textContent!.trim()).to.equal('Enviando…');
    const { detail } = await created;
    expect(detail).to.include({ requestId: req.id, kind: 'message' });
    await until(() => lastEntry(el)?.textContent?.includes('Segue o boleto'), 'message not in the thread');
    const files = [...lastEntry(el).querySelectorAll('.files button')].map((b) => b.textContent!.trim());
    expect(files).to.have.length(2);
    expect(files[0]).to.match(/^Baixar boleto\.pdf/);
    expect(q(el, '[role=status]').textContent).to.contain('Acompanhamento criado.');
    expect(q<HTMLTextAreaElement>(el, 'textarea').value).to.equal('');

    const citizen = await thread(req.id, filer);
    expect(lastEntry(citizen).textContent).to.contain('Segue o boleto').and.contain('Equipe');
    await expectAccessible(citizen);
  });

  it('tells the life-cycle events once, compactly: one line for a run of events, answered steps counted', async () => {
    const api = await apiAs(ATTENDANT);
    for (const step of req.steps) await api.put('/requests/:id/steps/:stepId', { params: { id: req.id, stepId: step.id }, body: { answer: 'yes' } });
    const el = await thread(req.id, ATTENDANT);
    const events = () => all(el, '.thread > li.event');
    // Filed, analysis started, approved and the steps answered: one line, each event once.
    expect(events()).to.have.length(1);
    const items = [...events()[0].querySelectorAll('.events > li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items.map((i) => i.split(' por ')[0])).to.deep.equal([
      'Solicitação enviada',
      'Análise iniciada',
      'Solicitação aprovada',
      `${req.steps.length} etapas respondidas`,
    ]);
    expect(shadowText(el)).not.to.contain('Etapa respondida');
    await expectAccessible(el);
    // A message splits the story: the events after it get a line of their own.
    await postFollowUp(ATTENDANT, req.id, 'Documentos conferidos.');
    await api.put('/requests/:id/steps/:stepId', { params: { id: req.id, stepId: req.steps[0].id }, body: { answer: 'no' } });
    el.reload();
    await until(() => events().length === 2, 'a second line of events');
    expect(lastEntry(el).textContent).to.contain('Etapa respondida');
    expect(all(el, '.thread > li').map((li) => (li.classList.contains('event') ? 'events' : 'message'))).to.deep.equal(['events', 'message', 'events']);
  });

  it('keeps the typed text and the chosen files when the server refuses a file', async () => {
    const el = await thread(req.id, filer);
    type(el, 'Comprovante em anexo.');
    choose(el, [new File(['<html>não é pdf</html>'], 'comprovante.pdf')]);
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => el.shadowRoot!.querySelector('.alert.error'), 'no error shown');
    expect(q(el, '.alert.error').textContent).to.contain('não é de um tipo aceito').and.contain('continuam aqui');
    expect(q<HTMLTextAreaElement>(el, 'textarea').value).to.equal('Comprovante em anexo.');
    expect(all(el, '.chosen li').map((l) => l.textContent)).to.have.length(1);
    await expectAccessible(el);
    q<HTMLButtonElement>(el, 'button[aria-label="Remover comprovante.pdf"]').click();
    await el.updateComplete;
    choose(el, [new File([PDF], 'comprovante.pdf')]);
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => lastEntry(el)?.textContent?.includes('Comprovante em anexo.'), 'retry did not send');
  });

  it('refuses unknown types and empty messages before sending, and says why', async () => {
    const el = await thread(req.id, ATTENDANT);
    choose(el, [new File(['MZ'], 'programa.exe')]);
    await el.updateComplete;
    expect(q(el, '.chosen .field-error').textContent).to.contain('programa.exe: tipo não aceito');
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(q(el, '#body-error').textContent).to.equal('Escreva a mensagem antes de enviar.');
    expect(q(el, 'textarea').getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows a picked file without the bidi characters that would disguise its name', async () => {
    const el = await thread(req.id, ATTENDANT);
    // "fatura\u202Efdp.exe" reads as "faturaexe.pdf" when the override is kept.
    choose(el, [new File(['MZ'], 'fatura\u202Efdp.exe'), new File([PDF], 'nota\u202Efdp.pdf')]);
    await el.updateComplete;
    const shown = q(el, '.chosen').textContent!.replace(/\s+/g, ' ');
    expect(shown).to.not.match(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
    expect(shown).to.contain('faturafdp.exe: tipo não aceito');
    expect(all(el, 'progress').map((b) => b.getAttribute('aria-label'))).to.include('Envio de notafdp.pdf');
  });

  it('keeps internal notes with the staff', async () => {
    const el = await thread(req.id, ATTENDANT);
    const radios = all(el, 'input[name=kind]') as HTMLInputElement[];
    expect(radios.map((r) => r.parentElement!.textContent!.trim())).to.deep.equal([
      'Mensagem ao cidadão',
      'Nota interna (somente equipe)',
      'Solicitar informações (pausa o prazo)',
    ]);
    radios[1].click();
    type(el, 'Já houve pedido igual negado em 2024.');
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => lastEntry(el)?.classList.contains('internal_note'), 'note not shown');
    expect(lastEntry(el).textContent).to.contain('Nota interna — visível somente para a equipe');
    const citizen = await thread(req.id, filer);
    expect(shadowText(citizen)).not.to.contain('2024');
    expect(all(citizen, 'input[name=kind]')).to.have.length(0, 'the citizen only writes messages');
  });

  it('asks the citizen for information, pauses the deadline, and the reply resumes it', async () => {
    const el = await thread(req.id, ATTENDANT);
    (all(el, 'input[name=kind]')[2] as HTMLInputElement).click();
    type(el, 'Envie um comprovante de residência recente.');
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => lastEntry(el)?.classList.contains('info_request'), 'request not shown');
    expect(shadowText(el)).to.contain('Aguardando resposta do cidadão');
    const citizen = await thread(req.id, filer);
    expect(shadowText(citizen)).to.contain('Responda abaixo para que a solicitação volte a andar');
    // Keyboard only: focus the message, type, submit with Enter on the button.
    q<HTMLTextAreaElement>(citizen, 'textarea').focus();
    await sendKeys({ type: 'Segue o comprovante.' });
    q<HTMLButtonElement>(citizen, 'button[type=submit]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => lastEntry(citizen)?.classList.contains('reply'), 'reply not shown');
    await citizen.updateComplete;
    // Focus stayed in the composer through the send (never dropped to the page body).
    expect(citizen.shadowRoot!.activeElement?.tagName).to.be.oneOf(['BUTTON', 'TEXTAREA']);
    const after = await (await apiAs(ATTENDANT)).get('/requests/:id', { params: { id: req.id } });
    expect(after.status).to.equal('in_service');
  });

  it('and the analysis form beside it keep each other current, with no code on the page', async () => {
    const filed = await fileRequest({ citizen: filer });
    const t = await token(ATTENDANT);
    const page = await fixture<HTMLElement>(
      html`<div>
        <atende-analysis-form api="/api" request-id=${filed.id} .token=${t}></atende-analysis-form>
        <atende-follow-up-thread api="/api" request-id=${filed.id} .token=${t}></atende-follow-up-thread>
      </div>`,
    );
    const form = page.querySelector('atende-analysis-form')!;
    const el = page.querySelector<AtendeFollowUpThread>('atende-follow-up-thread')!;
    await until(() => form.shadowRoot!.querySelector('#action-start_analysis') && el.shadowRoot!.querySelector('.thread'), 'both loaded');
    const kinds = () => all(el, 'input[name=kind]').map((r) => (r as HTMLInputElement).value);
    expect(kinds(), 'not yet in analysis: nothing to ask').to.deep.equal(['message', 'internal_note']);
    // The form acts: the thread shows the event and offers to ask the citizen.
    q<HTMLButtonElement>(form, '#action-start_analysis').click();
    await until(() => kinds().includes('info_request'), 'the thread did not follow the form');
    expect(shadowText(el)).to.contain('Análise iniciada');
    // The thread asks: the form shows the request awaiting the citizen.
    (all(el, 'input[value=info_request]')[0] as HTMLInputElement).click();
    type(el, 'Envie a CNH digitalizada.');
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => q(form, '.summary .badge')?.textContent?.trim() === 'Aguardando cidadão', 'the form did not follow the thread');
    await expectAccessible(page);
  });

  it('a queue on the same page follows what the thread changes, with no code on the page', async () => {
    const t = await token(ATTENDANT);
    const page = await fixture<HTMLElement>(
      html`<div>
        <atende-request-queue api="/api" view="staff" url-state="none" .token=${t}></atende-request-queue>
        <atende-follow-up-thread api="/api" request-id=${req.id} .token=${t}></atende-follow-up-thread>
      </div>`,
    );
    const queue = page.querySelector('atende-request-queue')!;
    const el = page.querySelector<AtendeFollowUpThread>('atende-follow-up-thread')!;
    /** The count on the queue's "Aguardando cidadão" tab. */
    const awaiting = () => {
      const chip = [...queue.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith('Aguardando cidadão'));
      const n = /(\d+)\s*$/.exec(chip?.textContent?.trim() ?? '');
      return n ? Number(n[1]) : undefined;
    };
    await until(() => awaiting() !== undefined && el.shadowRoot!.querySelector('.thread'), 'both loaded');
    const before = awaiting()!;
    (all(el, 'input[value=info_request]')[0] as HTMLInputElement).click();
    type(el, 'Envie o comprovante de endereço.');
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => awaiting() === before + 1, 'the queue did not follow the thread');
  });

  it('keeps the draft across a reload, and loads older entries on demand', async () => {
    const el = await thread(req.id, ATTENDANT);
    type(el, 'Rascunho que não pode se perder');
    el.remove();
    const again = await thread(req.id, ATTENDANT);
    expect(q<HTMLTextAreaElement>(again, 'textarea').value).to.equal('Rascunho que não pode se perder');
    for (let i = 0; i < 21; i++) await postFollowUp(ATTENDANT, req.id, `Mensagem ${i}`);
    again.reload();
    await until(() => lastEntry(again)?.textContent?.includes('Mensagem 20'));
    expect(all(again, '.thread > li')).to.have.length(20);
    const older = [...again.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Carregar anteriores'))!;
    older.click();
    await until(() => all(again, '.thread > li').length > 20, 'older entries not loaded');
    expect(all(again, '.thread > li')[0].textContent).to.contain('Solicitação enviada');
  });

  it('sends with a fresh token from the host when the first one is refused', async () => {
    const good = await token(ATTENDANT);
    let expired = false;
    const asked: boolean[] = [];
    const provider = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      asked.push(forceRefresh);
      return expired && !forceRefresh ? 'expired-token' : good;
    };
    const el = await fixture<AtendeFollowUpThread>(html`<atende-follow-up-thread request-id=${req.id} .tokenProvider=${provider}></atende-follow-up-thread>`);
    await until(() => el.shadowRoot!.querySelector('.thread'), 'thread did not load');
    expired = true;
    type(el, 'Enviado depois de renovar o token.');
    choose(el, [new File([PDF], 'anexo.pdf')]);
    q<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => lastEntry(el)?.textContent?.includes('Enviado depois de renovar o token.'), 'not sent after the refresh');
    expect(asked.slice(-2)).to.deep.equal([false, true]);
    expect(lastEntry(el).querySelectorAll('.files button')).to.have.length(1);
  });

  it('speaks English with lang="en", from the one English dictionary', async () => {
    const el = await fixture<AtendeFollowUpThread>(
      html`<atende-follow-up-thread api="/api" lang="en" request-id=${req.id} .token=${await token(ATTENDANT)}></atende-follow-up-thread>`,
    );
    await until(() => q(el, 'h3').textContent === 'Follow-ups', 'English text did not arrive');
    await until(() => el.shadowRoot!.querySelector('.thread'), 'thread did not load');
    expect(shadowText(el)).to.contain('Request filed').and.contain('Analysis started');
    expect(q(el, 'label[for=files]').textContent).to.match(/^Attachments \(PDF, .*DOCX; up to 10 MB each\)$/);
    choose(el, [new File(['MZ'], 'tool.exe')]);
    await el.updateComplete;
    expect(q(el, '.chosen .field-error').textContent).to.contain('tool.exe: type not accepted');
  });

  it('shows nothing of a request of another institution', async () => {
    const el = await fixture<AtendeFollowUpThread>(
      html`<atende-follow-up-thread api="/api" request-id=${req.id} .token=${await token(OTHER_INSTITUTION)}></atende-follow-up-thread>`,
    );
    await until(() => el.shadowRoot!.querySelector('.alert.error'));
    expect(shadowText(el)).to.contain('Não foi possível carregar os acompanhamentos.');
    const refused = await (await apiAs(OTHER_INSTITUTION)).get('/requests/:id/follow-ups', { params: { id: req.id } }).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(ApiError);
    expect((refused as ApiError).status).to.equal(404);
    await expectAccessible(el);
  });
});
