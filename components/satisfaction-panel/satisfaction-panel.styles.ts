import { css } from 'lit';

export const panelStyles = css`
  :host {
    container-type: inline-size;
    min-width: 0;
  }
  section {
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  .choice {
    display: grid;
    gap: 0.25em;
    margin-bottom: var(--_space);
  }
  .choice select {
    max-width: 100%;
    min-width: 0;
  }
  .service h3 {
    padding-bottom: 0.25em;
    border-bottom: 2px solid var(--_primary);
  }
  .acronym {
    color: var(--_muted);
    font-weight: 400;
  }
  .empty {
    color: var(--_muted);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: var(--_space) 0;
  }
  .summary > div {
    flex: 1 1 9rem;
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }
  .summary dt {
    font-size: 0.9em;
    color: var(--_muted);
  }
  .summary dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
    color: var(--_dark);
  }
  .chart-figure {
    margin: var(--_space) 0 calc(var(--_space) * 1.5);
    min-width: 0;
  }
  .chart-figure h4 {
    margin: 0 0 0.5em;
  }
  .chart {
    width: 100%;
    min-width: 0;
    overflow: hidden;
  }
  .axis {
    text-align: center;
    margin: 0.25em 0;
  }
  /* What uPlot needs of its own stylesheet (its legend and cursor are off). */
  .uplot,
  .uplot * {
    box-sizing: border-box;
  }
  .uplot {
    width: min-content;
  }
  .u-wrap {
    position: relative;
    user-select: none;
  }
  .u-over,
  .u-under {
    position: absolute;
  }
  .u-under {
    overflow: hidden;
  }
  .uplot canvas {
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
  }
  .u-axis {
    position: absolute;
  }
  details.data summary {
    cursor: pointer;
    color: var(--_primary);
    font-weight: 600;
    padding: 0.35em 0;
  }
  .table-wrap {
    max-width: 100%;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding: 0.35em 0;
  }
  th,
  td {
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--_divider);
    text-align: right;
  }
  th[scope='row'],
  th[scope='col']:first-child {
    text-align: left;
  }
  abbr {
    text-decoration: none;
  }
  .comments {
    margin-top: calc(var(--_space) * 1.5);
  }
  .comment-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .comment {
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    padding: 0.75em var(--_space);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .rating {
    font-weight: 600;
  }
  .stars {
    color: #8a5a00;
    letter-spacing: 0.05em;
  }
  .badge.verdict.approved {
    background: var(--_success-light);
    color: #0f5e17;
  }
  .badge.verdict.rejected {
    background: var(--_danger-light);
    color: #5c0d02;
  }
  .text {
    white-space: pre-line;
  }
  .mask {
    background: var(--_surface-alt);
    color: var(--_text);
    border-radius: 2px;
  }
  .more {
    margin-top: var(--_space);
  }
  .more-status:empty {
    display: none;
  }
`;
