import { css } from 'lit';

export const moderatorStyles = css`
  :host {
    min-width: 0;
  }
  .base {
    background: var(--_surface);
  }
  .placeholder {
    padding: 1.5em 1em;
  }
  [role='tabpanel']:focus-visible,
  #notice:focus-visible,
  h3:focus-visible {
    outline: 4px dashed var(--_focus);
  }
  h3:focus {
    outline: none;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 0.5em 0.75em;
    margin-bottom: var(--_space);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  .count {
    color: var(--_muted);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .item {
    border: 1px solid var(--_divider);
    border-left: 4px solid var(--_divider);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .item.chosen {
    border-left-color: var(--_primary);
    background: var(--_primary-light);
  }
  .item-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.25em 1em;
  }
  .item-head h3 {
    font-size: 1.05em;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    font-weight: 600;
  }
  .glyphs {
    color: #8a5b00;
    letter-spacing: 0.1em;
  }
  .verdict.approved {
    color: #0b4611;
  }
  .verdict.rejected {
    color: var(--_danger-text);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    margin: 0 0 0.5em;
  }
  .meta dt {
    font-size: 0.85em;
    color: var(--_muted);
    font-weight: 600;
  }
  .meta dd {
    margin: 0;
  }
  .comment,
  blockquote {
    margin: 0 0 0.5em;
    padding: 0.5em 0.75em;
    border-left: 3px solid var(--_divider);
    background: var(--_surface-alt);
  }
  .pre {
    white-space: pre-wrap;
  }
  mark.pd {
    background: var(--_warning-light);
    color: var(--_text);
    border: 2px dashed #8a5b00;
    border-radius: 3px;
    padding: 0 0.15em;
  }
  .pd-label {
    display: inline-block;
    padding: 0 0.35em;
    margin-right: 0.1em;
    border-radius: 3px;
    background: #5c3d00;
    color: #fff;
    font-size: 0.75em;
    font-weight: 700;
    text-transform: uppercase;
    vertical-align: 0.1em;
  }
  .decided {
    font-weight: 600;
  }
  .decided.rejected {
    color: var(--_danger-text);
  }
  .decided.approved {
    color: #0b4611;
  }
  .decisions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .decisions .btn {
    white-space: normal;
  }
  .more {
    margin-top: var(--_space);
  }
  .previews {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 50vh;
    overflow: auto;
    overflow-wrap: anywhere;
  }
  .reasons {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
    min-width: 0;
  }
  .reasons legend {
    padding: 0;
    margin-bottom: 0.35em;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
`;
