// The shared host reset and design tokens: gov.br design-system colours and
// type scale, every one overridable from the host through `--atende-*`.
import { css } from 'lit';

export const hostStyles = css`
  :host {
    --_primary: var(--atende-color-primary, #1351b4);
    --_primary-hover: var(--atende-color-primary-hover, #0c326f);
    --_primary-light: var(--atende-color-primary-light, #dbe8fb);
    --_dark: var(--atende-color-dark, #071d41);
    --_text: var(--atende-color-text, #333);
    --_muted: var(--atende-color-muted, #555);
    --_success: var(--atende-color-success, #168821);
    --_success-light: var(--atende-color-success-light, #e3f5e1);
    --_danger: var(--atende-color-danger, #e52207);
    --_danger-text: var(--atende-color-danger-text, #b51b05);
    --_danger-light: var(--atende-color-danger-light, #fde0db);
    --_warning: var(--atende-color-warning, #ffcd07);
    --_warning-light: var(--atende-color-warning-light, #fff5c2);
    --_surface: var(--atende-color-surface, #fff);
    --_surface-alt: var(--atende-color-surface-alt, #f8f8f8);
    --_border: var(--atende-color-border, #888);
    --_divider: var(--atende-color-divider, #ccc);
    --_focus: var(--atende-color-focus, #c2850c);
    --_radius: var(--atende-radius, 4px);
    --_button-radius: var(--atende-button-radius, 100em);
    --_font: var(--atende-font-family, Rawline, Raleway, sans-serif);
    --_font-size: var(--atende-font-size, 1rem);
    --_control-height: var(--atende-control-height, 2.5rem);
    --_space: var(--atende-space, 1rem);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 4px dashed var(--_focus);
    outline-offset: 2px;
  }
  h2,
  h3,
  h4 {
    color: var(--_dark);
    margin: 0 0 calc(var(--_space) / 2);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.45em;
  }
  h3 {
    font-size: 1.2em;
  }
  p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Buttons: the gov.br pill. */
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: var(--_control-height);
    padding: 0 1.5em;
    border: 1px solid var(--_primary);
    border-radius: var(--_button-radius);
    background: var(--_surface);
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
    white-space: nowrap;
  }
  .btn:hover:not(:disabled) {
    background: var(--_primary-light);
  }
  .btn.primary {
    background: var(--_primary);
    color: #fff;
  }
  .btn.primary:hover:not(:disabled) {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }
  .btn.success {
    background: var(--_success);
    border-color: var(--_success);
    color: #fff;
  }
  .btn.danger {
    background: var(--_surface);
    border-color: var(--_danger-text);
    color: var(--_danger-text);
  }
  .btn.danger:hover:not(:disabled) {
    background: var(--_danger-light);
  }
  .btn.success:hover:not(:disabled) {
    background: #0f5e17;
    border-color: #0f5e17;
  }
  .btn.small {
    min-height: 2rem;
    padding: 0 1em;
    font-size: 0.9em;
  }
  .btn:disabled,
  .btn[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .btn[aria-pressed='true'] {
    background: var(--_primary);
    color: #fff;
  }

  /* Form controls. */
  label,
  .label {
    font-weight: 600;
    color: var(--_text);
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    min-height: var(--_control-height);
    padding: 0.35em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.15em;
    height: 1.15em;
    accent-color: var(--_primary);
  }
  textarea {
    width: 100%;
    min-height: 8em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    border-width: 2px !important;
  }
  .field-error {
    color: var(--_danger-text);
    font-weight: 600;
    margin: 0.25em 0 0;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .required {
    color: var(--_danger-text);
  }
  .counter.over {
    color: var(--_danger-text);
    font-weight: 600;
  }
  /* A form's list of errors, each linking to its field. */
  .error-summary {
    padding: 0.75em 1em;
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error-summary ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .error-summary a {
    color: var(--_danger-text);
    font-weight: 600;
  }

  /* Where there is nothing to show yet (no request chosen, nothing to list). */
  .placeholder {
    padding: 2em 1em;
    text-align: center;
    color: var(--_muted);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }

  /* Status badges: text plus colour, never colour alone. */
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 100em;
    border: 1px solid transparent;
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
    background: var(--_surface-alt);
    color: var(--_text);
  }
  /* What the team asked of the citizen, where it is shown (the request's top, the thread). */
  .asked {
    border: 1px solid var(--_warning);
    border-left: 4px solid var(--_warning);
    background: var(--_warning-light);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin-bottom: var(--_space);
    overflow-wrap: anywhere;
  }
  .badge.submitted {
    background: var(--_primary-light);
    border-color: var(--_primary);
    color: var(--_dark);
  }
  .badge.in_analysis,
  .badge.awaiting_citizen {
    background: var(--_warning-light);
    border-color: var(--_warning);
    color: #333;
  }
  .badge.in_service {
    background: var(--_primary);
    color: #fff;
  }
  .badge.rejected {
    background: var(--_danger-light);
    color: var(--_danger-text);
  }
  .badge.concluded,
  .badge.evaluated {
    background: var(--_success-light);
    color: #0f5e17;
  }

  /* Messages. */
  .alert {
    display: flex;
    gap: 0.75em;
    align-items: flex-start;
    padding: 0.75em 1em;
    border-left: 4px solid var(--_primary);
    background: var(--_primary-light);
    color: var(--_dark);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
  }
  .alert.error {
    border-color: var(--_danger);
    background: var(--_danger-light);
    color: #5c0d02;
  }
  .alert.success {
    border-color: var(--_success);
    background: var(--_success-light);
    color: #0b4611;
  }
  .alert p {
    margin: 0;
  }
  .loading {
    color: var(--_muted);
    padding: var(--_space) 0;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 3px solid var(--_primary-light);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
    vertical-align: -0.15em;
    margin-right: 0.4em;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
`;

/** The modal dialogs' look (confirmations and the forms inside them, and the red button that confirms what cannot be undone), shared by the elements that open one. */
export const dialogStyles = css`
  .btn.danger-solid {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #fff;
  }
  .btn.danger-solid:hover:not(:disabled) {
    background: var(--_danger-text);
    border-color: var(--_danger-text);
  }
  dialog {
    width: min(38rem, 94vw);
    max-height: 92vh;
    padding: 1.5rem;
    border: 0;
    border-radius: 8px;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 12px 40px rgba(7, 29, 65, 0.35);
  }
  dialog::backdrop {
    background: rgba(7, 29, 65, 0.6);
  }
  .dialog-form {
    display: grid;
    gap: var(--_space);
  }
  .dialog-form > [role='alert']:empty {
    margin-top: calc(-1 * var(--_space));
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: 0.75em;
  }
`;
