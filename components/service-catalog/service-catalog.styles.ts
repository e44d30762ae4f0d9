import { css } from 'lit';

export const catalogStyles = css`
  :host {
    container-type: inline-size;
    min-width: 0;
  }
  section {
    background: var(--_surface);
  }
  .search {
    display: grid;
    gap: 0.25em;
    margin-bottom: var(--_space);
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .search input {
    flex: 1 1 14rem;
    min-width: 0;
    max-width: 100%;
  }
  .count {
    font-weight: 600;
  }
  .institution {
    margin: var(--_space) 0 calc(var(--_space) * 1.5);
  }
  .institution h3 {
    padding-bottom: 0.25em;
    border-bottom: 2px solid var(--_primary);
  }
  .acronym {
    color: var(--_muted);
    font-weight: 400;
  }
  .services {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .service {
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    padding: var(--_space);
    overflow-wrap: anywhere;
  }
  .service h4 {
    font-size: 1.1em;
    color: var(--_dark);
    margin: 0 0 0.35em;
  }
  details {
    margin: 0.5em 0;
  }
  summary {
    cursor: pointer;
    color: var(--_primary);
    font-weight: 600;
    padding: 0.35em 0;
  }
  .detail {
    padding: 0.5em 0 0;
  }
  .entry {
    display: grid;
    gap: 0.75em;
    margin: 0 0 var(--_space);
  }
  dt {
    font-weight: 600;
    color: var(--_dark);
  }
  dd {
    margin: 0.15em 0 0;
  }
  .documents,
  .steps {
    margin: 0.25em 0 0;
    padding-left: 1.25em;
  }
  .documents li,
  .steps li {
    margin-bottom: 0.35em;
  }
  .documents .hint {
    display: block;
  }
  .tag {
    display: inline-block;
    margin-left: 0.4em;
    padding: 0 0.5em;
    border-radius: 100em;
    border: 1px solid var(--_border);
    font-size: 0.8em;
    font-weight: 600;
  }
  .tag.required {
    border-color: var(--_danger-text);
    color: var(--_danger-text);
  }
  .pre {
    white-space: pre-line;
  }
  .block {
    display: block;
  }
  .muted {
    color: var(--_muted);
  }
  .lgpd {
    border-left: 4px solid var(--_primary);
    background: var(--_primary-light);
    color: var(--_dark);
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
  }
  .lgpd p {
    margin: 0;
  }
  .request {
    margin: 0.75em 0 0;
  }
  .request .btn {
    white-space: normal;
    max-width: 100%;
  }
`;
