import { css } from 'lit';

export const accessStyles = css`
  :host {
    container-type: inline-size;
    /* As a grid or flex item of the host page, shrink to the room there is. */
    min-width: 0;
  }
  .base {
    background: var(--_surface);
    overflow-wrap: anywhere;
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
  [hidden] {
    display: none !important;
  }
  section + section {
    margin-top: calc(var(--_space) * 2);
  }

  /* Forms. */
  .ask-form {
    display: grid;
    gap: var(--_space);
    max-width: 40rem;
  }
  .field {
    display: grid;
    gap: 0.3em;
    min-width: 0;
  }
  .field select,
  .field input {
    width: 100%;
    max-width: 100%;
  }
  .field .hint {
    margin: 0;
  }
  .field.inline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .field.inline select {
    width: auto;
    max-width: 100%;
  }
  .error-summary {
    margin-bottom: var(--_space);
  }
  .alert.warning {
    border-color: var(--_warning);
    background: var(--_warning-light);
    color: #333;
  }
  .protocols {
    margin: 0.35em 0 0;
    padding-left: 1.25em;
    font-weight: 600;
  }

  /* The manager's head and tabs. */
  .manage-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    margin-bottom: var(--_space);
  }
  .manage-head h2 {
    margin: 0;
  }
  .panel:focus-visible {
    outline: 4px dashed var(--_focus);
  }

  /* Cards: one request, one attendant, one history entry. */
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .card {
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    min-width: 0;
  }
  .card h3 {
    font-size: 1.05em;
    margin-bottom: 0.35em;
  }
  .card dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: 0.35em 1em;
    margin: 0;
  }
  .pair {
    min-width: 0;
  }
  .pair dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .pair dd {
    margin: 0;
    white-space: pre-line;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
  }
  .badge {
    white-space: normal;
  }
  .badge.access-pending {
    background: var(--_warning-light);
    border-color: var(--_warning);
    color: #333;
  }
  .badge.access-approved,
  .badge.access-active {
    background: var(--_success-light);
    border-color: var(--_success);
    color: #0b4611;
  }
  .badge.access-rejected,
  .badge.access-ended {
    background: var(--_danger-light);
    border-color: var(--_danger-text);
    color: var(--_danger-text);
  }
  .badge.role-manager {
    background: var(--_primary);
    color: #fff;
  }
  .badge.role-attendant {
    background: var(--_primary-light);
    border-color: var(--_primary);
    color: var(--_dark);
  }
  .card-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.75em;
  }
  .card-actions .hint {
    margin: 0;
  }
  .more {
    margin-top: var(--_space);
  }
  .btn {
    white-space: normal;
    text-align: center;
  }
`;
