// The manual's attendant flow, end to end through the standalone demo page
// (demo/index.html in an iframe, real BFF), clicking the buttons by their
// labels: queue → open → "+ Iniciar Análise" → step "Sim" → "Aprovar" →
// choose the attendant → "Sim, Aprovar!" → "Concluir" → text → "Finalizar";
// then the citizen's verdict in the citizen's view, and the attendant sees it.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until, CITIZEN, click, deepQueryAll, fileRequest, shadowText } from '../../components/internal/test-support.js';

describe('attendant flow through demo/index.html', () => {
  it('goes from the queue to "Finalizar" and ends with the citizen\'s verdict', async () => {
    const filed = await fileRequest({ citizen: CITIZEN });
    sessionStorage.clear();
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe src="/demo/index.html" title="Demonstração" style="width:1280px;height:900px;border:0"></iframe>`,
    );
    await until(() => frame.contentWindow?.location.pathname === '/demo/index.html' && frame.contentDocument?.readyState === 'complete', 'demo loaded');
    const doc = frame.contentDocument!;
    const form = () => doc.querySelector('atende-analysis-form')!;
    const queue = () => doc.querySelector('atende-request-queue')!;
    const status = () => form().shadowRoot?.querySelector('.summary .badge')?.textContent?.trim();
    const typeInto = async (selector: string, text: string) => {
      let field: HTMLInputElement | undefined;
      await until(() => (field = deepQueryAll<HTMLInputElement>(doc, selector)[0]) && field.getClientRects().length > 0, `${selector} shown`);
      // A dialog moves focus when it opens: type only once the field really has it.
      await until(() => {
        field!.focus();
        return (field!.getRootNode() as Document | ShadowRoot).activeElement === field;
      }, `${selector} focused`);
      await sendKeys({ type: text });
      expect(field!.value).to.equal(text);
    };
    const signInAs = async (name: string) => {
      await click(doc, `Entrar como ${name}`);
      await until(() => queue().shadowRoot?.querySelector('tbody tr'), 'queue shown');
    };
    const openRequest = async () => {
      await typeInto('#q', filed.protocol);
      await click(doc, 'Buscar');
      await click(doc, `Abrir solicitação ${filed.protocol}`);
      await until(() => form().shadowRoot?.querySelector('h2')?.textContent === `Solicitação ${filed.protocol}`, 'request opened');
    };

    // The attendant signs in and works the request.
    await signInAs('Carlos Eduardo Santos');
    expect(doc.getElementById('workspace-title')!.textContent).to.equal('Painel do atendente — DETRAN');
    await openRequest();
    expect(frame.contentWindow!.location.hash).to.equal(`#/solicitacoes/${filed.id}`);
    expect(status()).to.equal('Enviada');

    await click(doc, '+ Iniciar Análise');
    await until(() => status() === 'Em análise', 'analysis started');

    await click(doc, 'Sim');
    await until(() => form().shadowRoot!.querySelector('.yes-no .yes[aria-pressed="true"]'), 'step answered');

    await click(doc, 'Aprovar');
    const [assignee] = deepQueryAll<HTMLSelectElement>(doc, '#assignee');
    await until(() => assignee.options.length > 1, 'attendants listed');
    assignee.value = [...assignee.options].find((o) => o.text.startsWith('Carlos Eduardo Santos'))!.value;
    // Only the first step was answered: the others are named, and approving needs their confirmation.
    deepQueryAll<HTMLInputElement>(doc, '#confirm-steps')[0].click();
    await click(doc, 'Sim, Aprovar!');
    await until(() => status() === 'Em atendimento', 'approved');

    await click(doc, 'Concluir');
    await until(() => deepQueryAll(doc, 'dialog[open]').length === 1, 'dialog opened');
    expect(deepQueryAll(doc, '#dialog-title')[0].textContent).to.equal('Concluir Solicitação');
    await typeInto('#conclusion', 'Nova via da CNH emitida e enviada ao endereço cadastrado.');
    await click(doc, 'Finalizar');
    await until(() => status() === 'Concluída', 'concluded');
    // The queue beside it followed the change.
    await until(() => shadowText(queue()).includes('Concluída'), 'queue refreshed');

    // The citizen gives the verdict in her own view.
    await click(doc, 'Sair');
    await signInAs('Maria da Silva Oliveira');
    expect(queue().view).to.equal('citizen');
    await openRequest();
    // Her evaluation form beside the request (its chunk comes on first use).
    await until(() => deepQueryAll<HTMLInputElement>(doc, '#verdict-approved')[0], 'the evaluation form');
    deepQueryAll<HTMLInputElement>(doc, '#verdict-approved')[0].click();
    deepQueryAll<HTMLInputElement>(doc, '#rating-5')[0].click();
    await click(doc, 'Enviar avaliação');
    await until(() => status() === 'Avaliada', 'evaluated');

    // The attendant sees the verdict.
    await click(doc, 'Sair');
    await signInAs('Carlos Eduardo Santos');
    await openRequest();
    expect(status()).to.equal('Avaliada');
    expect(shadowText(form())).to.contain('O cidadão aprovou o atendimento.');
    sessionStorage.clear();
  });
});
