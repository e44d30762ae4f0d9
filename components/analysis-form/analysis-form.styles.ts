import { css } from 'lit';

export const formStyles = css`
  :host {
    container-type: inline-size;
    /* As a grid or flex item of the host page, shrink to the room there is: long content wraps inside. */
    min-width: 0;
  }
  article {
    background: var(--_surface);
  }
  header {
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_divider);
    margin-bottom: var(--_space);
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 4px dashed var(--_focus);
  }
  .service {
    font-size: 1.1em;
    color: var(--_dark);
    font-weight: 600;
  }
  dl {
    margin: 0;
  }
  dt {
    font-weight: 600;
    color: var(--_muted);
    font-size: 0.875em;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: 0.75em 1.5em;
  }
  .pairs {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.75em 1.5em;
  }
  .sub {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .muted {
    color: var(--_muted);
  }
  .pre {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .late {
    color: var(--_danger-text);
    font-weight: 700;
  }
  .actions {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    padding: 0.75em 0;
    margin-bottom: var(--_space);
    background: var(--_surface);
    border-bottom: 1px solid var(--_divider);
  }
  .unassigned-notice {
    border: 1px solid var(--_warning);
    border-left-width: 6px;
    background: var(--_warning-light);
    color: #333;
    font-weight: 600;
  }
  .unassigned {
    font-weight: 700;
  }
  .analyst {
    margin-top: 0.2em;
  }
  .confirm-steps {
    padding: 0.75em 1em;
    border-left: 4px solid var(--_danger);
    background: var(--_danger-light);
    border-radius: var(--_radius);
  }
  .confirm-steps p,
  .confirm-steps ul {
    margin: 0;
  }
  .confirm-steps ul {
    padding-left: 1.25em;
  }
  .sections {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  section h3 {
    padding-bottom: 0.3em;
    border-bottom: 2px solid var(--_primary-light);
  }
  .outcome {
    padding: 0.75em 1em;
    border-left: 4px solid var(--_primary);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .outcome h3 {
    border: 0;
  }
  .outcome.rejected,
  .evaluation.rejected {
    border-color: var(--_danger);
  }
  .outcome.concluded,
  .evaluation.approved {
    border-color: var(--_success);
  }
  .verdict {
    font-weight: 700;
  }
  blockquote {
    margin: 0.5em 0;
    padding-left: 1em;
    border-left: 3px solid var(--_divider);
    font-style: italic;
  }
  ul.documents,
  ol.steps,
  ol.history {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.documents > li {
    padding: 0.6em 0;
    border-bottom: 1px solid var(--_divider);
  }
  .document {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  .doc-actions {
    display: flex;
    gap: 0.5em;
  }
  .preview iframe,
  .preview img {
    display: block;
    width: 100%;
    margin-top: 0.6em;
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
  }
  .preview iframe {
    height: 28rem;
  }
  .preview img {
    height: auto;
    max-height: 32rem;
    object-fit: contain;
  }
  .step {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1em;
    padding: 0.6em 0.75em;
    border: 1px solid var(--_divider);
    border-left: 4px solid var(--_divider);
    border-radius: var(--_radius);
    margin-bottom: 0.5em;
  }
  .step.done {
    border-left-color: var(--_success);
  }
  .asked {
    margin-top: 0.75em;
  }
  .step.yes {
    border-left-color: var(--_success);
  }
  .step.no {
    border-left-color: var(--_danger);
  }
  .step-title {
    font-weight: 600;
  }
  .yes-no {
    display: flex;
    gap: 0.5em;
    flex: none;
  }
  .yes-no .yes[aria-pressed='true'] {
    background: var(--_success);
    border-color: var(--_success);
    color: #fff;
  }
  .yes-no .no[aria-pressed='true'] {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #fff;
  }
  .answer {
    font-weight: 700;
    font-size: 1.2em;
  }
  .answer.yes {
    color: var(--_success);
  }
  .answer.no {
    color: var(--_danger-text);
  }
  ol.history li {
    display: grid;
    grid-template-columns: 9.5em 1fr;
    gap: 0.1em 1em;
    padding: 0.4em 0;
    border-bottom: 1px dotted var(--_divider);
  }
  ol.history time {
    color: var(--_muted);
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }
  ol.history .sub {
    grid-column: 2;
  }
  .dialog-form .field {
    display: grid;
    gap: 0.3em;
  }
  .dialog-form select {
    width: 100%;
    max-width: none;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.4em;
  }
  .radio {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 400;
  }
  @container (max-width: 30rem) {
    .step {
      flex-direction: column;
      align-items: stretch;
    }
    ol.history li {
      grid-template-columns: 1fr;
    }
    ol.history .sub {
      grid-column: 1;
    }
  }
`;
