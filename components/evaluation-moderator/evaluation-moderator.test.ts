// "Avaliações" in Chromium against the real BFF: the pending evaluations with
// the personal data found highlighted and named, green "Aprovar", "Aprovar
// ocultando dados" with its preview, red "Reprovar" with a required reason
// (and a text for "Outro"), several at once (all or none), a decision
// changed from another tab, the keyboard alone and 375 px; axe in every state.
// Other test files add evaluations to the same institution meanwhile: each
// test finds its own by protocol.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { RequestDetail } from '../../contract/types.js';
import {
  ATTENDANT,
  OTHER_INSTITUTION,
  advance,
  apiAs,
  expectAccessible,
  expectNoSidewaysScroll,
  fileRequest,
  newCitizen,
  token,
  until,
  q,
  text,
  deepActive,
} from '../internal/test-support.js';
import '../define.js';
import type { AtendeEvaluationModerator } from './evaluation-moderator.js';

/** A concluded request of a fresh citizen, evaluated with `comment`. */
async function evaluated(comment: (name: string) => string, verdict: 'approved' | 'rejected' = 'approved', rating = 4) {
  const citizen = newCitizen();
  const filed = await advance((await fileRequest({ citizen: citizen.sub })).id, 'concluded');
  const r: RequestDetail = await (
    await apiAs(citizen.sub)
  ).post('/requests/:id/evaluation', { params: { id: filed.id }, body: { verdict, rating, comment: comment(citizen.name) } });
  return { citizen, request: r, evaluationId: r.evaluation!.id };
}

async function moderator(opts: { tokenProvider?: () => Promise<string> } = {}) {
  const el = opts.tokenProvider
    ? await fixture<AtendeEvaluationModerator>(
        html`<atende-evaluation-moderator page-size="100" .tokenProvider=${opts.tokenProvider}></atende-evaluation-moderator>`,
      )
    : await fixture<AtendeEvaluationModerator>(
        html`<atende-evaluation-moderator page-size="100" .token=${await token(ATTENDANT)}></atende-evaluation-moderator>`,
      );
  await until(() => el.shadowRoot?.querySelector('.list, .placeholder'), 'list loaded');
  return el;
}

/** The list item of the evaluation of `protocol`, if shown. */
const item = (el: Element, protocol: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.list > li')].find((li) => text(li.querySelector('h3')) === `Avaliação da solicitação ${protocol}`);
const itemButton = (li: HTMLElement, label: string) => [...li.querySelectorAll<HTMLButtonElement>('.decisions button')].find((b) => text(b) === label);
const dialog = (el: Element) => q<HTMLDialogElement>(el, 'dialog');
const tab = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => text(b) === name)!;

async function showTab(el: AtendeEvaluationModerator, name: string, protocol: string) {
  tab(el, name).click();
  await until(() => tab(el, name).getAttribute('aria-selected') === 'true' && item(el, protocol), `${protocol} under ${name}`);
}

