import { css } from 'lit';

export const threadStyles = css`
  :host {
    /* As a grid or flex item of the host page, shrink to the room there is: long content wraps inside. */
    min-width: 0;
    --_note: var(--atende-color-note, #fff5c2);
    --_note-border: var(--atende-color-note-border, #8a6d00);
  }
  .thread {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .entry {
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    background: var(--_surface);
  }
  .entry.staff {
    border-left: 4px solid var(--_primary);
  }
  .entry.citizen {
    border-left: 4px solid var(--_success);
    background: var(--_surface-alt);
  }
  .entry.internal_note {
    border: 2px dashed var(--_note-border);
    background: var(--_note);
  }
  .entry.info_request {
    border-left: 4px solid var(--_warning);
    background: var(--_warning-light);
  }
  .entry.event {
    border: none;
    padding: 0.25em 1em;
    color: var(--_muted);
    font-size: 0.9em;
    background: none;
  }
  .events {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em 0.5em;
  }
  .events > li + li::before {
    content: '›';
    margin-right: 0.5em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
    margin-bottom: 0.35em;
  }
  .author {
    font-weight: 700;
    color: var(--_dark);
  }
  .tag {
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  time {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0;
  }
  .files .btn {
    /* A long file name wraps instead of widening the page. */
    white-space: normal;
    overflow-wrap: anywhere;
    text-align: start;
    max-width: 100%;
  }
  .files {
    list-style: none;
    padding: 0;
    margin: 0.5em 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  form {
    border-top: 1px solid var(--_divider);
    padding-top: var(--_space);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    container-type: inline-size;
    gap: 0.75em;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.25em;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .radio {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
    font-weight: 400;
  }
  .drop {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .drop > * {
    min-width: 0;
    max-width: 100%;
  }
  .drop.over {
    border-color: var(--_primary);
    background: var(--_primary-light);
  }
  .chosen {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  .chosen li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    overflow-wrap: anywhere;
    gap: 0.75em;
    align-items: center;
  }
  progress {
    width: 8em;
    accent-color: var(--_primary);
  }
  .actions {
    display: flex;
    gap: 0.75em;
    align-items: center;
  }
  .asked .body {
    margin-bottom: 0.5em;
  }
  /* A narrow composer: each chosen file's name on its own line, its progress and "remove" below. */
  @container (max-width: 30rem) {
    .chosen li {
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.25em 0.75em;
      padding-bottom: 0.4em;
      border-bottom: 1px solid var(--_divider);
    }
    .chosen li > span:first-child {
      grid-column: 1 / -1;
    }
    progress {
      width: 100%;
    }
  }
`;
