// On a phone-sized screen the demo pages (index.html, sei.html) open a
// request as its own view instead of below a long queue, with nothing
// scrolling sideways, and "Voltar para a fila" returns to the same place in
// the queue, on the request that was open. Real BFF, Chromium, at 375 px.
import { expect, fixture, html } from '@open-wc/testing';
import { until, click, deepQueryAll, fileRequest } from '../../components/internal/test-support.js';

describe('the demo pages at 375 px', () => {
  it('opens a request as its own view, and back returns to the same place in the queue', async () => {
    await fileRequest();
    sessionStorage.clear();
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe src="/demo/index.html" title="Demonstração" style="width:375px;height:700px;border:0"></iframe>`,
    );
    await until(() => frame.contentWindow?.location.pathname === '/demo/index.html' && frame.contentDocument?.readyState === 'complete', 'demo loaded');
    const win = frame.contentWindow!;
    const doc = frame.contentDocument!;
    const queue = () => doc.querySelector('atende-request-queue')!;
    const form = () => doc.querySelector('atende-analysis-form')!;
    const shown = (el: Element) => el.getClientRects().length > 0;
    const sideways = () => `${doc.documentElement.scrollWidth}px wide in ${win.innerWidth}px`;

    await click(doc, 'Entrar como Carlos Eduardo Santos');
    await until(() => (queue().shadowRoot?.querySelectorAll('tbody tr').length ?? 0) > 8, 'queue shown');
    expect(doc.documentElement.scrollWidth, sideways()).to.be.at.most(win.innerWidth);

    // Far down the queue, open a request.
    const buttons = deepQueryAll<HTMLButtonElement>(queue().shadowRoot!, 'tbody tr .open');
    const target = buttons[8];
    target.scrollIntoView({ block: 'center' });
    await until(() => win.scrollY > 300, 'the queue scrolled down');
    const place = win.scrollY;
    const label = target.getAttribute('aria-label')!;
    target.click();
    await until(() => form().shadowRoot?.querySelector('h2#heading') && form().shadowRoot?.querySelector('ol.history'), 'request opened');
    expect(shown(queue()), 'the queue makes way for the request').to.equal(false);
    expect(form().shadowRoot!.activeElement?.id, 'focus on the request’s heading').to.equal('heading');
    const heading = form().shadowRoot!.querySelector('h2')!.getBoundingClientRect();
    expect(heading.top, 'the request is in view').to.be.within(0, win.innerHeight);
    expect(doc.documentElement.scrollWidth, sideways()).to.be.at.most(win.innerWidth);
    const back = doc.getElementById('back-to-queue')!;
    expect(shown(back)).to.equal(true);

    back.click();
    await until(() => shown(queue()) && !doc.getElementById('workspace')!.classList.contains('has-request'), 'back in the queue');
    await until(() => Math.abs(win.scrollY - place) <= 1, `back at the same place in the queue (${place}px)`);
    const focused = queue().shadowRoot!.activeElement;
    expect(focused?.getAttribute('aria-label'), 'focus on the request that was open').to.equal(label);
    expect(shown(back)).to.equal(false);
  });

  it('demo/sei.html opens a request as its own view too, and "Fechar solicitação" returns to the queue', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/demo/sei.html" title="SEI" style="width:375px;height:700px;border:0"></iframe>`);
    await until(() => frame.contentWindow?.location.pathname === '/demo/sei.html' && frame.contentDocument?.readyState === 'complete', 'SEI loaded');
    const win = frame.contentWindow!;
    const doc = frame.contentDocument!;
    const queue = doc.querySelector('atende-request-queue')!;
    const form = doc.querySelector('atende-analysis-form')!;
    await until(() => (queue.shadowRoot?.querySelectorAll('tbody tr .open').length ?? 0) > 8, 'queue shown');
    expect(doc.documentElement.scrollWidth, 'the queue fits').to.be.at.most(win.innerWidth);
    const target = queue.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody tr .open')[8];
    target.scrollIntoView({ block: 'center' });
    await until(() => win.scrollY > 300, 'the queue scrolled down');
    const place = win.scrollY;
    target.click();
    await until(() => form.shadowRoot?.querySelector('h2#heading'), 'request opened');
    expect(queue.getClientRects().length, 'the queue makes way for the request').to.equal(0);
    expect(doc.documentElement.scrollWidth, `the request fits: ${doc.documentElement.scrollWidth}px`).to.be.at.most(win.innerWidth);
    doc.getElementById('close-detail')!.click();
    await until(() => queue.getClientRects().length > 0, 'back in the queue');
    await until(() => Math.abs(win.scrollY - place) <= 1, `back at the same place in the queue (${place}px)`);
    expect(queue.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal(target.getAttribute('aria-label'));
  });
});
