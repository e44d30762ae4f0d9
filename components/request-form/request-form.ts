import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fieldError, isEmptyValue } from '../../contract/form-fields.js';
import type { RequestDetail, RequiredDocument, ServiceDetail, ServiceField } from '../../contract/types.js';
import { safeFileName } from '../../contract/uploads.js';
import { ApiError } from '../internal/api-client.js';
import { AtendeElement } from '../internal/atende-element.js';
import { documentFormatNames } from '../internal/document-formats.js';
import { hostStyles } from '../internal/styles.js';
import { deadlineText } from '../internal/i18n.js';
import '../service-catalog/messages.js';
import type {} from '../service-catalog/service-catalog.js';
import { RequestDraft } from './draft.js';
import { chosenService, rememberChosenService } from './draft-store.js';
import { documentError, mayHaveFiled, serverErrors, typedValue } from './values.js';
import { type FieldHost, focusTargetId, renderField } from './fields.js';
import { requestFormStyles } from './request-form.styles.js';
import { type StepsHost, renderDocument, renderDone, renderReview, renderSummary } from './steps.js';
import './messages.js';

type Step = 'form' | 'review' | 'done';

/**
 * The citizen's request for one service, generated from its current
 * published version: every field with its help text and the same rules the
 * server applies (contract/form-fields.ts), checked when the citizen leaves a
 * field and before going on; one file per document asked, checked by name
 * and size; a review step; then the filing with a progress bar and the
 * protocol number. Everything typed is kept in the browser (the files too,
 * in IndexedDB) until the request is filed, across reloads and failed sends;
 * a retry reuses the draft's `Idempotency-Key`, so a double click or a
 * retry after a lost answer files one request, never two.
 *
 * Without `service-id` it takes `?service=` from the page address and
 * follows `atende-service-selected` from a catalog on the same page.
 *
 * @tagname atende-request-form
 * @summary The form a citizen fills to file a request, with documents, review and protocol.
 * @event atende-request-filed - The request was filed; `detail: {requestId, protocol}`.
 * @event atende-unauthorized - The host's token was refused even after a refresh.
 * @csspart base - The wrapper.
 * @csspart form - The form.
 * @csspart review - The review step.
 * @csspart protocol - The protocol number on success.
 * @cssproperty --atende-color-primary - Buttons and links (default #1351B4).
 */
export class AtendeRequestForm extends AtendeElement {
  static override styles = [hostStyles, requestFormStyles];

  /** Id of the service to request; when absent, `?service=` of the page or the service chosen in a catalog. */
  @property({ type: Number, attribute: 'service-id' }) serviceId?: number;

  /** Where to follow the filed request, `{id}` and `{protocol}` filled in (e.g. `minhas-solicitacoes.html?request={id}`); no link when absent. */
  @property({ attribute: 'request-href' }) requestHref?: string;

  /** Largest file accepted before sending, in MB (the server decides for good). */
  @property({ type: Number, attribute: 'max-file-mb' }) maxFileMb = 10;

  /** The service chosen in the page (address or catalog), when `service-id` is not set. */
  @state() private chosenId?: number;
  @state() private service?: ServiceDetail;
  @state() private step: Step = 'form';
  @state() private errors: Record<string, string> = {};
  /** Server messages tied to no field. */
  @state() private otherErrors: string[] = [];
  @state() private showSummary = false;
  @state() private sending = false;
  @state() private progress = 0;
  @state() private sendError?: string;
  @state() private filed?: RequestDetail;

  /** What the citizen typed and chose, kept across visits. */
  private readonly draft = new RequestDraft(this);
  /** The document labels in the order the last send carried them (the server names documents by position too). */
  private sentLabels: string[] = [];
  private focusOnLoad = false;

  private readonly loadTask = new Task(this, {
    args: () => [this.apiBase, this.credential, this.currentServiceId] as const,
    task: async ([, credential, id], { signal }) => {
      if (!id) return initialState;
      const [service, me] = await Promise.all([
        this.publicClient.get('/services/:id', { params: { id }, signal }),
        credential ? this.client.get('/me', { signal }).catch(() => undefined) : undefined,
      ]);
      this.openDraft(service, me?.id);
      return service;
    },
  });

