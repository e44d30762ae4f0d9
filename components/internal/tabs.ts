// A tab list as in the WAI-ARIA tabs pattern, for the elements with sections
// (the access requests, the evaluation moderator): arrows, Home and End move
// between tabs and select them; only the selected tab is in the Tab order.
import { css, html } from 'lit';

export interface TabList<T extends string> {
  tabs: readonly T[];
  selected: T;
  /** The tab list's accessible name. */
  label: string;
  /** The id of the panel a tab controls. */
  panel: (tab: T) => string;
  text: (tab: T) => unknown;
  /** Selects a tab; `focus`: the keyboard moved there, so focus follows. */
  select: (tab: T, focus: boolean) => void;
}

export function renderTabs<T extends string>(t: TabList<T>) {
  const key = (e: KeyboardEvent) => {
    const n = t.tabs.length;
    const i = t.tabs.indexOf(t.selected);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: n - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    t.select(t.tabs[(to + n) % n], true);
  };
  return html`<div class="tabs" role="tablist" aria-label=${t.label} @keydown=${key}>
    ${t.tabs.map(
      (tab) =>
        html`<button
          id="tab-${tab}"
          class="tab"
          type="button"
          role="tab"
          aria-selected=${t.selected === tab ? 'true' : 'false'}
          aria-controls=${t.panel(tab)}
          tabindex=${t.selected === tab ? '0' : '-1'}
          @click=${() => t.select(tab, false)}
        >
          ${t.text(tab)}
        </button>`,
    )}
  </div>`;
}

export const tabStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    border-bottom: 2px solid var(--_divider);
    margin-bottom: var(--_space);
  }
  .tab {
    min-height: var(--_control-height);
    padding: 0 1em;
    border: 0;
    border-bottom: 4px solid transparent;
    background: none;
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    margin-bottom: -2px;
  }
  .tab:hover {
    background: var(--_primary-light);
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--_primary);
    color: var(--_dark);
  }
`;
