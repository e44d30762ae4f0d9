import { expect, fixture, html } from '@open-wc/testing';
import { until, expectAccessible, fileRequest, newCitizen, token } from '../internal/test-support.js';
import '../define.js';
import { defineElement } from '../internal/define-element.js';
import type { AtendeRequestQueue } from '../request-queue/request-queue.js';
import { AtendeSession } from './session.js';

const heading = (el: Element) => el.shadowRoot?.querySelector('h2')?.textContent;
const rowCount = (el: Element) => el.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;

describe('atende-session', () => {
  it('is transparent to layout and shares its configuration with several elements', async () => {
    const citizen = newCitizen();
    for (let i = 0; i < 4; i++) await fileRequest({ citizen: citizen.sub });
    const good = await token(citizen.sub);
    const session = await fixture<AtendeSession>(
      html`<atende-session api="/api" .tokenProvider=${async () => good}>
        <atende-request-queue view="citizen" page-size="2"></atende-request-queue>
        <atende-request-queue view="citizen" page-size="4"></atende-request-queue>
      </atende-session>`,
    );
    expect(getComputedStyle(session).display).to.equal('contents');
    const [a, b] = session.querySelectorAll<AtendeRequestQueue>('atende-request-queue');
    await until(() => rowCount(a) === 2 && rowCount(b) === 4, 'both queues loaded');
  });

  it('passes a new token provider and language on to the elements inside', async () => {
    const citizen = newCitizen();
    const filed = await fileRequest({ citizen: citizen.sub });
    const session = await fixture<AtendeSession>(
      html`<atende-session>
        <atende-request-queue view="citizen"></atende-request-queue>
      </atende-session>`,
    );
    const queue = session.querySelector<AtendeRequestQueue>('atende-request-queue')!;
    await queue.updateComplete;
    expect(queue.shadowRoot!.textContent).to.contain('Entre com sua conta para ver as solicitações.');
    const good = await token(citizen.sub);
    session.tokenProvider = async () => good;
    await until(() => rowCount(queue) === 1, 'loaded with the new provider');
    expect(queue.shadowRoot!.querySelector('tbody th')!.textContent).to.equal(filed.protocol);
    await expectAccessible(session);
    session.setAttribute('lang', 'en');
    await until(() => heading(queue) === 'My requests', 'switched to English');
    queue.setAttribute('lang', 'pt-BR');
    await until(() => heading(queue) === 'Minhas solicitações', 'the element’s own lang wins');
  });

  it('tolerates the bundle registering its tags twice', async () => {
    expect(() => defineElement('atende-session', class extends AtendeSession {})).not.to.throw();
    expect(customElements.get('atende-session')).to.equal(AtendeSession);
    // A second copy of the bundle: new classes, same tags.
    const secondCopy = new URL('../define.ts?copy=2', import.meta.url).href;
    await import(secondCopy);
    expect(customElements.get('atende-request-queue')).to.exist;
  });

  it('emits atende-unauthorized when the host cannot provide a valid token', async () => {
    const session = await fixture<AtendeSession>(
      html`<atende-session .tokenProvider=${async () => 'never-valid'}>
        <atende-request-queue></atende-request-queue>
      </atende-session>`,
    );
    const events: Event[] = [];
    session.addEventListener('atende-unauthorized', (e) => events.push(e));
    const queue = session.querySelector<AtendeRequestQueue>('atende-request-queue')!;
    queue.reload();
    await until(() => events.length > 0, 'atende-unauthorized');
    expect((events[0] as CustomEvent).detail.status).to.equal(401);
    expect(events[0].composed && events[0].bubbles).to.be.true;
  });
});