  private readonly followSelection = (e: GlobalEventHandlersEventMap['atende-service-selected']) => {
    if (this.serviceId !== undefined) return;
    this.focusOnLoad = true;
    if (e.detail.serviceId === this.chosenId && this.service?.id === e.detail.serviceId) void this.focusHeading();
    else this.chosenId = e.detail.serviceId;
    rememberChosenService(e.detail.serviceId);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('atende-service-selected', this.followSelection);
    const fromUrl = Number(new URLSearchParams(location.search).get('service'));
    if (this.chosenId === undefined && Number.isInteger(fromUrl) && fromUrl > 0) this.chosenId = fromUrl;
    else if (this.chosenId === undefined && this.serviceId === undefined) this.chosenId = chosenService();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('atende-service-selected', this.followSelection);
  }

  private get currentServiceId(): number | undefined {
    return this.serviceId ?? this.chosenId;
  }

  /** Shows the service with the draft kept for it and this user; a new draft starts at the form. */
  private openDraft(service: ServiceDetail, userId: number | undefined) {
    this.service = service;
    if (!this.draft.open(service, userId)) return;
    this.errors = {};
    this.otherErrors = [];
    this.showSummary = false;
    this.step = 'form';
    this.filed = undefined;
    this.sendError = undefined;
  }

  // What the field controls call (fields.ts).
  private readonly fieldHost: FieldHost = {
    t: (key, params) => this.t(key, params),
    value: (f) => this.draft.values[f.code] ?? (f.datatype === 'multivaluelist' ? [] : ''),
    error: (f) => this.errors[`formData.${f.code}`],
    input: (f, value, validateNow) => {
      this.draft.setValue(f.code, value);
      const k = `formData.${f.code}`;
      // Checked at once for a choice; for text only to clear (or update) a message already shown, never while typing a first time.
      if (validateNow || this.errors[k]) this.setError(k, this.checkField(f));
    },
    leave: (f) => {
      const k = `formData.${f.code}`;
      const error = this.checkField(f);
      // Passing through an empty field is not a mistake yet: "obrigatório" waits for "Continuar".
      if (error && isEmptyValue(typedValue(f, this.draft.values[f.code])) && !this.errors[k]) return;
      this.setError(k, error);
    },
  };

  private checkField(f: ServiceField): string | null {
    return fieldError(f, typedValue(f, this.draft.values[f.code]));
  }

  private checkDocument(doc: RequiredDocument): string | null {
    return documentError(doc, this.draft.files[doc.name], this.maxFileMb, (key, params) => this.t(key, params));
  }

  private setError(key: string, error: string | null) {
    const errors = { ...this.errors };
    if (error) errors[key] = error;
    else delete errors[key];
    this.errors = errors;
    if (!Object.keys(errors).length && !this.otherErrors.length) this.showSummary = false;
  }

  private chooseFile(doc: RequiredDocument, file: File | undefined) {
    this.draft.setFile(doc.name, file);
    this.setError(`documents.${doc.name}`, file ? this.checkDocument(doc) : null);
  }

  /** "Continuar": every field and document checked; the summary of what to fix, or the review. */
  private async goToReview(e: Event) {
    e.preventDefault();
    const service = this.service;
    if (!service) return;
    const errors: Record<string, string> = {};
    for (const f of service.fields) {
      const error = this.checkField(f);
      if (error) errors[`formData.${f.code}`] = error;
    }
    for (const d of service.documents) {
      const error = this.checkDocument(d);
      if (error) errors[`documents.${d.name}`] = error;
    }
    this.errors = errors;
    this.otherErrors = [];
    if (Object.keys(errors).length) return this.showErrors();
    this.showSummary = false;
    this.sendError = undefined;
    this.step = 'review';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#review-title')?.focus();
  }

  private async showErrors() {
    this.showSummary = true;
    this.step = 'form';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus();
  }

  private async correct() {
    this.step = 'form';
    this.sendError = undefined;
    await this.updateComplete;
    const first = this.service?.fields[0];
    const target = first ? focusTargetId(first, 0) : 'doc-0';
    this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
  }

  /** Takes the keyboard to a field named in the error summary. */
  private focusProblem(key: string) {
    const service = this.service;
    if (!service) return;
    const i = service.fields.findIndex((f) => `formData.${f.code}` === key);
    const d = service.documents.findIndex((doc) => `documents.${doc.name}` === key);
    const id = i >= 0 ? focusTargetId(service.fields[i], i) : d >= 0 ? `doc-${d}` : undefined;
    const el = id ? this.renderRoot.querySelector<HTMLElement>(`#${id}`) : null;
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }

