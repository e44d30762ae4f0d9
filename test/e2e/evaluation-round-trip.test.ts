// Issue 13's "done means", across the elements of both sides (the public panel
// is atende-satisfaction-panel's own test): a citizen evaluates a concluded
// request with a comment holding their phone number and CPF; the attendant
// sees both highlighted under "Avaliações" and publishes the comment masked;
// the citizen reads it published with the data hidden; a second citizen who
// did not approve reopens their request and it shows "Em atendimento" in the
// attendant's queue. axe in every state.
import { expect, fixture, html } from '@open-wc/testing';
import { ATTENDANT, advance, expectAccessible, fileRequest, newCitizen, token, until, q, text } from '../../components/internal/test-support.js';
import '../../components/define.js';
import type { AtendeEvaluationForm } from '../../components/evaluation-form/evaluation-form.js';
import type { AtendeEvaluationModerator } from '../../components/evaluation-moderator/evaluation-moderator.js';
import type { AtendeRequestQueue } from '../../components/request-queue/request-queue.js';

async function evaluationForm(id: number, sub: string) {
  const el = await fixture<AtendeEvaluationForm>(html`<atende-evaluation-form request-id=${id} .token=${await token(sub)}></atende-evaluation-form>`);
  await until(() => el.shadowRoot?.querySelector('form, .evaluation'), 'the evaluation form did not load');
  return el;
}

function fill(el: Element, verdict: 'approved' | 'rejected', rating: number, comment = '') {
  q<HTMLInputElement>(el, `#verdict-${verdict}`).click();
  q<HTMLInputElement>(el, `#rating-${rating}`).click();
  const area = q<HTMLTextAreaElement>(el, '#comment');
  area.value = comment;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
}

describe('evaluations, end to end: evaluate, moderate masked, published; not approved, reopened', () => {
  it('a comment with a phone and a CPF is published masked; a request not approved is reopened into the queue', async () => {
    // The first citizen evaluates, with their phone number and CPF in the comment.
    const first = newCitizen();
    const a = await advance((await fileRequest({ citizen: first.sub })).id, 'concluded');
    let form = await evaluationForm(a.id, first.sub);
    fill(form, 'approved', 5, 'Resolveram rápido! Qualquer coisa liguem (61) 99876-5432, CPF 529.982.247-25.');
    await until(() => text(form.shadowRoot!).includes('Aguardando moderação'), 'sent');
    await expectAccessible(form);
    form.remove();

    // The attendant sees both highlighted and publishes the comment masked.
    const moderator = await fixture<AtendeEvaluationModerator>(
      html`<atende-evaluation-moderator page-size="100" .token=${await token(ATTENDANT)}></atende-evaluation-moderator>`,
    );
    const item = () => [...(moderator.shadowRoot?.querySelectorAll('.list > li') ?? [])].find((li) => text(li.querySelector('h3')).endsWith(a.protocol));
    await until(() => item(), 'the evaluation listed');
    const labels = [...item()!.querySelectorAll('mark .pd-label')].map(text);
    expect(labels).to.include.members(['Telefone', 'CPF']);
    await expectAccessible(moderator);
    [...item()!.querySelectorAll<HTMLButtonElement>('.decisions button')].find((b) => text(b) === 'Aprovar ocultando dados')!.click();
    await until(() => q<HTMLDialogElement>(moderator, 'dialog').open, 'the preview');
    const preview = text(q(moderator, '.preview'));
    expect(preview).not.to.contain('99876-5432');
    expect(preview).not.to.contain('529.982.247-25');
    await expectAccessible(moderator);
    q<HTMLButtonElement>(moderator, '#dialog-confirm').click();
    await until(() => !item(), 'published');
    moderator.remove();

    // The citizen reads it published, with the data hidden.
    form = await evaluationForm(a.id, first.sub);
    await until(() => text(form.shadowRoot!).includes('Publicado com dados pessoais ocultados'), 'published masked');
    expect(text(q(form, 'blockquote.published'))).to.equal(preview);
    await expectAccessible(form);
    form.remove();

    // A second citizen did not approve, and reopens.
    const second = newCitizen();
    const b = await advance((await fileRequest({ citizen: second.sub })).id, 'concluded');
    form = await evaluationForm(b.id, second.sub);
    fill(form, 'rejected', 1);
    await until(() => form.shadowRoot!.querySelector('#reopen'), 'reopen offered');
    q<HTMLButtonElement>(form, '#reopen').click();
    await until(() => q<HTMLDialogElement>(form, 'dialog').open, 'the reopen dialog');
    const reason = q<HTMLTextAreaElement>(form, '#reopen-reason');
    reason.value = 'A CNH chegou com o nome errado.';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    q<HTMLButtonElement>(form, 'dialog button[type="submit"]').click();
    await until(() => text(q(form, '#notice')) === 'Solicitação reaberta: ela voltou ao atendimento.', 'reopened');
    await expectAccessible(form);

    // It is in the attendant's queue again, in service.
    const queue = await fixture<AtendeRequestQueue>(html`<atende-request-queue url-state="none" .token=${await token(ATTENDANT)}></atende-request-queue>`);
    const rows = () => [...queue.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    await until(() => rows().length > 0, 'the queue');
    q<HTMLInputElement>(queue, '#q').value = b.protocol;
    q<HTMLButtonElement>(queue, 'form button[type="submit"]').click();
    await until(() => rows().length === 1 && text(rows()[0]).includes(b.protocol) && !queue.shadowRoot!.querySelector('table.busy'), 'found');
    expect(text(rows()[0])).to.contain('Em atendimento');
    await expectAccessible(queue);
  });
});