describe('atende-evaluation-moderator', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('lists the pending evaluations with rating, verdict, service, protocol, date, and the personal data highlighted with what each is', async () => {
    const { request } = await evaluated((name) => `Sou ${name}, CPF 529.982.247-25, telefone (61) 99876-5432. Fui bem atendida em 10/03/2026.`, 'rejected', 2);
    const newer = await evaluated(() => 'Tudo certo.');
    const el = await moderator();
    expect(text(q(el, 'h2'))).to.equal('Avaliações');
    expect([...el.shadowRoot!.querySelectorAll('[role="tab"]')].map(text)).to.deep.equal(['Pendentes', 'Aprovadas', 'Reprovadas']);
    await until(() => item(el, request.protocol) && item(el, newer.request.protocol), 'the new evaluations listed');
    const li = item(el, request.protocol)!;
    const all = text(li);
    expect(all).to.contain('Nota 2 de 5');
    expect(all).to.contain('✕ Não aprovou');
    expect(all).to.contain(request.service.name);
    expect(all).to.contain(request.protocol);
    expect(all).to.match(/Avaliado em \d{2}\/\d{2}\/\d{4}/);
    const marks = [...li.querySelectorAll('mark')];
    const labels = marks.map((m) => text(m.querySelector('.pd-label')));
    expect(labels).to.include.members(['Nome do cidadão', 'CPF', 'Telefone']);
    expect(text(marks.find((m) => text(m.querySelector('.pd-label')) === 'CPF'))).to.contain('529.982.247-25');
    expect(text(marks.find((m) => text(m.querySelector('.pd-label')) === 'Telefone'))).to.contain('99876-5432');
    // The date is not personal data.
    expect(marks.some((m) => text(m).includes('10/03/2026'))).to.be.false;
    expect(text(li.querySelector('.found'))).to.contain('Dados pessoais encontrados:');
    // Newest first: the newer evaluation comes above.
    const order = [...el.shadowRoot!.querySelectorAll('.list > li h3')].map(text);
    expect(order.indexOf(`Avaliação da solicitação ${newer.request.protocol}`)).to.be.lessThan(order.indexOf(`Avaliação da solicitação ${request.protocol}`));
    await expectAccessible(el);
  });

  it('"Aprovar" publishes at once; under Aprovadas the decision can be changed to "Reprovar"', async () => {
    const { request, citizen } = await evaluated(() => 'Muito bom atendimento.');
    const el = await moderator();
    await until(() => item(el, request.protocol), 'listed');
    const moderated = oneEvent(el, 'atende-evaluations-moderated');
    itemButton(item(el, request.protocol)!, 'Aprovar')!.click();
    expect((await moderated).detail).to.deep.equal({ ids: [request.evaluation!.id], decision: 'approve' });
    await until(() => deepActive()?.id === 'notice', 'the notice takes focus');
    expect(text(q(el, '#notice'))).to.equal(`Avaliação ${request.protocol} aprovada: o comentário foi publicado.`);
    await until(() => !item(el, request.protocol), 'left the pending list');
    await expectAccessible(el);

    await showTab(el, 'Aprovadas', request.protocol);
    const li = item(el, request.protocol)!;
    expect(text(li.querySelector('.decided'))).to.match(/^Aprovada por .+ em \d{2}\/\d{2}\/\d{4}/);
    expect(itemButton(li, 'Aprovar')).to.be.undefined;
    expect(itemButton(li, 'Aprovar ocultando dados')).to.exist;
    await expectAccessible(el);
    itemButton(li, 'Reprovar')!.click();
    await until(() => dialog(el).open, 'reject dialog');
    q<HTMLInputElement>(el, '#reason-off_topic').click();
    q<HTMLButtonElement>(el, '#dialog-confirm').click();
    await until(() => !item(el, request.protocol), 'left Aprovadas');
    await showTab(el, 'Reprovadas', request.protocol);
    expect(text(item(el, request.protocol)!.querySelector('.decided'))).to.match(/Reprovada por .+: Não trata do serviço\.$/);
    const seen = await (await apiAs(citizen.sub)).get('/requests/:id', { params: { id: request.id } });
    expect(seen.evaluation!.publication).to.include({ state: 'not_published', reason: 'off_topic' });
  });

  it('"Aprovar ocultando dados" shows the comment as it will be published before publishing it', async () => {
    const { request, citizen } = await evaluated(() => 'Resolvido. Meu e-mail é fulana.tal@exemplo.com.br e o CEP 70040-010.');
    const el = await moderator();
    await until(() => item(el, request.protocol), 'listed');
    itemButton(item(el, request.protocol)!, 'Aprovar ocultando dados')!.click();
    await until(() => dialog(el).open && deepActive()?.id === 'dialog-confirm', 'preview open, focus on the confirmation');
    const preview = text(q(el, '.preview'));
    expect(preview).to.contain('███');
    expect(preview).not.to.contain('fulana.tal@exemplo.com.br');
    expect(preview).not.to.contain('70040-010');
    expect(text(q(el, '#dialog-title'))).to.equal('Aprovar ocultando dados');
    await expectAccessible(el);
    // Cancel: nothing published, focus back on the button.
    [...dialog(el).querySelectorAll('button')].find((b) => text(b) === 'Cancelar')!.click();
    await until(() => !dialog(el).open && deepActive()?.id === `item-${request.evaluation!.id}-mask`, 'focus back');
    itemButton(item(el, request.protocol)!, 'Aprovar ocultando dados')!.click();
    await until(() => dialog(el).open, 'preview again');
    q<HTMLButtonElement>(el, '#dialog-confirm').click();
    await until(() => deepActive()?.id === 'notice', 'published');
    expect(text(q(el, '#notice'))).to.contain('publicado com os dados pessoais ocultados');
    const seen = await (await apiAs(citizen.sub)).get('/requests/:id', { params: { id: request.id } });
    expect(seen.evaluation!.publication!.state).to.equal('published_masked');
    expect(seen.evaluation!.publication!.publishedText).to.equal(preview);
  });

  it('"Reprovar" needs a reason, and "Outro" needs a text', async () => {
    const { request } = await evaluated(() => 'Texto que não será publicado.');
    const el = await moderator();
    await until(() => item(el, request.protocol), 'listed');
    itemButton(item(el, request.protocol)!, 'Reprovar')!.click();
    await until(() => dialog(el).open && deepActive()?.id === 'reason-sensitive_data', 'dialog, focus on the first reason');
    expect([...dialog(el).querySelectorAll('fieldset label')].map(text)).to.deep.equal([
      'Dados pessoais sensíveis',
      'Linguagem ofensiva',
      'Não trata do serviço',
      'Outro',
    ]);
    await expectAccessible(el);
    q<HTMLButtonElement>(el, '#dialog-confirm').click();
    await until(() => el.shadowRoot!.querySelector('#reason-error'), 'reason required');
    expect(text(q(el, '#reason-error'))).to.equal('Escolha o motivo da reprovação.');
    expect(q(el, '#reason-offensive').getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);
    q<HTMLInputElement>(el, '#reason-other').click();
    await until(() => el.shadowRoot!.querySelector('#reason-text'), 'the text field for "Outro"');
    q<HTMLButtonElement>(el, '#dialog-confirm').click();
    await until(() => el.shadowRoot!.querySelector('#reason-text-error'), 'text required');
    expect(text(q(el, '#reason-text-error'))).to.equal('Explique o motivo quando escolher “Outro”.');
    expect(deepActive()?.id).to.equal('reason-text');
    await expectAccessible(el);
    await sendKeys({ type: 'Propaganda de empresa.' });
    q<HTMLButtonElement>(el, '#dialog-confirm').click();
    await until(() => !item(el, request.protocol), 'rejected');
    await showTab(el, 'Reprovadas', request.protocol);
    expect(text(item(el, request.protocol)!.querySelector('.decided'))).to.contain('Outro — Propaganda de empresa.');
    await expectAccessible(el);
  });

  it('decides several at once: select them (or all), one decision; a refusal keeps the selection and says why', async () => {
    const a = await evaluated(() => 'Primeira avaliação em lote.');
    const b = await evaluated(() => 'Segunda avaliação em lote.');
    let other = false;
    const good = await token(ATTENDANT);
    const elsewhere = await token(OTHER_INSTITUTION);
    const el = await moderator({ tokenProvider: async () => (other ? elsewhere : good) });
    await until(() => item(el, a.request.protocol) && item(el, b.request.protocol), 'both listed');
    // "Selecionar todas" selects every one shown, and clears them again.
    q<HTMLInputElement>(el, '#select-all').click();
    await el.updateComplete;
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.list input[type="checkbox"]')];
    expect(boxes.every((c) => c.checked)).to.be.true;
    expect(text(q(el, '.count'))).to.equal(boxes.length === 1 ? '1 selecionada' : `${boxes.length} selecionadas`);
    await expectAccessible(el);
    q<HTMLInputElement>(el, '#select-all').click();
    await el.updateComplete;
    expect(text(q(el, '.count'))).to.equal('Nenhuma selecionada');

    q<HTMLInputElement>(el, `#select-${a.evaluationId}`).click();
    q<HTMLInputElement>(el, `#select-${b.evaluationId}`).click();
    await el.updateComplete;
    expect(text(q(el, '.count'))).to.equal('2 selecionadas');
    expect(q<HTMLInputElement>(el, '#select-all').indeterminate || boxes.length === 2).to.be.true;

    // Refused (the server does not know these evaluations for this user): nothing decided, the selection stays.
    other = true;
    q<HTMLButtonElement>(el, '#bulk-approve').click();
    await until(() => el.shadowRoot!.querySelector('[role="alert"] #notice'), 'refusal');
    expect(text(q(el, '#notice'))).to.match(/^Nenhuma das avaliações selecionadas foi decidida: .+/);
    expect(q<HTMLInputElement>(el, `#select-${a.evaluationId}`).checked).to.be.true;
    expect(q<HTMLInputElement>(el, `#select-${b.evaluationId}`).checked).to.be.true;
    await expectAccessible(el);

    other = false;
    q<HTMLButtonElement>(el, '#bulk-reject').click();
    await until(() => dialog(el).open, 'bulk reject dialog');
    expect(text(q(el, '#dialog-title'))).to.equal('Reprovar 2 avaliações');
    q<HTMLInputElement>(el, '#reason-offensive').click();
    const moderated = oneEvent(el, 'atende-evaluations-moderated');
    q<HTMLButtonElement>(el, '#dialog-confirm').click();
    const { detail } = await moderated;
    expect(detail.decision).to.equal('reject');
    expect([...detail.ids].sort()).to.deep.equal([a.evaluationId, b.evaluationId].sort());
    await until(() => deepActive()?.id === 'notice', 'done');
    expect(text(q(el, '#notice'))).to.equal('2 avaliações reprovadas.');
    await until(() => !item(el, a.request.protocol) && !item(el, b.request.protocol), 'both left Pendentes');
    expect(text(q(el, '.count'))).to.equal('Nenhuma selecionada');
    await showTab(el, 'Reprovadas', a.request.protocol);
    expect(item(el, b.request.protocol)).to.exist;
    expect(text(item(el, a.request.protocol)!.querySelector('.decided'))).to.contain('Linguagem ofensiva');
  });

  it('works with the keyboard alone: arrows move between the tabs, Escape closes a dialog back to its button', async () => {
    const { request } = await evaluated(() => 'Teclado apenas.');
    const el = await moderator();
    await until(() => item(el, request.protocol), 'listed');
    tab(el, 'Pendentes').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActive()?.id).to.equal('tab-approved');
    expect(tab(el, 'Aprovadas').getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'End' });
    expect(deepActive()?.id).to.equal('tab-rejected');
    await sendKeys({ press: 'Home' });
    expect(deepActive()?.id).to.equal('tab-pending');
    await until(() => item(el, request.protocol), 'pending again');
    const reject = itemButton(item(el, request.protocol)!, 'Reprovar')!;
    reject.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el).open && deepActive()?.id === 'reason-sensitive_data', 'dialog');
    await sendKeys({ press: 'ArrowDown' });
    expect(q<HTMLInputElement>(el, '#reason-offensive').checked).to.be.true;
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el).open && deepActive()?.id === reject.id, 'focus back on Reprovar');
    const check = q<HTMLInputElement>(el, `#select-${request.evaluation!.id}`);
    check.focus();
    await sendKeys({ press: 'Space' });
    expect(check.checked).to.be.true;
    await expectAccessible(el);
  });

  it('fits 375 px without sideways scroll: the list, the masking preview and the rejection dialog', async () => {
    await setViewport({ width: 375, height: 740 });
    const { request } = await evaluated(() => `Um texto longo com e-mail ${'muito.comprido.'.repeat(3)}pessoa@exemplo.com.br e CPF 529.982.247-25.`);
    const el = await moderator();
    await until(() => item(el, request.protocol), 'listed');
    await expectNoSidewaysScroll('375 px, the list');
    itemButton(item(el, request.protocol)!, 'Aprovar ocultando dados')!.click();
    await until(() => dialog(el).open, 'preview');
    await expectNoSidewaysScroll('375 px, the preview');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el).open);
    itemButton(item(el, request.protocol)!, 'Reprovar')!.click();
    await until(() => dialog(el).open, 'reject dialog');
    q<HTMLInputElement>(el, '#reason-other').click();
    await until(() => el.shadowRoot!.querySelector('#reason-text'));
    await expectNoSidewaysScroll('375 px, the rejection dialog');
    await expectAccessible(el);
  });
});