  /** "Enviar solicitação" and "Tentar novamente": files the request, with the draft's Idempotency-Key. */
  private async send() {
    const service = this.service;
    const key = this.draft.key;
    if (this.sending || !service || !key) return;
    if (!this.credential) {
      this.sendError = this.t('requestForm.signIn');
      return;
    }
    const idempotencyKey = this.draft.sendingKey();
    const formData: Record<string, unknown> = {};
    for (const f of service.fields) {
      const v = typedValue(f, this.draft.values[f.code]);
      if (!isEmptyValue(v)) formData[f.code] = v;
    }
    const body = new FormData();
    body.set('request', JSON.stringify({ serviceId: service.id, formData }));
    this.sentLabels = [];
    for (const doc of service.documents) {
      const file = this.draft.files[doc.name];
      if (!file) continue;
      body.append(doc.name, file, safeFileName(file.name));
      this.sentLabels.push(doc.name);
    }
    this.sending = true;
    this.progress = 0;
    this.sendError = undefined;
    try {
      const filed = await this.client.upload('/requests', {
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
        onProgress: (loaded, total) => (this.progress = Math.min(100, Math.round((loaded / Math.max(1, total)) * 100))),
      });
      if (this.draft.key !== key) return;
      void this.draft.clear();
      if (this.serviceId === undefined) rememberChosenService(undefined);
      this.filed = filed;
      this.step = 'done';
      this.emit('atende-request-filed', { requestId: filed.id, protocol: filed.protocol });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#protocol')?.focus();
    } catch (err) {
      if ((err as Error).name === 'AbortError' || this.draft.key !== key) return;
      this.failed(err);
    } finally {
      this.sending = false;
      this.progress = 0;
    }
  }

  /** A failed send: field errors back on the form; otherwise a message, and everything kept for "Tentar novamente". */
  private failed(err: unknown) {
    if (!mayHaveFiled(err)) {
      // The server answered: nothing was filed, so the corrected draft is a new filing.
      this.draft.dropKey();
    }
    if (err instanceof ApiError && err.status === 401) {
      this.sendError = this.t('requestForm.signIn.expired');
      return;
    }
    if (err instanceof ApiError && err.status === 422 && err.errors['Idempotency-Key']) {
      // An earlier send of this draft did arrive, with other data: say so before the citizen files again (a new key now).
      this.sendError = this.t('requestForm.alreadyFiled');
      return;
    }
    if (err instanceof ApiError && Object.keys(err.errors).length) {
      const { fields, other } = serverErrors(this.service!, err.errors, this.sentLabels);
      if (Object.keys(fields).length) {
        this.errors = fields;
        this.otherErrors = other;
        void this.showErrors();
        return;
      }
    }
    const reason =
      err instanceof ApiError && err.status >= 400 && err.status !== 401 && err.message && this.locale === 'pt-BR' ? err.message : this.describeError(err);
    this.sendError = `${reason} ${this.t('requestForm.kept')}`;
  }

  /** "Fazer outra solicitação": the form again, empty. */
  private async startOver() {
    this.filed = undefined;
    this.step = 'form';
    await this.updateComplete;
    await this.focusHeading();
  }

  /** "Limpar formulário": forgets the draft. */
  private clearForm() {
    this.errors = {};
    this.otherErrors = [];
    this.showSummary = false;
    void this.draft.clear();
  }

  private async focusHeading() {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#form-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }

  protected override updated(): void {
    // The file inputs show the files kept in the draft (a reload, or back from the review).
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('input[type=file][data-label]')) {
      const file = this.draft.files[input.dataset.label!];
      if (input.files?.[0] === file || (!file && !input.files?.length)) continue;
      const dt = new DataTransfer();
      if (file) dt.items.add(file);
      input.files = dt.files;
    }
    if (this.focusOnLoad && this.service && this.service.id === this.currentServiceId) {
      this.focusOnLoad = false;
      void this.focusHeading();
    }
  }

