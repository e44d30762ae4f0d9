// How the thread reads: a message (with its files), an internal note, a
// request for information, the citizen's reply — and the life-cycle events
// between them, once and compactly: consecutive events share one muted line,
// and steps answered one after another count as one ("3 etapas respondidas").
// The analysis form's history tells each event in full (which step, the
// answer, the steps approved without "Sim"); the thread only keeps its place
// in the conversation.
import { html, nothing, type TemplateResult } from 'lit';
import { ASSIGNEE_REMOVED } from '../../contract/access.js';
import type { FileRef, ThreadEntry } from '../../contract/types.js';
import { type Locale, type MessageKey, formatDate, formatSize, translate } from '../internal/i18n.js';
import { isMeetingEvent, meetingEventText } from '../internal/meeting-events.js';

const EVENTS = new Set(['file', 'start_analysis', 'answer_step', 'approve', 'reject', 'conclude', 'evaluate', 'reassign']);

function formatTime(iso: string, locale: Locale): string {
  return formatDate(locale, iso, true);
}

/** The entries to show: follow-ups one by one, each run of consecutive events as one group. */
export function renderEntries(entries: readonly ThreadEntry[], locale: Locale, side: 'staff' | 'citizen', download: (f: FileRef) => void): TemplateResult[] {
  const out: TemplateResult[] = [];
  let run: ThreadEntry[] = [];
  const flush = () => {
    if (run.length) out.push(renderEvents(run, locale, side));
    run = [];
  };
  for (const e of entries) {
    if (e.type === 'event') run.push(e);
    else {
      flush();
      out.push(renderEntry(e, locale, download));
    }
  }
  flush();
  return out;
}

/**
 * One compact line for a run of events; steps answered one after another are
 * counted, not listed. The citizen reads an attendant's lost access only as a
 * change of attendant, without who ended it.
 */
function renderEvents(run: readonly ThreadEntry[], locale: Locale, side: 'staff' | 'citizen'): TemplateResult {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(locale, k, p);
  const items: { label: string; names: string[]; at: string }[] = [];
  let steps = 0;
  for (const e of run) {
    const last = items.at(-1);
    const calm = e.action === ASSIGNEE_REMOVED && side === 'citizen';
    const name = calm ? '' : e.author.name;
    if (e.action === 'answer_step' && steps > 0 && last) {
      steps++;
      last.label = t('thread.event.answer_steps', { n: steps });
      if (name && !last.names.includes(name)) last.names.push(name);
      last.at = e.at;
      continue;
    }
    steps = e.action === 'answer_step' ? 1 : 0;
    // A lost access reads as in the request's history: "Sem atendente…" for the staff, a change of attendant for the citizen.
    const key = (
      e.action === ASSIGNEE_REMOVED
        ? calm
          ? 'history.assignee_removed.citizen'
          : 'history.assignee_removed'
        : EVENTS.has(e.action ?? '')
          ? `thread.event.${e.action}`
          : 'thread.event.other'
    ) as MessageKey;
    // A meeting's event says when and what (or why it was cancelled), as both sides read it.
    const label = isMeetingEvent(e.action) ? meetingEventText(locale, e.action, e.data) : t(key);
    items.push({ label, names: name ? [name] : [], at: e.at });
  }
  return html`<li class="entry event">
    <ul class="events" aria-label=${t('thread.events')}>
      ${items.map(
        (i) =>
          html`<li>
            ${i.label} ${i.names.length ? t('thread.by', { name: i.names.join(', ') }) : nothing} ·
            <time datetime=${i.at}>${formatTime(i.at, locale)}</time>
          </li>`,
      )}
    </ul>
  </li>`;
}

/** One follow-up (events go through renderEntries, in runs). */
function renderEntry(e: ThreadEntry, locale: Locale, download: (f: FileRef) => void): TemplateResult {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(locale, k, p);
  const time = html`<time datetime=${e.at}>${formatTime(e.at, locale)}</time>`;
  const tag =
    e.type === 'internal_note' ? t('thread.internalNote') : e.type === 'info_request' ? t('thread.infoRequest') : e.type === 'reply' ? t('thread.reply') : null;
  return html`<li class="entry ${e.type === 'message' ? e.author.side : e.type}">
    <article aria-label=${`${e.author.name}, ${formatTime(e.at, locale)}`}>
      <div class="meta">
        <span class="author">${e.author.name}</span>
        <span class="tag">${e.author.side === 'staff' ? t('thread.staff') : t('thread.citizen')}</span>
        ${tag ? html`<strong class="tag">${tag}</strong>` : nothing} ${time}
      </div>
      <p class="body">${e.body}</p>
      ${
        e.attachments.length
          ? html`<ul class="files" aria-label=${t('thread.attachments')}>
              ${e.attachments.map(
                (f) =>
                  html`<li>
                    <button type="button" class="btn small" @click=${() => download(f)}>
                      ${t('thread.download', { name: f.fileName, size: formatSize(locale, f.size) })}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </article>
  </li>`;
}
