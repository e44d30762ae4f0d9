// Issue 14's "done means", across the elements of the three sides: a manager
// publishes a service with two steps and three form fields; a citizen files it
// through the request form and gets a protocol; the attendant finds it in the
// queue and answers its two steps; the manager publishes an edit (other
// steps, another field); the filed request still shows the steps and form it
// was filed under, and a new filing gets the new version.
import { expect, fixture, html } from '@open-wc/testing';
import type { ServiceDetail } from '../../contract/types.js';
import { ATTENDANT, apiAs, click, expectAccessible, newCitizen, token, until } from '../../components/internal/test-support.js';
import '../../components/define.js';
import '../../components/analysis-form/define.js';
import '../../components/request-form/define.js';
import type { AtendeAnalysisForm } from '../../components/analysis-form/analysis-form.js';
import type { AtendeRequestForm } from '../../components/request-form/request-form.js';
import type { AtendeRequestQueue } from '../../components/request-queue/request-queue.js';
import { fill, q } from '../../components/request-form/request-form.test-helpers.js';

const MANAGER = 'gestora.detran';
const STEPS = ['Conferir o CPF na base estadual', 'Emitir a licença'];
const FIELDS = [
  { code: 'cpf', label: 'CPF', datatype: 'string', format: 'cpf', required: true },
  { code: 'modalidade', label: 'Modalidade', datatype: 'singlevaluelist', required: true, values: ['Embarcada', 'Desembarcada'] },
  { code: 'observacoes', label: 'Observações', datatype: 'text', required: false },
] as const;

async function publishNew(name: string): Promise<ServiceDetail> {
  const api = await apiAs(MANAGER);
  const institutionId = (await api.get('/me')).memberships[0].institution.id;
  const draft = await api.post('/services', {
    body: {
      institutionId,
      name,
      description: 'Licença para pesca amadora nos rios do estado.',
      audience: 'Pessoas maiores de 18 anos.',
      requirements: 'CPF regular.',
      documents: [],
      steps: [...STEPS],
      fields: FIELDS.map((f) => ({ ...f, values: 'values' in f ? [...f.values] : undefined })),
      cost: 'Gratuito',
      deadline: { days: 10, kind: 'business' },
      delivery: ['online'],
      area: ['Gerência de Habilitação'],
      address: 'Online, pelo portal do estado.',
      legalBasis: 'Lei estadual nº 1.234/2020.',
      lgpdBasis: 'Execução de políticas públicas (art. 7º, III, LGPD).',
    },
  });
  await api.post('/services/:id/publish', { params: { id: draft.serviceId } });
  return api.get('/services/:id', { params: { id: draft.serviceId } });
}

const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('the charter round trip: manager, citizen, attendant', () => {
  it('a request keeps the steps and form it was filed under after the manager publishes an edit', async () => {
    const name = `Licença de pesca amadora ${newCitizen().word}`;
    const service = await publishNew(name);
    expect(service.steps.map((s) => s.title)).to.deep.equal(STEPS);

    // The citizen files through the request form and gets a protocol.
    const citizen = newCitizen().sub;
    const form = await fixture<AtendeRequestForm>(
      html`<atende-request-form api="/api" .serviceId=${service.id} .token=${await token(citizen)}></atende-request-form>`,
    );
    await until(() => q(form, 'form[part=form]'), 'the form loaded');
    fill(form, service, { cpf: '529.982.247-25', modalidade: 'Embarcada', observacoes: 'Rio Madeira.' });
    [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Continuar')!.click();
    await until(() => [...form.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent!.trim() === 'Enviar solicitação'), 'the review');
    [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Enviar solicitação')!.click();
    await until(() => q(form, '#protocol strong'), 'filed');
    const protocol = q(form, '#protocol strong')!.textContent!.trim();

    // The attendant sees it in the queue, opens it and answers both steps.
    const queue = await fixture<AtendeRequestQueue>(
      html`<atende-request-queue api="/api" view="staff" .token=${await token(ATTENDANT)}></atende-request-queue>`,
    );
    // Other tests file too: the attendant searches the protocol, as the manual says.
    await until(() => queue.shadowRoot!.querySelector('#q'), 'the queue');
    queue.shadowRoot!.querySelector<HTMLInputElement>('#q')!.value = protocol;
    await click(queue.shadowRoot!, 'Buscar');
    await until(() => text(queue).includes(protocol), 'the request in the queue');
    const attendant = await apiAs(ATTENDANT);
    const filed = (await attendant.get('/requests', { query: { q: protocol } })).items[0];
    expect(filed.service.name).to.equal(name);
    const analysis = await fixture<AtendeAnalysisForm>(
      html`<atende-analysis-form api="/api" request-id=${filed.id} .token=${await token(ATTENDANT)}></atende-analysis-form>`,
    );
    const button = (label: string) => [...analysis.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);
    await until(() => button('+ Iniciar Análise'), 'the analysis form');
    button('+ Iniciar Análise')!.click();
    for (let i = 0; i < STEPS.length; i++) {
      await until(
        () => {
          const b = analysis.shadowRoot!.querySelectorAll('.yes-no .yes')[i];
          return b && b.getAttribute('aria-disabled') !== 'true' && text(analysis).includes('Em análise');
        },
        `step ${i + 1} answerable`,
      );
      const yes = analysis.shadowRoot!.querySelectorAll<HTMLButtonElement>('.yes-no .yes')[i];
      yes.click();
      await until(() => yes.getAttribute('aria-pressed') === 'true', `step ${i + 1} answered`);
    }
    await expectAccessible(analysis);

    // The manager publishes an edit: other steps, the long text field gone, a new one.
    const manager = await apiAs(MANAGER);
    await manager.patch('/services/:id', {
      params: { id: service.id },
      body: {
        name: `${name} (nova versão)`,
        steps: ['Conferir o CPF e a idade', 'Emitir a licença', 'Enviar por e-mail'],
        fields: [FIELDS[0], { code: 'email', label: 'E-mail', datatype: 'string', format: 'email', required: true }],
      },
    });
    await manager.post('/services/:id/publish', { params: { id: service.id } });

    // The filed request, shown afresh, keeps the version it was filed under.
    analysis.remove();
    const again = await fixture<AtendeAnalysisForm>(
      html`<atende-analysis-form api="/api" request-id=${filed.id} .token=${await token(ATTENDANT)}></atende-analysis-form>`,
    );
    await until(() => text(again).includes(STEPS[0]), 'the request shown again');
    const shown = text(again);
    for (const step of STEPS) expect(shown).to.contain(step);
    expect(shown).not.to.contain('Enviar por e-mail');
    expect(shown).to.contain('Rio Madeira.');
    const detail = await attendant.get('/requests/:id', { params: { id: filed.id } });
    expect(detail.steps.map((s) => [s.title, s.answer])).to.deep.equal(STEPS.map((s) => [s, 'yes']));
    expect(detail.service.version).to.equal(1);
    expect(detail.fields.map((f) => f.code)).to.deep.equal(['cpf', 'modalidade', 'observacoes']);

    // A new filing gets the new version.
    const now = await manager.get('/services/:id', { params: { id: service.id } });
    expect(now.version).to.equal(2);
    expect(now.steps.map((s) => s.title)).to.deep.equal(['Conferir o CPF e a idade', 'Emitir a licença', 'Enviar por e-mail']);
  });
});
