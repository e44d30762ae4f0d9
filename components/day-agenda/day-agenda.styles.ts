import { css } from 'lit';

export const agendaStyles = css`
  :host {
    min-width: 0;
  }
  .base {
    background: var(--_surface);
    container-type: inline-size;
  }
  .head {
    margin-bottom: var(--_space);
  }
  .head h2 {
    margin-bottom: 0.15em;
  }
  .day {
    font-size: 1.1em;
    color: var(--_dark);
    margin: 0;
  }
  .day::first-letter {
    text-transform: uppercase;
  }
  .placeholder {
    padding: 1.5em 1em;
  }
  .controls,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75em 1.25em;
    margin-bottom: var(--_space);
  }
  .actions {
    padding: 0.5em 0.75em;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    gap: 0.5em;
  }
  .field {
    display: grid;
    gap: 0.25em;
    min-width: 0;
  }
  .field select {
    max-width: 100%;
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .switch {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_control-height);
  }
  .switch input {
    appearance: none;
    position: relative;
    width: 2.6em;
    height: 1.5em;
    margin: 0;
    border: 2px solid var(--_border);
    border-radius: 100em;
    background: var(--_surface);
    cursor: pointer;
  }
  .switch input::before {
    content: '';
    position: absolute;
    top: 0.15em;
    left: 0.15em;
    width: 0.95em;
    height: 0.95em;
    border-radius: 50%;
    background: var(--_border);
    transition: transform 0.15s;
  }
  .switch input:checked {
    background: var(--_primary);
    border-color: var(--_primary);
  }
  .switch input:checked::before {
    background: #fff;
    transform: translateX(1.1em);
  }
  .count {
    color: var(--_muted);
  }
  .table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.5em 0.6em;
    border-bottom: 1px solid var(--_divider);
    overflow-wrap: anywhere;
  }
  th {
    background: var(--_surface-alt);
    color: var(--_dark);
    font-weight: 700;
    border-bottom: 2px solid var(--_border);
  }
  td.time {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  /* A cancelled meeting's time and subject struck through (not the cards' labels, nor the reason). */
  tr.cancelled .struck {
    text-decoration: line-through;
  }
  .reason {
    display: block;
    text-decoration: none;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
  }
  a.protocol {
    color: var(--_primary);
  }
  .badge.phase.open {
    background: var(--_primary);
    color: #fff;
  }
  .badge.phase.upcoming {
    background: var(--_primary-light);
    border-color: var(--_primary);
    color: var(--_dark);
  }
  .badge.phase.ended {
    background: var(--_surface-alt);
    border-color: var(--_divider);
  }
  .badge.phase.cancelled {
    background: var(--_danger-light);
    color: var(--_danger-text);
  }

  /* At phone width each meeting is a card: label and value, no sideways scroll. */
  @container (max-width: 36rem) {
    .table,
    .table tbody,
    .table tr,
    .table td {
      display: block;
    }
    .table thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .table tr {
      border: 1px solid var(--_divider);
      border-left: 4px solid var(--_primary);
      border-radius: var(--_radius);
      padding: 0.5em 0.75em;
      margin-bottom: 0.75em;
    }
    .table tr.cancelled,
    .table tr.ended {
      border-left-color: var(--_divider);
    }
    .table td {
      display: grid;
      grid-template-columns: 6.5em minmax(0, 1fr);
      gap: 0.5em;
      border: 0;
      padding: 0.2em 0;
    }
    .table td > .protocol {
      justify-self: start;
    }
    .table td::before {
      content: attr(data-label);
      font-weight: 600;
      color: var(--_muted);
    }
    .nav .btn {
      padding: 0 0.8em;
    }
  }

  /* The share dialog. */
  .share input[readonly] {
    width: 100%;
    background: var(--_surface-alt);
  }
  .shares h3:focus {
    outline: none;
  }
  .shares h3:focus-visible {
    outline: 4px dashed var(--_focus);
  }
  .share-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .share-item {
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    overflow-wrap: anywhere;
  }
  .share-item p {
    margin: 0 0 0.25em;
  }
  .badge.share-state.active {
    background: var(--_success-light);
    color: #0f5e17;
  }
  .badge.share-state.revoked {
    background: var(--_danger-light);
    color: var(--_danger-text);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    padding: 0.5em;
    background: var(--_warning-light);
    border-radius: var(--_radius);
  }
  .confirm p {
    flex-basis: 100%;
    font-weight: 600;
  }

  /* "Imprimir": the heading and the table, nothing to press. */
  @media print {
    .controls,
    .actions,
    .notices,
    .count,
    dialog {
      display: none !important;
    }
    .base {
      container-type: normal;
    }
    .link,
    a.protocol {
      color: inherit;
      text-decoration: none;
    }
    th,
    td {
      border-bottom: 1px solid #000;
    }
    tr {
      break-inside: avoid;
    }
    .badge {
      border: 0;
      background: none !important;
      color: inherit !important;
      padding: 0;
    }
  }
`;
