import { css, svg } from 'lit';

/** The manual's blue "open" icon (a magnifier over a document). */
export const openIcon = svg`<svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h5"/><path d="M14 3v5h5"/><path d="M19 8v3"/><circle cx="16.5" cy="16.5" r="3.5"/><path d="m22 22-3-3"/></svg>`;

export const queueStyles = css`
  :host {
    container-type: inline-size;
  }
  section {
    background: var(--_surface);
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0 0 var(--_space);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.25rem;
    padding: 0 0.9em;
    border: 1px solid var(--_primary);
    border-radius: var(--_button-radius);
    background: var(--_surface);
    color: var(--_primary);
    font: inherit;
    font-size: 0.9em;
    font-weight: 600;
    cursor: pointer;
  }
  .chip:hover {
    background: var(--_primary-light);
  }
  .chip[aria-pressed='true'] {
    background: var(--_primary);
    color: #fff;
  }
  .count:not(:empty) {
    min-width: 1.6em;
    padding: 0 0.4em;
    border-radius: 100em;
    background: var(--_primary-light);
    color: var(--_dark);
    text-align: center;
    font-size: 0.85em;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75em 1em;
    padding: 0.75em 1em;
    margin: 0 0 var(--_space);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    min-width: 0;
    max-width: 100%;
  }
  .field.search {
    flex: 1 1 16rem;
  }
  .field.check {
    flex-direction: row;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_control-height);
  }
  .inline {
    display: flex;
    gap: 0.5em;
  }
  .inline input {
    flex: 1;
    min-width: 0;
  }
  select {
    max-width: min(22em, 100%);
  }
  .clear {
    align-self: flex-end;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95em;
  }
  table.busy tbody {
    opacity: 0.6;
  }
  th,
  td {
    padding: 0.6em 0.75em;
    border-bottom: 1px solid var(--_divider);
    text-align: left;
    vertical-align: top;
  }
  thead th {
    background: var(--_surface-alt);
    color: var(--_dark);
    font-weight: 700;
    border-bottom: 2px solid var(--_primary);
    white-space: nowrap;
  }
  tbody tr:hover {
    background: var(--_surface-alt);
  }
  tr.selected {
    background: var(--_primary-light) !important;
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  th.protocol {
    font-weight: 700;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .sub {
    display: block;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .muted {
    color: var(--_muted);
  }
  .late {
    color: var(--_danger-text);
    font-weight: 700;
  }
  .verdict.approved {
    color: #0f5e17;
    font-weight: 600;
  }
  .verdict.rejected {
    color: var(--_danger-text);
    font-weight: 600;
  }
  .citizen-verdict {
    display: block;
    margin-top: 0.3em;
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
  }
  .citizen-verdict.approved {
    color: #0f5e17;
  }
  .citizen-verdict.rejected {
    color: var(--_danger-text);
  }
  .unassigned {
    display: inline-block;
    padding: 0.05em 0.5em;
    border: 1px solid var(--_warning);
    border-left-width: 4px;
    border-radius: var(--_radius);
    background: var(--_warning-light);
    color: #333;
    font-size: 0.85em;
    font-weight: 700;
    white-space: nowrap;
  }
  .unassigned.in-status {
    display: none;
    margin-top: 0.3em;
  }
  /* The assignee column gives way here (.opt): the status cell says "Sem atendente" instead. */
  @container (36rem < width <= 52rem) {
    .unassigned.in-status {
      display: block;
      width: fit-content;
    }
  }
  td.actions,
  th.actions {
    text-align: center;
    width: 1%;
  }
  .open {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2.5rem;
    height: 2.5rem;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_primary);
    cursor: pointer;
  }
  .open:hover {
    background: var(--_primary-light);
  }
  .empty {
    padding: 1.5em 1em;
    text-align: center;
    color: var(--_muted);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .pagination {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 1em;
    margin-top: var(--_space);
  }
  @container (max-width: 52rem) {
    .opt {
      display: none;
    }
  }
  @container (max-width: 30rem) {
    .filters {
      padding: 0.75em;
    }
    .filters > .field:not(.check) {
      flex: 1 1 100%;
    }
    .filters select,
    .filters input[type='month'] {
      width: 100%;
      max-width: none;
    }
  }
  /* Narrow containers (phones, side panels): each row becomes a card. */
  @container (max-width: 36rem) {
    table,
    tbody,
    tr,
    td,
    tbody th {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tbody tr {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.3em 0.75em;
      padding: 0.75em;
      margin-bottom: 0.75em;
      border: 1px solid var(--_divider);
      border-radius: var(--_radius);
    }
    tbody th,
    tbody td {
      padding: 0;
      border: 0;
    }
    tbody td {
      grid-column: 1 / -1;
    }
    tbody td.opt {
      display: block;
    }
    tbody td[data-label]::before {
      content: attr(data-label) ': ';
      font-weight: 600;
      color: var(--_muted);
    }
    tbody td.actions {
      grid-column: 2;
      grid-row: 1;
    }
    .sub {
      display: inline;
      margin-left: 0.4em;
    }
  }
  @container (max-width: 44rem) {
    th,
    td {
      padding: 0.5em 0.4em;
    }
    table {
      font-size: 0.9em;
    }
  }
`;
