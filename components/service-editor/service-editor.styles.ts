import { css } from 'lit';

export const editorStyles = css`
  :host {
    container-type: inline-size;
    /* As a grid or flex item of the host page, shrink to the room there is. */
    min-width: 0;
  }
  .base {
    background: var(--_surface);
  }
  h2:focus,
  h3:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 4px dashed var(--_focus);
  }
  .muted {
    color: var(--_muted);
  }
  .pre {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  [hidden] {
    display: none !important;
  }

  /* The list of services. */
  .list-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75em;
    margin-bottom: var(--_space);
  }
  .list-head h2 {
    margin: 0;
  }
  ul.services {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.services > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    padding: 0.75em 0;
    border-bottom: 1px solid var(--_divider);
  }
  .service-text {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35em 0.75em;
    min-width: 0;
  }
  .service-name {
    font-weight: 600;
    color: var(--_dark);
    overflow-wrap: anywhere;
  }
  .badges {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .badge.svc-published,
  .badge.current {
    background: var(--_success-light);
    border-color: var(--_success);
    color: #0b4611;
  }
  .badge.svc-draft,
  .badge.draft {
    background: var(--_primary-light);
    border-color: var(--_primary);
    color: var(--_dark);
  }
  .badge.svc-unpublished {
    background: var(--_danger-light);
    border-color: var(--_danger-text);
    color: var(--_danger-text);
  }
  .badge.pending {
    background: var(--_warning-light);
    border-color: var(--_warning);
    color: #333;
  }

  /* The editing view. */
  .editor header {
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_divider);
    margin-bottom: var(--_space);
  }
  .back {
    margin-bottom: 0.75em;
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.75em;
    margin: 0;
  }
  .alert {
    flex-wrap: wrap;
    overflow-wrap: anywhere;
  }
  .conflict,
  .offer {
    display: grid;
    gap: 0.5em;
  }
  .offer-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .error-summary {
    margin-bottom: var(--_space);
    overflow-wrap: anywhere;
  }
  .missing ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .missing {
    padding: 0.75em 1em;
    margin-bottom: var(--_space);
    border-left: 4px solid var(--_warning);
    background: var(--_warning-light);
    border-radius: var(--_radius);
  }
  .missing a {
    color: var(--_dark);
  }
  .missing .ok {
    color: #0b4611;
    font-weight: 600;
    margin: 0;
  }
  .entry {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .part {
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  .part h3 {
    padding-bottom: 0.3em;
    border-bottom: 2px solid var(--_primary-light);
    margin: 0;
  }
  .part h4 {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.3em;
    min-width: 0;
  }
  .field p {
    margin: 0;
  }
  .field input:not([type='checkbox']),
  .field select,
  .field textarea {
    width: 100%;
  }
  .grow {
    flex: 1;
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: 0.5em;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  fieldset.row {
    padding: 0.75em 1em;
    border: 1px solid var(--_divider);
    border-left: 4px solid var(--_primary);
    border-radius: var(--_radius);
  }
  fieldset.row > legend {
    padding: 0 0.3em;
    color: var(--_dark);
  }
  ol.rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .step-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5em 0.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_divider);
    border-left: 4px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .step-row .field {
    flex: 1 1 12rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: 0.75em 1em;
    align-items: start;
  }
  .row-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .btn.icon {
    min-width: 2.5rem;
    padding: 0 0.75em;
  }
  .btn {
    white-space: normal;
    text-align: center;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1.25em;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    font-weight: 400;
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1em;
  }
  .inline .field {
    flex: 1 1 10rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    padding: 0.75em 0;
    background: var(--_surface);
    border-top: 1px solid var(--_divider);
  }

  /* Versions and their comparison. */
  .versions {
    margin-top: calc(var(--_space) * 1.5);
    display: grid;
    gap: var(--_space);
  }
  .versions h3 {
    padding-bottom: 0.3em;
    border-bottom: 2px solid var(--_primary-light);
    margin: 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.4em;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.4em 0.6em;
    border-bottom: 1px solid var(--_divider);
    overflow-wrap: anywhere;
  }
  thead th {
    background: var(--_surface-alt);
  }
  td.before {
    background: var(--_danger-light);
  }
  td.after {
    background: var(--_success-light);
  }
  .compare {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75em 1em;
  }
  .compare .field {
    flex: 0 1 8rem;
  }

  /* Dialog. */
  .dialog-form p {
    margin: 0;
  }

  /* Narrow: tables read as one block per row, each cell with its column's name. */
  @container (max-width: 36rem) {
    table.stack thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.stack,
    table.stack tbody,
    table.stack tr,
    table.stack th,
    table.stack td {
      display: block;
    }
    table.stack tr {
      padding: 0.4em 0;
      border-bottom: 1px solid var(--_divider);
    }
    table.stack th,
    table.stack td {
      border: 0;
      padding: 0.15em 0;
    }
    table.stack [data-label]::before {
      content: attr(data-label) ': ';
      font-weight: 600;
      color: var(--_muted);
    }
    .actions .btn {
      flex: 1 1 auto;
    }
  }
`;
