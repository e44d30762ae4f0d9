// "Sem atendente" in the queue (issue #15), in Chromium against the real BFF:
// a request whose attendant's access was revoked says so in words, at every
// width — in the assignee column of the wide table, in the status cell where a
// middling width hides that column, and on the card at 375 px.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ATTENDANT, expectAccessible, expectNoSidewaysScroll, token, until, q, text } from '../internal/test-support.js';
import { unassignedRequest } from '../internal/test-unassigned.js';
import '../define.js';
import type { AtendeRequestQueue } from './request-queue.js';

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
/** The "Sem atendente" marks of a row that a reader sees (and a screen reader reads: display none hides them from both). */
const visibleMarks = (row: HTMLTableRowElement) => [...row.querySelectorAll<HTMLElement>('.unassigned')].filter(shown);

/** The staff queue in a box of `width` (the element adapts to its container), searched for one protocol. */
async function queueFor(protocol: string, width = '100%') {
  const t = await token(ATTENDANT);
  const wrap = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}"><atende-request-queue url-state="none" .token=${t}></atende-request-queue></div>`,
  );
  const el = wrap.querySelector<AtendeRequestQueue>('atende-request-queue')!;
  await until(() => rows(el).length > 0, 'rows did not load');
  q<HTMLInputElement>(el, '#q').value = protocol;
  q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
  await until(() => rows(el).length === 1 && !el.shadowRoot!.querySelector('table.busy'), `the search for ${protocol}`);
  return el;
}

describe('atende-request-queue: sem atendente', () => {
  let protocol: string;
  before(async () => {
    ({
      request: { protocol },
    } = await unassignedRequest());
  });

  it('says "Sem atendente" in the assignee column of the wide table, once', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await queueFor(protocol);
    const [row] = rows(el);
    const assignee = row.querySelector('td[data-label="Responsável"]')!;
    expect(shown(assignee), 'the assignee column is shown').to.be.true;
    const marks = visibleMarks(row);
    expect(marks).to.have.length(1);
    expect(assignee.contains(marks[0])).to.be.true;
    // Text and symbol, the symbol kept from screen readers: they read the words.
    expect(text(marks[0])).to.equal('⚠ Sem atendente');
    expect(marks[0].querySelector('[aria-hidden="true"]')!.textContent).to.equal('⚠');
    expect(text(row.querySelector('td[data-label="Situação"]')!)).to.match(/^Em atendimento/);
    await expectAccessible(el);
  });

  it('moves it to the status cell where the assignee column gives way', async () => {
    const el = await queueFor(protocol, '44rem');
    const [row] = rows(el);
    expect(shown(row.querySelector('td[data-label="Responsável"]')!), 'the assignee column gave way').to.be.false;
    const marks = visibleMarks(row);
    expect(marks).to.have.length(1);
    expect(row.querySelector('td[data-label="Situação"]')!.contains(marks[0])).to.be.true;
    expect(text(marks[0])).to.equal('⚠ Sem atendente');
    await expectAccessible(el);
  });

  it('shows it on the card at 375 px, with no sideways scroll', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const el = await queueFor(protocol);
      const [row] = rows(el);
      expect(getComputedStyle(row).display, 'a card').to.equal('grid');
      const assignee = row.querySelector<HTMLElement>('td[data-label="Responsável"]')!;
      expect(getComputedStyle(assignee, '::before').content).to.equal('"Responsável: "');
      const marks = visibleMarks(row);
      expect(marks).to.have.length(1);
      expect(assignee.contains(marks[0])).to.be.true;
      expect(text(marks[0])).to.equal('⚠ Sem atendente');
      expect(marks[0].getBoundingClientRect().right).to.be.at.most(innerWidth);
      await expectNoSidewaysScroll('a card sem atendente');
      await expectAccessible(el);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
