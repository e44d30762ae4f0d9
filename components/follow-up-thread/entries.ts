// How one thread entry reads: a message (with its files), an internal note,
// a request for information, the citizen's reply, or a life-cycle event.
import { html, nothing, type TemplateResult } from 'lit';
import type { FileRef, ThreadEntry } from '../../contract/types.js';
import { type Locale, type MessageKey, formatDate, formatSize, translate } from '../internal/i18n.js';

const EVENTS = new Set(['file', 'start_analysis', 'answer_step', 'approve', 'reject', 'conclude', 'evaluate']);

function formatTime(iso: string, locale: Locale): string {
  return formatDate(locale, iso, true);
}

export function renderEntry(e: ThreadEntry, locale: Locale, download: (f: FileRef) => void): TemplateResult {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(locale, k, p);
  const time = html`<time datetime=${e.at}>${formatTime(e.at, locale)}</time>`;
  if (e.type === 'event') {
    const key = (EVENTS.has(e.action ?? '') ? `thread.event.${e.action}` : 'thread.event.other') as MessageKey;
    return html`<li class="entry event">${t(key)} ${e.author.name ? t('thread.by', { name: e.author.name }) : nothing} · ${time}</li>`;
  }
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
