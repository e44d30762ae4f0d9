// The SEI intranet page as a manager uses it: below the queue, the
// institution's Carta de Serviços, which an attendant does not see; axe finds
// nothing and nothing scrolls sideways, on a desktop and at 375 px.
import { expect, fixture, html } from '@open-wc/testing';
import type * as Axe from 'axe-core';
import { ATTENDANT, until } from '../../components/internal/test-support.js';

type Frame = { doc: Document; win: Window & { axe?: typeof Axe } };

async function open(src: string, width: number): Promise<Frame> {
  const frame = await fixture<HTMLIFrameElement>(html`<iframe src=${src} title="SEI" style="width:${width}px;height:800px;border:0"></iframe>`);
  await until(() => frame.contentWindow?.location.pathname === '/demo/sei.html' && frame.contentDocument?.readyState === 'complete', `${src} loaded`);
  return { doc: frame.contentDocument!, win: frame.contentWindow as Frame['win'] };
}

async function violations({ doc, win }: Frame): Promise<string[]> {
  if (!win.axe) {
    doc.head.append(Object.assign(doc.createElement('script'), { src: '/node_modules/axe-core/axe.min.js' }));
    await until(() => win.axe, 'axe loaded in the page');
  }
  const results = await win.axe!.run(doc, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Boxes of the page, and of the editor's shadow root, reaching past the window's right edge. */
function overflow({ doc, win }: Frame): string[] {
  const editor = doc.querySelector('atende-service-editor')!;
  const boxes = [...doc.body.querySelectorAll<HTMLElement>('*'), ...editor.shadowRoot!.querySelectorAll<HTMLElement>('*')];
  return boxes
    .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > win.innerWidth + 0.5)
    .map((el) => `${el.localName}${el.id ? `#${el.id}` : ''} → ${Math.round(el.getBoundingClientRect().right)} px`);
}

const services = (doc: Document) => doc.querySelector('atende-service-editor')?.shadowRoot?.querySelectorAll('ul.services > li').length ?? 0;

describe('sei.html: the Carta de Serviços', () => {
  for (const width of [1280, 375]) {
    it(`is shown to the manager under its heading, accessible and within ${width} px`, async () => {
      const f = await open('/demo/sei.html?usuario=gestora.detran', width);
      await until(() => !f.doc.getElementById('carta')!.hidden && services(f.doc) > 0, 'charter shown');
      expect(f.doc.getElementById('carta-h')!.textContent).to.equal('Carta de Serviços');
      expect(await violations(f), 'axe').to.deep.equal([]);
      expect(overflow(f), 'wider than the window').to.deep.equal([]);
      const editor = f.doc.querySelector('atende-service-editor')!;
      editor.shadowRoot!.querySelector<HTMLButtonElement>('#new-service')!.click();
      await until(() => editor.shadowRoot!.querySelector('#f-name'), 'editor open');
      expect(await violations(f), 'axe, editing').to.deep.equal([]);
      expect(overflow(f), 'wider than the window, editing').to.deep.equal([]);
    });
  }

  it('is not shown to an attendant', async () => {
    const f = await open(`/demo/sei.html?usuario=${ATTENDANT}`, 1280);
    await until(() => f.doc.querySelector('atende-request-queue')?.shadowRoot?.querySelector('tbody tr'), 'queue shown');
    // The page asked who is signed in before the queue answered; the section stays hidden.
    await until(() => f.doc.getElementById('sei-user')!.textContent !== 'Usuário', 'user known');
    expect(f.doc.getElementById('carta')!.hidden).to.equal(true);
  });
});
