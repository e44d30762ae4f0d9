// Every screen size: at 375, 768 and 1366 px wide nothing in the request view
// scrolls sideways — the request and its thread as staff and as the citizen,
// each dialog open, the composer with attachments, errors shown. In Chromium
// against the real BFF; each state also passes axe.
import { fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { AtendeAnalysisForm } from '../../components/analysis-form/analysis-form.js';
import type { AtendeFollowUpThread } from '../../components/follow-up-thread/follow-up-thread.js';
import {
  ATTENDANT,
  advance,
  apiAs,
  click,
  expectAccessible,
  expectNoSidewaysScroll,
  fileRequest,
  newCitizen,
  postFollowUp,
  token,
  until,
} from '../../components/internal/test-support.js';
import '../../components/define.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
// What people really send: long file names, long links, long words.
const LONG_FILE = 'comprovante-de-residencia-atualizado-marco-2026-versao-final-assinada.pdf';
const ASKED =
  'Envie o comprovante de residência atualizado. Modelo em https://www.detran.exemplo.gov.br/servicos/habilitacao/comprovantes/modelo-de-declaracao-de-residencia.pdf';
const q = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel);

/** The request view as the demo pages lay it out: the request, its evaluation, then its thread. */
async function requestView(id: number, sub: string) {
  const t = await token(sub);
  const root = await fixture<HTMLElement>(
    html`<main style="display:grid;gap:1.5rem;padding:0.5rem">
      <atende-analysis-form request-id=${id} .token=${t}></atende-analysis-form>
      <atende-evaluation-form request-id=${id} .token=${t}></atende-evaluation-form>
      <atende-follow-up-thread request-id=${id} .token=${t}></atende-follow-up-thread>
    </main>`,
  );
  const form = root.querySelector<AtendeAnalysisForm>('atende-analysis-form')!;
  const thread = root.querySelector<AtendeFollowUpThread>('atende-follow-up-thread')!;
  const evaluation = root.querySelector('atende-evaluation-form')!;
  await until(() => q(form, 'h2#heading, .alert.error') && q(thread, 'form, .hint, .alert.error'), 'the request view did not load');
  await until(() => q(form, 'ol.history, .alert.error'), 'the history did not load');
  return { root, form, thread, evaluation };
}

