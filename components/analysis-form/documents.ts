// The request's documents: previews (PDF and images) in place and downloads.
// Attachments need the bearer token, so each file is fetched as a blob and
// shown through an object URL (allowed by the CSP's `blob:` sources).
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { FileRef } from '../../contract/types.js';
import type { ApiClient } from '../internal/api-client.js';
import type { Locale, MessageKey } from '../internal/i18n.js';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const previewable = (type: string) => type === 'application/pdf' || /^image\/(png|jpeg|gif|webp)$/.test(type);

export class DocumentsController implements ReactiveController {
  private readonly urls = new Map<number, string>();
  private readonly open = new Set<number>();
  private readonly busy = new Set<number>();
  private readonly errors = new Map<number, string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly client: ApiClient,
    private readonly describe: (error: unknown) => string,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** Forgets previews and frees their object URLs (another request was opened). */
  reset(): void {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
    this.open.clear();
    this.busy.clear();
    this.errors.clear();
  }

  private async objectUrl(file: FileRef): Promise<string | undefined> {
    const cached = this.urls.get(file.id);
    if (cached) return cached;
    this.busy.add(file.id);
    this.errors.delete(file.id);
    this.host.requestUpdate();
    try {
      const blob = await this.client.get('/attachments/:id', { params: { id: file.id } });
      const url = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: file.contentType }));
      this.urls.set(file.id, url);
      return url;
    } catch (error) {
      this.errors.set(file.id, this.describe(error));
      return undefined;
    } finally {
      this.busy.delete(file.id);
      this.host.requestUpdate();
    }
  }

  async togglePreview(file: FileRef): Promise<void> {
    if (this.open.delete(file.id)) return this.host.requestUpdate();
    if (await this.objectUrl(file)) {
      this.open.add(file.id);
      this.host.requestUpdate();
    }
  }

  async download(file: FileRef): Promise<void> {
    const url = await this.objectUrl(file);
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = file.fileName;
    a.hidden = true;
    this.host.shadowRoot?.append(a);
    a.click();
    a.remove();
  }

  render(files: FileRef[], t: Translate, locale: Locale) {
    if (files.length === 0) return html`<p class="muted">${t('form.documents.none')}</p>`;
    const size = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
    return html`<ul class="documents">
      ${files.map((f) => {
        const open = this.open.has(f.id);
        const url = this.urls.get(f.id);
        const name = f.label ?? f.fileName;
        return html`<li>
          <div class="document">
            <span class="doc-name"><strong>${name}</strong><span class="sub">${f.fileName} · ${size.format(Math.max(1, f.size / 1024))}</span></span>
            <span class="doc-actions">
              ${
                previewable(f.contentType)
                  ? html`<button
                      class="btn small"
                      type="button"
                      aria-expanded=${open ? 'true' : 'false'}
                      aria-controls="preview-${f.id}"
                      aria-label="${t(open ? 'form.documents.hide' : 'form.documents.preview')}: ${name}"
                      ?disabled=${this.busy.has(f.id)}
                      @click=${() => this.togglePreview(f)}
                    >
                      ${t(open ? 'form.documents.hide' : 'form.documents.preview')}
                    </button>`
                  : nothing
              }
              <button
                class="btn small"
                type="button"
                aria-label="${t('form.documents.download')}: ${name}"
                ?disabled=${this.busy.has(f.id)}
                @click=${() => this.download(f)}
              >
                ${t('form.documents.download')}
              </button>
            </span>
          </div>
          ${this.busy.has(f.id) ? html`<p class="muted" role="status">${t('form.documents.loading')}</p>` : nothing}
          ${this.errors.has(f.id) ? html`<p class="field-error" role="alert">${this.errors.get(f.id)}</p>` : nothing}
          <div id="preview-${f.id}" class="preview">
            ${
              open && url
                ? f.contentType.startsWith('image/')
                  ? html`<img src=${url} alt=${t('form.documents.previewOf', { name })} />`
                  : html`<iframe src=${url} title=${t('form.documents.previewOf', { name })}></iframe>`
                : nothing
            }
          </div>
        </li>`;
      })}
    </ul>`;
  }
}