  override render() {
    return html`<section part="base" aria-labelledby="form-title">
      ${
        !this.currentServiceId
          ? html`<h2 id="form-title" tabindex="-1">${this.t('requestForm.title')}</h2>
              <p class="placeholder">${this.t('requestForm.noService')}</p>`
          : this.loadTask.render({
              initial: () => this.renderLoading(),
              pending: () => (this.service && this.service.id === this.currentServiceId ? this.renderService(this.service) : this.renderLoading()),
              complete: (s) => (s ? this.renderService(s) : this.renderLoading()),
              error: (err) =>
                html`<h2 id="form-title" tabindex="-1">${this.t('requestForm.title')}</h2>
                  <div class="alert error" role="alert">
                    <p>
                      ${err instanceof ApiError && err.status === 404 ? this.t('requestForm.notFound') : `${this.t('requestForm.loadError')} ${this.describeError(err)}`}
                    </p>
                    <button class="btn small" @click=${() => void this.loadTask.run()}>${this.t('common.retry')}</button>
                  </div>`,
            })
      }
    </section>`;
  }

  private renderLoading() {
    return html`<h2 id="form-title" tabindex="-1">${this.t('requestForm.title')}</h2>
      <p class="loading" role="status"><span class="spinner"></span>${this.t('requestForm.loading')}</p>`;
  }

  private renderService(s: ServiceDetail) {
    const host = this.stepsHost;
    return html`<header>
        <p class="kicker">${this.t('requestForm.kicker')}</p>
        <h2 id="form-title" tabindex="-1">${s.name}</h2>
        <p class="hint">${s.institution.name} · ${this.t('catalog.deadline', { deadline: deadlineText(this.locale, s.deadline) })}</p>
      </header>
      ${this.step === 'done' && this.filed ? renderDone(host, this.filed) : this.step === 'review' ? renderReview(host, s) : this.renderForm(s)}`;
  }

  private renderForm(s: ServiceDetail) {
    const signedOut = !this.credential;
    const lost = Object.values(this.draft.lostFiles);
    return html`${
        this.draft.restored
          ? html`<div class="alert" role="status">
              <p>${this.t('requestForm.restored')}</p>
              <button type="button" class="btn small" @click=${this.clearForm}>${this.t('requestForm.clear')}</button>
            </div>`
          : nothing
      }
      ${lost.length ? html`<div class="alert error" role="alert"><p>${this.t('requestForm.filesLost', { names: lost.join(', ') })}</p></div>` : nothing}
      ${this.draft.filesNotKept ? html`<div class="alert"><p>${this.t('requestForm.filesNotKept')}</p></div>` : nothing}
      ${signedOut ? html`<div class="alert"><p>${this.t('requestForm.signedOut')}</p></div>` : nothing}
      ${this.showSummary ? renderSummary(this.stepsHost, s, this.errors, this.otherErrors) : nothing}
      <form part="form" novalidate @submit=${this.goToReview}>
        <p class="hint">${this.t('requestForm.requiredNote')}</p>
        ${
          s.fields.length
            ? html`<h3>${this.t('requestForm.fields')}</h3>
                ${s.fields.map((f, i) => renderField(this.fieldHost, f, i))}`
            : nothing
        }
        ${
          s.documents.length
            ? html`<h3>${this.t('requestForm.documents')}</h3>
                <p class="hint">${this.t('requestForm.documents.hint', { mb: this.maxFileMb })}</p>
                ${s.documents.map((d, i) => renderDocument(this.stepsHost, d, i, this.draft.files[d.name], this.errors[`documents.${d.name}`]))}`
            : nothing
        }
        ${s.lgpdBasis?.trim() ? html`<p class="hint lgpd">${this.t('requestForm.lgpd', { basis: s.lgpdBasis.trim() })}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="btn primary">${this.t('requestForm.continue')}</button>
        </div>
      </form>`;
  }

  /** What the step parts read and call (steps.ts). */
  private get stepsHost(): StepsHost {
    return {
      t: (key, params) => this.t(key, params),
      locale: this.locale,
      maxFileMb: this.maxFileMb,
      values: this.draft.values,
      files: this.draft.files,
      sending: this.sending,
      progress: this.progress,
      sendError: this.sendError,
      requestHref: this.requestHref,
      formatNames: (doc) => documentFormatNames(doc, this.t('catalog.or')),
      chooseFile: (doc, file) => this.chooseFile(doc, file),
      focusProblem: (key) => this.focusProblem(key),
      correct: () => void this.correct(),
      send: () => void this.send(),
      startOver: () => void this.startOver(),
    };
  }
}

declare module '../internal/atende-element.js' {
  interface AtendeEventDetails {
    'atende-request-filed': { requestId: number; protocol: string };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-request-form': AtendeRequestForm;
  }
  interface GlobalEventHandlersEventMap {
    'atende-request-filed': CustomEvent<{ requestId: number; protocol: string }>;
  }
}