function choose(thread: Element, files: File[]) {
  const input = q<HTMLInputElement>(thread, 'input[type=file]')!;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

async function openDialog(form: AtendeAnalysisForm, label: string) {
  await click(form.shadowRoot!, label);
  await until(() => q<HTMLDialogElement>(form, 'dialog')?.open && q(form, '.dialog-form'), `the dialog of "${label}" did not open`);
}

async function closeDialog(form: AtendeAnalysisForm) {
  await click(form.shadowRoot!, 'Cancelar');
  await until(() => !q<HTMLDialogElement>(form, 'dialog')!.open, 'the dialog did not close');
}

/** Each state: nothing scrolls sideways, and axe finds nothing. */
async function check(state: string, ...els: Element[]) {
  await expectNoSidewaysScroll(state);
  for (const el of els) await expectAccessible(el);
}

for (const width of [375, 768, 1366]) {
  describe(`the request view at ${width} px`, () => {
    before(() => setViewport({ width, height: 800 }));
    beforeEach(() => localStorage.clear());

    it('as staff: loaded, each decision dialog open (with its error), the composer with attachments and errors', async () => {
      const filed = await fileRequest();
      await advance(filed.id, 'in_analysis');
      const { form, thread } = await requestView(filed.id, ATTENDANT);
      await check(`${width}px, staff, in analysis`, form, thread);

      await openDialog(form, 'Aprovar');
      await until(() => (q<HTMLSelectElement>(form, '#assignee')?.options.length ?? 0) > 1, 'attendants did not load');
      await check(`${width}px, "Aprovar" open`, form);
      await closeDialog(form);

      await openDialog(form, 'Reprovar');
      await click(form.shadowRoot!, 'Reprovar', '.dialog-form button[type=submit]');
      await until(() => q(form, '#justification-error'), 'no error for an empty justification');
      await check(`${width}px, "Reprovar" open with its error`, form);
      await closeDialog(form);

      // The composer: the three kinds, a long file name, a refused type, the empty message's error.
      choose(thread, [new File([PDF], LONG_FILE), new File(['MZ'], 'programa-instalador-nao-permitido.exe')]);
      await click(thread.shadowRoot!, 'Criar Acompanhamento', 'button[type=submit]');
      await until(() => q(thread, '#body-error'), 'no error for an empty message');
      await check(`${width}px, staff composer with attachments and errors`, thread);

      await (
        await apiAs(ATTENDANT)
      ).post('/requests/:id/approve', {
        params: { id: filed.id },
        body: { assigneeId: (await (await apiAs(ATTENDANT)).get('/me')).id, confirmSteps: filed.steps.map((s) => s.id) },
      });
      form.reload();
      await until(() => q(form, '#action-conclude'), 'not in service');
      await openDialog(form, 'Concluir');
      await check(`${width}px, "Concluir" open`, form);
      await closeDialog(form);
    });

    it('as staff: a document previewed, and a request that does not load', async () => {
      const filed = await fileRequest();
      const { form } = await requestView(filed.id, ATTENDANT);
      await click(form.shadowRoot!, /^Visualizar/);
      await until(() => q(form, '.preview iframe, .preview img'), 'no preview');
      await check(`${width}px, a document previewed`, form);
      const missing = await requestView(2_000_000_000, ATTENDANT);
      await check(`${width}px, the request did not load`, missing.form);
    });

    it('as the citizen: asked for information, the composer with attachments, a refused file, then the evaluation form', async () => {
      const citizen = newCitizen().sub;
      const filed = await fileRequest({ citizen });
      await advance(filed.id, 'in_service');
      await postFollowUp(ATTENDANT, filed.id, ASKED, 'info_request');
      const { form, thread, evaluation } = await requestView(filed.id, citizen);
      await until(() => q(form, '.asked')?.textContent?.includes('comprovante'), 'the request for information is not shown');
      await check(`${width}px, citizen asked for information`, form, thread);

      await click(form.shadowRoot!, 'Responder');
      await until(() => thread.shadowRoot!.activeElement?.id === 'body', 'no focus in the composer');
      const body = q<HTMLTextAreaElement>(thread, 'textarea')!;
      body.value = 'Segue o comprovante.';
      body.dispatchEvent(new Event('input'));
      choose(thread, [new File([PDF], LONG_FILE), new File(['<html>não é pdf</html>'], 'declaracao-de-residencia-com-nome-muito-comprido.pdf')]);
      await check(`${width}px, the citizen's composer with attachments`, thread);
      await click(thread.shadowRoot!, 'Enviar resposta', 'button[type=submit]');
      await until(() => q(thread, '.alert.error'), 'the refused file was not reported');
      await check(`${width}px, the citizen's send refused`, thread);

      // The citizen answers after all; the attendant concludes.
      await postFollowUp(citizen, filed.id, 'Segue o comprovante.');
      await (await apiAs(ATTENDANT)).post('/requests/:id/conclude', { params: { id: filed.id }, body: { text: 'Documento emitido.' } });
      form.reload();
      evaluation.remove();
      const concluded = await requestView(filed.id, citizen);
      await until(() => concluded.evaluation.shadowRoot?.querySelector('#verdict-approved'), 'not concluded');
      await click(concluded.evaluation.shadowRoot!, 'Enviar avaliação');
      await until(() => q(concluded.evaluation, '#error-summary'), 'no errors shown');
      await check(`${width}px, the evaluation form with its errors`, concluded.form, concluded.evaluation);
    });
  });
}
