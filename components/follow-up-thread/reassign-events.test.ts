// The thread's events for "sem atendente" and its reassignment (issue #15), in
// Chromium against the real BFF: the staff read that the attendant's access
// ended and that the request was reassigned; the citizen reads a change of
// attendant, with nobody's access named.
import { expect, fixture, html } from '@open-wc/testing';
import { ATTENDANT, apiAs, expectAccessible, newCitizen, shadowText, token, until } from '../internal/test-support.js';
import { MANAGER, unassignedRequest } from '../internal/test-unassigned.js';
import '../define.js';
import type { AtendeFollowUpThread } from './follow-up-thread.js';

const eventLines = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.thread > li.event .events > li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

async function thread(id: number, sub: string) {
  const el = await fixture<AtendeFollowUpThread>(html`<atende-follow-up-thread request-id=${id} .token=${await token(sub)}></atende-follow-up-thread>`);
  await until(() => el.shadowRoot!.querySelector('.thread'), 'thread did not load');
  return el;
}

describe('atende-follow-up-thread: sem atendente and Reatribuir', () => {
  it('tells the staff that the access ended and that the request was reassigned, and the citizen only that the attendant changed', async () => {
    const citizen = newCitizen();
    const { request } = await unassignedRequest({ citizen: citizen.sub });
    const [manager, colleague] = await Promise.all([(await apiAs(MANAGER)).get('/me'), (await apiAs(ATTENDANT)).get('/me')]);
    await (await apiAs(ATTENDANT)).post('/requests/:id/reassign', { params: { id: request.id }, body: { assigneeId: colleague.id } });

    const staff = await thread(request.id, ATTENDANT);
    const lines = eventLines(staff);
    expect(lines.some((l) => l.startsWith(`Sem atendente: acesso de quem atendia encerrado por ${manager.name}`))).to.equal(true, lines.join(' | '));
    expect(lines.some((l) => l.startsWith(`Solicitação reatribuída por ${colleague.name}`))).to.equal(true, lines.join(' | '));
    await expectAccessible(staff);
    staff.remove();

    const own = await thread(request.id, citizen.sub);
    const seen = eventLines(own);
    expect(seen.some((l) => l.startsWith('Solicitação reatribuída'))).to.equal(true, seen.join(' | '));
    expect(shadowText(own)).not.to.match(/Sem atendente|revogad|expirad|acesso de/i);
    // A change of attendant, without who ended whose access.
    const change = seen.find((x) => x.startsWith('Mudança de atendente'));
    expect(change, seen.join(' | ')).to.exist;
    expect(change).not.to.contain(manager.name);
    await expectAccessible(own);
  });
});
