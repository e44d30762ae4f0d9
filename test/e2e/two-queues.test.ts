// Two queues on one page (e.g. an intranet showing the DETRAN and the SEFIN
// queues side by side): the host names each with `label`, which becomes the
// queue's heading and part of its landmarks' names, so a screen reader's
// landmark list tells them apart and axe finds no duplicate landmark.
import { expect, fixture, html } from '@open-wc/testing';
import { ATTENDANT, OTHER_INSTITUTION, deepQueryAll, expectAccessible, token, until } from '../../components/internal/test-support.js';
import '../../components/define.js';
import type { AtendeRequestQueue } from '../../components/request-queue/request-queue.js';

const loaded = (el: AtendeRequestQueue) =>
  until(
    () => el.shadowRoot?.querySelector('tbody tr') && el.shadowRoot.querySelector('nav') && !el.shadowRoot.querySelector('table.busy'),
    'rows did not load',
  );

describe('two request queues on one page', () => {
  it("names each queue's region, search and pagination after the host's label; axe clean", async () => {
    const [detran, sefin] = await Promise.all([token(ATTENDANT), token(OTHER_INSTITUTION)]);
    const page = await fixture<HTMLElement>(html`
      <main>
        <h1>Filas do dia</h1>
        <atende-request-queue api="/api" page-size="2" label="Fila do DETRAN" .token=${detran}></atende-request-queue>
        <atende-request-queue api="/api" page-size="2" label="Fila da SEFIN" .token=${sefin}></atende-request-queue>
      </main>
    `);
    const [first, second] = page.querySelectorAll('atende-request-queue');
    await Promise.all([loaded(first), loaded(second)]);

    expect(first.shadowRoot!.querySelector('h2')!.textContent).to.equal('Fila do DETRAN');
    expect(second.shadowRoot!.querySelector('h2')!.textContent).to.equal('Fila da SEFIN');
    const names = deepQueryAll(page, 'form[role="search"], nav').map((n) => n.getAttribute('aria-label'));
    expect(names).to.have.members([
      'Filtros da fila — Fila do DETRAN',
      'Paginação — Fila do DETRAN',
      'Filtros da fila — Fila da SEFIN',
      'Paginação — Fila da SEFIN',
    ]);
    await expectAccessible(page);
  });
});
