// How one thread entry reads: a message (with its files), an internal note,
// a request for information, the citizen's reply, or a life-cycle event.
import { html, nothing, type TemplateResult } from 'lit';
import type { FileRef, ThreadEntry } from '../../contract/types.js';
import { type Locale, formatDate } from '../internal/i18n.js';
import { type ThreadMessageKey, formatSize, threadText } from './messages.js';

const EVENTS = new Set(['file', 'start_analysis', 'answer_step', 'approve', 'reject', 'conclude', 'evaluate']);

export function formatTime(iso: string, locale: Locale): string {
  return formatDate(locale, iso, true);
}

export function renderEntry(e: ThreadEntry, locale: Locale, download: (f: FileRef) => void): TemplateResult {
  const t = (k: ThreadMessageKey, p?: Record<string, string | number>) => threadText(locale, k, p);
  const time = html`<time datetime=${e.at}>${formatTime(e.at, locale)}</time>`;
  if (e.type === 'event') {
    const key = (EVENTS.has(e.action ?? '') ? `event.${e.action}` : 'event.other') as ThreadMessageKey;
    return html`<li class="entry event">${t(key)} ${e.author.name ? t('by', { name: e.author.name }) : nothing} · ${time}</li>`;
  }
  const tag =
    e.type === 'internal_note' ? t('internalNote') : e.type === 'info_request' ? t('infoRequest') : e.type === 'reply' ? t('reply') : null;
  return html`<li class="entry ${e.type === 'message' ? e.author.side : e.type}">
    <article aria-label=${`${e.author.name}, ${formatTime(e.at, locale)}`}>
      <div class="meta">
        <span class="author">${e.author.name}</span>
        <span class="tag">${e.author.side === 'staff' ? t('staff') : t('citizen')}</span>
        ${tag ? html`<strong class="tag">${tag}</strong>` : nothing} ${time}
      </div>
      <p class="body">${e.body}</p>
      ${e.attachments.length
        ? html`<ul class="files" aria-label=${t('attachments')}>
            ${e.attachments.map(
              (f) => html`<li>
                <button type="button" class="btn small" @click=${() => download(f)}>
                  ${t('download', { name: f.fileName, size: formatSize(f.size, locale) })}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </article>
  </li>`;
}
