import { css } from 'lit';

export const evaluationFormStyles = css`
  :host {
    min-width: 0;
  }
  .base {
    background: var(--_surface);
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 4px dashed var(--_focus);
  }
  .placeholder {
    padding: 1.5em 1em;
  }
  .form {
    display: grid;
    gap: var(--_space);
  }
  .group {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .group legend {
    padding: 0;
    margin-bottom: 0.35em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 400;
  }
  .stars {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .star {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-height: var(--_control-height);
    padding: 0 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
    font-weight: 600;
  }
  .star .glyph {
    color: var(--_muted);
    font-size: 1.2em;
  }
  .star.lit {
    border-color: var(--_primary);
    background: var(--_primary-light);
  }
  .star.lit .glyph {
    color: #8a5b00;
  }
  .field {
    display: grid;
    gap: 0.25em;
    min-width: 0;
  }
  .field .hint,
  .group .hint {
    margin: 0;
  }
  .error-summary:focus {
    outline: 4px dashed var(--_focus);
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .evaluation {
    padding: 0.75em 1em;
    border-left: 4px solid var(--_success);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .evaluation.rejected {
    border-left-color: var(--_danger);
  }
  .verdict {
    font-weight: 600;
  }
  .glyphs {
    color: #8a5b00;
    letter-spacing: 0.1em;
  }
  blockquote {
    margin: 0 0 0.5em;
    padding: 0.5em 0.75em;
    border-left: 3px solid var(--_divider);
    background: var(--_surface);
  }
  .pre {
    white-space: pre-wrap;
  }
  .publication .badge {
    white-space: normal;
  }
  .publication.published .badge,
  .publication.published_masked .badge {
    background: var(--_success-light);
    color: #0b4611;
  }
  .publication.not_published .badge {
    background: var(--_danger-light);
    color: var(--_danger-text);
  }
  .publication.pending .badge {
    background: var(--_warning-light);
    border-color: var(--_warning);
  }
  .reopen {
    margin-top: var(--_space);
  }
  #notice:focus {
    outline: 4px dashed var(--_focus);
  }
`;
