import { css } from 'lit';

export const requestFormStyles = css`
  :host {
    container-type: inline-size;
    min-width: 0;
  }
  section {
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  header {
    padding-bottom: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_divider);
    margin-bottom: var(--_space);
  }
  .kicker {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  h2:focus,
  h3:focus,
  .protocol:focus,
  .error-summary:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible,
  .protocol:focus-visible,
  .error-summary:focus-visible {
    outline: 4px dashed var(--_focus);
  }
  h3 {
    margin-top: var(--_space);
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  form > h3 {
    margin-bottom: 0;
  }
  .field {
    display: grid;
    gap: 0.3em;
    min-width: 0;
  }
  .field .hint {
    margin: 0;
  }
  .field input:not([type='checkbox']):not([type='radio']),
  .field select,
  .field textarea {
    width: 100%;
    max-width: 36rem;
  }
  .field.cpf input,
  .field.cep input,
  .field.phone input,
  .field.date input,
  .field.number input {
    max-width: 16rem;
  }
  .field input[type='file'] {
    padding: 0.4em;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.3em;
  }
  .option {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    font-weight: 400;
    padding: 0.25em 0;
  }
  .option input {
    margin-top: 0.2em;
    flex: none;
  }
  fieldset[aria-invalid='true'] {
    border-left: 4px solid var(--_danger);
    padding-left: 0.75em;
  }
  .req {
    color: var(--_danger-text);
  }
  .chosen {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin: 0;
  }
  .error-summary {
    margin-bottom: var(--_space);
  }
  .error-summary h3 {
    margin-top: 0;
    color: var(--_danger-text);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    padding-top: 0.5em;
  }
  .actions .btn {
    white-space: normal;
  }
  .pairs {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.75em 1.5em;
    margin: 0 0 var(--_space);
  }
  dt {
    font-weight: 600;
    color: var(--_muted);
    font-size: 0.875em;
  }
  dd {
    margin: 0;
  }
  .pre {
    white-space: pre-line;
  }
  .muted {
    color: var(--_muted);
  }
  .progress {
    display: grid;
    gap: 0.25em;
    margin-bottom: var(--_space);
  }
  progress {
    width: 100%;
    max-width: 36rem;
    height: 1.25em;
    accent-color: var(--_primary);
  }
  .done {
    text-align: left;
  }
  .protocol {
    display: inline-flex;
    flex-direction: column;
    gap: 0.15em;
    padding: 0.75em 1.25em;
    margin: 0 0 var(--_space);
    border: 2px solid var(--_success);
    border-radius: var(--_radius);
    background: var(--_success-light);
    color: #0b4611;
    max-width: 100%;
  }
  .protocol strong {
    font-size: 1.75em;
    letter-spacing: 0.03em;
  }
`;
