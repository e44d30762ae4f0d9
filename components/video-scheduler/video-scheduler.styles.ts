import { css } from 'lit';

export const videoSchedulerStyles = css`
  :host {
    min-width: 0;
  }
  .base {
    background: var(--_surface);
  }
  h2:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  h2:focus-visible,
  .alert:focus-visible {
    outline: 4px dashed var(--_focus);
  }
  .placeholder {
    padding: 1.5em 1em;
  }
  .toolbar {
    margin: 0 0 var(--_space);
  }
  .meetings {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .meeting {
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_primary);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .meeting.ended,
  .meeting.cancelled {
    border-left-color: var(--_border);
    background: var(--_surface-alt);
  }
  .meeting h3 {
    margin: 0 0 0.25em;
    font-size: 1.05em;
  }
  .meeting p {
    margin: 0.25em 0;
  }
  .when {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  /* The meeting's phase as the day agenda shows it, in the host's colours (--atende-color-*). */
  .badge.phase.open {
    background: var(--_primary);
    color: #fff;
  }
  .badge.phase.cancelled {
    background: var(--_danger-light);
    color: var(--_danger-text);
  }
  .reason {
    font-style: italic;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.5em;
  }
  .field {
    display: grid;
    gap: 0.25em;
    min-width: 0;
  }
  .field .hint {
    margin: 0;
  }
  .field input,
  .field select {
    width: 100%;
    box-sizing: border-box;
  }
  .when-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
    gap: var(--_space);
  }
  .error-summary:focus {
    outline: 4px dashed var(--_focus);
  }
  .error-summary h3 {
    margin: 0 0 0.25em;
    font-size: 1em;
  }
  .join-form {
    display: grid;
    gap: var(--_space);
    max-width: 32rem;
  }
  .join-form p {
    margin: 0;
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .call {
    width: 100%;
    height: var(--atende-video-height, 70vh);
    min-height: 360px;
    background: #111;
    border-radius: var(--_radius);
    overflow: hidden;
  }
`;
