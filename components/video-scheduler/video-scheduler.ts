import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MEETING_MAX_MINUTES, MEETING_REQUEST_STATUSES, MEETING_SUBJECT_MAX } from '../../contract/meetings.js';
import { addDays, localDate, localTime, zonedInstant } from '../../contract/time.js';
import type { AppConfig, Meeting, MeetingJoin, RequestDetail } from '../../contract/types.js';
import { ApiError } from '../internal/api-client.js';
import { AtendeElement } from '../internal/atende-element.js';
import { currentTimeZone, formatDate, formatTime } from '../internal/i18n.js';
import { phaseAt } from '../internal/meeting-events.js';
import { dialogStyles, hostStyles } from '../internal/styles.js';
import { type JitsiApi, loadJitsi } from './jitsi.js';
import type { VideoSchedulerMessageKey } from './messages.js';
import { videoSchedulerStyles } from './video-scheduler.styles.js';
import './messages.js';

type Key = VideoSchedulerMessageKey;

/** The lengths offered, in minutes: quarter hours up to one hour, then half hours up to the longest. */
const DURATIONS = [15, 30, 45, 60, 90, 120, 150, 180, 210, 240].filter((n) => n <= MEETING_MAX_MINUTES);

/** How often the element looks at the clock again, so "Acessar" opens (and closes) by itself. */
const TICK_MS = 30_000;

/** The form's fields, by the API's names where they have one; `startsAt` errors show at the hour. */
interface Draft {
  day: string;
  hour: string;
  duration: number;
  subject: string;
}
type Field = 'day' | 'hour' | 'duration' | 'subject';
const LABELS: Record<Field, Key> = { day: 'video.day', hour: 'video.hour', duration: 'video.duration', subject: 'video.subject' };
const API_FIELDS: Record<string, Field> = { startsAt: 'hour', durationMinutes: 'duration', subject: 'subject' };

type Dialog = { kind: 'schedule' } | { kind: 'reschedule'; meeting: Meeting } | { kind: 'cancel'; meeting: Meeting };

/**
 * Videoconferência on a request: the meetings booked on it and, for the
 * institution's staff while the request is in attendance, "Videoconferência"
 * (day, hour, length and subject in the state's time zone), "Reagendar" and
 * "Cancelar" (with a reason the citizen reads). Both sides get "Acessar":
 * not yet active before JOIN_LEAD_MINUTES ahead of the start (it says when it
 * opens), enabled until the end, then "Encerrada". Acessar asks for the name
 * to show, loads Jitsi Meet's `external_api.js` from the configured domain
 * and embeds the call; leaving it returns here. The citizen also gets
 * "Adicionar à agenda" (an .ics file). With no Jitsi configured, it says so.
 *
 * The element re-reads its clock every 30 s; `now` is the clock it reads
 * (a test seam: `el.now = () => Date.parse('…')`).
 *
 * @tagname atende-video-scheduler
 * @summary Schedule, reschedule, cancel and join a request's video meetings.
 * @event atende-meeting-changed - A meeting was scheduled, rescheduled or cancelled; `detail: {requestId, meetingId, action}`.
 * @event atende-request-changed - After the above, so a thread beside it shows the event; `detail: {id, action, status, version}` (action `meeting_scheduled`, `meeting_rescheduled` or `meeting_cancelled`).
 * @event atende-unauthorized - The host's token was refused even after a refresh.
 * @csspart base - The wrapper.
 * @csspart meetings - The list of meetings.
 * @csspart call - The container of the embedded call.
 * @csspart dialog - The schedule / reschedule / cancel dialog.
 * @cssproperty --atende-color-primary - Buttons and links (default #1351B4).
 * @cssproperty --atende-color-danger - Errors (default #E52207).
 * @cssproperty --atende-font-family - Typeface (default Rawline, Raleway, sans-serif).
 * @cssproperty --atende-color-focus - Focus outline (default #C2850C, as gov.br).
 * @cssproperty --atende-space - Base spacing (default 1rem).
 * @cssproperty --atende-video-height - Height of the embedded call (default 70vh, at least 360px).
 */
export class AtendeVideoScheduler extends AtendeElement {
  static override styles = [hostStyles, dialogStyles, videoSchedulerStyles];

  /** Id of the request whose meetings are shown. */
  @property({ type: Number, attribute: 'request-id' }) requestId?: number;

  /** The clock the element reads (ms since the epoch); a test seam, default `Date.now`. */
  @property({ attribute: false }) now: () => number = () => Date.now();

  @state() private request?: RequestDetail;
  @state() private meetings?: Meeting[];
  @state() private config?: AppConfig;
  @state() private dialog?: Dialog;
  @state() private draft: Draft = { day: '', hour: '', duration: 30, subject: '' };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private failure = '';
  @state() private reason = '';
  @state() private reasonError = '';
  @state() private notice?: { kind: 'success' | 'error'; text: string };
  @state() private busy = false;
  /** A meeting's own message under its actions (a refused join, a download that failed). */
  @state() private meetingNote?: { id: number; text: string };
  /** The join step: the name typed, then the call. */
  @state() private joining?: { meeting: Meeting; join: MeetingJoin; name: string; error: string; calling: boolean; failure: string };
  @state() private tick = 0;

  /** Whose values the form holds: a new meeting's, or the meeting being rescheduled. */
  private draftOf?: 'schedule' | number;
  private timer?: ReturnType<typeof setInterval>;
  private call?: JitsiApi;

  private readonly loadTask = new Task(this, {
    args: () => [this.apiBase, this.credential, this.requestId] as const,
    task: async ([, credential, id], { signal }) => {
      if (!credential || !id) return initialState;
      const [config, request, meetings] = await Promise.all([
        this.appConfig(),
        this.client.get('/requests/:id', { params: { id }, signal }),
        this.client.get('/requests/:id/meetings', { params: { id }, signal }),
      ]);
      if (id !== this.requestId) return initialState;
      // The page's zone (shared by every element) was set from the same answer: the days and times below are read in it.
      this.config = config;
      this.request = request;
      this.meetings = meetings.items;
      return meetings;
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => this.tick++, TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.endCall();
  }

  private tr(key: Key, params?: Record<string, string | number>): string {
    return this.t(key, params);
  }

  /** The state's time zone (the server's TIME_ZONE), in which days are picked and shown. */
  private get zone(): string {
    return currentTimeZone();
  }

  private day(iso: string): string {
    return formatDate(this.locale, iso);
  }

  private time(iso: string): string {
    return formatTime(this.locale, iso);
  }

  private get isStaffInAttendance(): boolean {
    const r = this.request;
    return !!r && r.viewer.side === 'staff' && (MEETING_REQUEST_STATUSES as readonly string[]).includes(r.status);
  }

  private get dialogEl(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('requestId') && this.request?.id !== this.requestId) {
      this.request = undefined;
      this.meetings = undefined;
      this.dialog = undefined;
      this.notice = undefined;
      this.meetingNote = undefined;
      this.endCall();
      this.joining = undefined;
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    const dialog = this.dialogEl;
    if (changed.has('dialog')) {
      if (this.dialog && dialog && !dialog.open) dialog.showModal();
      else if (!this.dialog && dialog?.open) dialog.close();
    }
    if (this.joining?.calling && !this.call) void this.startCall();
    if (this.awaitingFocus) this.focusPending();
  }

  // ——— Schedule and reschedule ———

  private openSchedule(): void {
    // What was typed before (and not sent) is kept; a fresh form proposes tomorrow at 09:00.
    if (this.draftOf !== 'schedule') {
      this.draft = { day: addDays(localDate(this.now(), this.zone), 1), hour: '09:00', duration: 30, subject: '' };
      this.draftOf = 'schedule';
    }
    this.openDialog({ kind: 'schedule' }, 'meeting-day');
  }

  private openReschedule(m: Meeting): void {
    this.draftOf = m.id;
    this.draft = {
      day: localDate(Date.parse(m.startsAt), this.zone),
      hour: localTime(Date.parse(m.startsAt), this.zone),
      duration: m.durationMinutes,
      subject: m.subject,
    };
    this.openDialog({ kind: 'reschedule', meeting: m }, 'meeting-day');
  }

  private openCancel(m: Meeting): void {
    this.reason = '';
    this.reasonError = '';
    this.openDialog({ kind: 'cancel', meeting: m }, 'cancel-reason');
  }

  private openDialog(d: Dialog, focus: string): void {
    this.errors = {};
    this.failure = '';
    this.notice = undefined;
    this.meetingNote = undefined;
    this.dialog = d;
    this.focusAfterRender(focus);
  }

  /** Closes the dialog and gives focus back to the button that opened it. */
  private closeDialog(): void {
    const d = this.dialog;
    this.dialog = undefined;
    if (d?.kind === 'schedule') this.focusAfterRender('schedule');
    else if (d) this.focusAfterRender(`${d.kind}-${d.meeting.id}`);
  }

  private dialogClosed(): void {
    // Escape closes the native dialog: keep the state in step.
    if (this.dialog && !this.dialogEl?.open) this.closeDialog();
  }

  private change(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    const touched = Object.keys(patch) as Field[];
    if (touched.some((f) => this.errors[f])) {
      const rest = { ...this.errors };
      for (const f of touched) if (f !== 'subject' || this.draft.subject.length <= MEETING_SUBJECT_MAX) delete rest[f];
      if (touched.includes('day')) delete rest.hour;
      this.errors = rest;
    }
  }

  private async submitMeeting(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const d = this.dialog;
    const r = this.request;
    if (!r || !d || d.kind === 'cancel' || this.busy) return;
    const { day, hour, duration } = this.draft;
    const subject = this.draft.subject.trim();
    const missing: Partial<Record<Field, string>> = {};
    if (!day) missing.day = this.tr('video.required.day');
    if (!hour) missing.hour = this.tr('video.required.hour');
    if (!subject) missing.subject = this.tr('video.required.subject');
    else if (subject.length > MEETING_SUBJECT_MAX) missing.subject = this.tr('video.tooLong', { max: MEETING_SUBJECT_MAX });
    if (Object.keys(missing).length) {
      this.errors = missing;
      return this.focusAfterRender('error-summary');
    }
    const startsAt = zonedInstant(day, hour, this.zone).toISOString();
    this.busy = true;
    this.failure = '';
    try {
      const saved =
        d.kind === 'schedule'
          ? await this.client.post('/requests/:id/meetings', { params: { id: r.id }, body: { startsAt, durationMinutes: duration, subject } })
          : await this.client.patch('/meetings/:id', {
              params: { id: d.meeting.id },
              body: { startsAt, durationMinutes: duration, subject },
              ifMatch: d.meeting.version,
            });
      this.draftOf = undefined;
      this.dialog = undefined;
      await this.reloadMeetings();
      const params = { day: this.day(saved.startsAt), time: this.time(saved.startsAt) };
      this.notice = { kind: 'success', text: this.tr(d.kind === 'schedule' ? 'video.scheduled' : 'video.rescheduled', params) };
      this.focusAfterRender('notice');
      this.emit('atende-meeting-changed', { requestId: r.id, meetingId: saved.id, action: d.kind });
      this.emit('atende-request-changed', { id: r.id, action: `meeting_${d.kind}d`, status: r.status, version: r.version });
    } catch (error) {
      const fields = error instanceof ApiError ? Object.keys(error.errors).filter((k) => k in API_FIELDS) : [];
      if (fields.length) {
        this.errors = Object.fromEntries(fields.map((k) => [API_FIELDS[k], (error as ApiError).errors[k]]));
        this.focusAfterRender('error-summary');
      } else {
        // An overlap (409), a request no longer in attendance, a stale copy: the server's words, the form kept as typed.
        this.failure = this.explainRefusal(error);
        this.focusAfterRender('form-failure');
        if (error instanceof ApiError && error.status === 412) void this.reloadMeetings();
      }
    } finally {
      this.busy = false;
    }
  }

  private async submitCancel(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const d = this.dialog;
    const r = this.request;
    if (!r || d?.kind !== 'cancel' || this.busy) return;
    const reason = this.reason.trim();
    if (!reason) {
      this.reasonError = this.tr('video.cancel.required');
      return this.focusAfterRender('cancel-reason');
    }
    this.busy = true;
    this.failure = '';
    try {
      await this.client.post('/meetings/:id/cancel', { params: { id: d.meeting.id }, body: { reason } });
      this.dialog = undefined;
      await this.reloadMeetings();
      this.notice = { kind: 'success', text: this.tr('video.cancelled') };
      this.focusAfterRender('notice');
      this.emit('atende-meeting-changed', { requestId: r.id, meetingId: d.meeting.id, action: 'cancel' });
      this.emit('atende-request-changed', { id: r.id, action: 'meeting_cancelled', status: r.status, version: r.version });
    } catch (error) {
      if (error instanceof ApiError && error.errors.reason) {
        this.reasonError = error.errors.reason;
        this.focusAfterRender('cancel-reason');
      } else {
        this.failure = this.explainRefusal(error);
        this.focusAfterRender('form-failure');
      }
    } finally {
      this.busy = false;
    }
  }

  private async reloadMeetings(): Promise<void> {
    const id = this.requestId;
    if (!id) return;
    try {
      const { items } = await this.client.get('/requests/:id/meetings', { params: { id } });
      if (id === this.requestId) this.meetings = items;
    } catch {
      // The list stays as it was; the next load shows the change.
    }
  }

  // ——— "Adicionar à agenda" ———

  private async downloadIcs(m: Meeting): Promise<void> {
    this.meetingNote = undefined;
    try {
      const blob = await this.client.get('/meetings/:id/ics', { params: { id: m.id } });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `videoconferencia-${m.protocol}.ics`;
      a.hidden = true;
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.meetingNote = { id: m.id, text: `${this.tr('video.ics.error')} ${this.describeError(error)}` };
      this.focusAfterRender(`note-${m.id}`);
    }
  }

  // ——— "Acessar" and the call ———

  private async join(m: Meeting): Promise<void> {
    if (this.busy) return;
    this.meetingNote = undefined;
    this.notice = undefined;
    if (!this.config?.video.configured) {
      this.meetingNote = { id: m.id, text: this.tr('video.notConfigured') };
      return this.focusAfterRender(`note-${m.id}`);
    }
    this.busy = true;
    try {
      const join = await this.client.post('/meetings/:id/join', { params: { id: m.id } });
      this.joining = { meeting: m, join, name: join.displayName, error: '', calling: false, failure: '' };
      this.focusAfterRender('join-name');
    } catch (error) {
      this.meetingNote = { id: m.id, text: this.explainRefusal(error) };
      this.focusAfterRender(`note-${m.id}`);
      // Refused outside the window or after a change: show the meeting as it is now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) void this.reloadMeetings();
    } finally {
      this.busy = false;
    }
  }

  private enterCall(e: SubmitEvent): void {
    e.preventDefault();
    const j = this.joining;
    if (!j) return;
    const name = j.name.trim();
    if (!name) {
      this.joining = { ...j, error: this.tr('video.name.required') };
      return this.focusAfterRender('join-name');
    }
    this.joining = { ...j, name, error: '', failure: '', calling: true };
    this.focusAfterRender('video-h');
  }

  private async startCall(): Promise<void> {
    const j = this.joining;
    const parentNode = this.renderRoot.querySelector<HTMLElement>('#call');
    if (!j || !parentNode) return;
    this.call = { addListener() {}, dispose() {} };
    try {
      const JitsiMeetExternalAPI = await loadJitsi(j.join.domain);
      if (this.joining !== j) return;
      const api = new JitsiMeetExternalAPI(j.join.domain, {
        roomName: j.join.room,
        ...(j.join.jwt ? { jwt: j.join.jwt } : {}),
        parentNode,
        width: '100%',
        height: '100%',
        userInfo: { displayName: j.name },
        // Jitsi's own code for Brazilian Portuguese (its lang/languages.json) is "ptBR".
        lang: this.locale === 'en' ? 'en' : 'ptBR',
        // Jitsi's own pre-join screen: the name typed here, camera and microphone checked before entering.
        configOverwrite: { prejoinConfig: { enabled: true }, disableDeepLinking: true, subject: j.meeting.subject },
        interfaceConfigOverwrite: { MOBILE_APP_PROMO: false, SHOW_JITSI_WATERMARK: false },
      });
      this.call = api;
      const leave = () => this.leaveCall();
      api.addListener('readyToClose', leave);
      api.addListener('videoConferenceLeft', leave);
    } catch {
      this.call = undefined;
      if (this.joining === j) {
        this.joining = { ...j, calling: false, failure: this.tr('video.loadFailed', { domain: j.join.domain }) };
        this.focusAfterRender('join-name');
      }
    }
  }

  private endCall(): void {
    const call = this.call;
    this.call = undefined;
    try {
      call?.dispose();
    } catch {
      // Already gone.
    }
  }

  /** Leaves the call (or the name step) and returns to the request's meetings, focus on that meeting's "Acessar". */
  private leaveCall(): void {
    const j = this.joining;
    this.endCall();
    this.joining = undefined;
    if (j) this.focusAfterRender(`join-${j.meeting.id}`);
  }

  // ——— Rendering ———

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="video-h">
      ${this.renderBody()}
      <dialog part="dialog" aria-labelledby="dialog-h" @close=${this.dialogClosed}>${this.renderDialog()}</dialog>
    </section>`;
  }

  private heading() {
    return html`<h2 id="video-h" tabindex="-1">${this.tr('video.title')}</h2>`;
  }

  private renderBody() {
    if (!this.credential)
      return html`${this.heading()}
        <p class="placeholder">${this.tr('video.signin')}</p>`;
    if (!this.requestId)
      return html`${this.heading()}
        <p class="placeholder">${this.tr('video.none')}</p>`;
    if (!this.request || !this.meetings || !this.config) {
      if (this.loadTask.status === TaskStatus.ERROR)
        return html`${this.heading()}
          <div class="alert error" role="alert">
            <p>${this.tr('video.error')} ${this.describeError(this.loadTask.error)}</p>
            <button class="btn small" type="button" @click=${() => this.loadTask.run()}>${this.t('common.retry')}</button>
          </div>`;
      return html`${this.heading()}
        <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${this.tr('video.loading')}</p>`;
    }
    if (this.joining) return this.renderJoin(this.joining);
    const now = this.now();
    return html`${this.heading()} ${this.renderNotice()}
    ${
      this.isStaffInAttendance
        ? html`<p class="toolbar">
            <button id="schedule" class="btn primary" type="button" aria-haspopup="dialog" @click=${() => this.openSchedule()}>
              <span aria-hidden="true">📹</span> ${this.tr('video.schedule')}
            </button>
          </p>`
        : nothing
    }
    ${
      this.meetings.length
        ? html`<ul part="meetings" class="meetings" aria-label=${this.tr('video.list')}>
            ${this.meetings.map((m) => this.renderMeeting(m, now))}
          </ul>`
        : html`<p class="placeholder">${this.tr('video.empty')}</p>`
    }`;
  }

  private renderNotice() {
    const n = this.notice;
    const body = (kind: string, text: string) => html`<p id="notice" class="alert ${kind}" tabindex="-1">${text}</p>`;
    return html`<div role="status">${n && n.kind !== 'error' ? body(n.kind, n.text) : nothing}</div>
      <div role="alert">${n?.kind === 'error' ? body('error', n.text) : nothing}</div>`;
  }

  private renderMeeting(m: Meeting, now: number) {
    const phase = phaseAt(m, now);
    const staff = this.isStaffInAttendance && m.status === 'scheduled' && phase !== 'ended';
    const citizen = this.request!.viewer.side === 'citizen';
    const hintId = `join-hint-${m.id}`;
    let hint: unknown = nothing;
    if (phase === 'upcoming') hint = this.tr('video.opensAt', { time: this.time(m.joinOpensAt), day: this.day(m.joinOpensAt) });
    else if (phase === 'ended') hint = this.tr('video.endedNote');
    else if (phase === 'open' && !this.config!.video.configured) hint = this.tr('video.notConfigured');
    const canJoin = phase === 'open' && this.config!.video.configured;
    const note = this.meetingNote?.id === m.id ? this.meetingNote.text : '';
    return html`<li class="meeting ${phase}">
      <h3 id="meeting-${m.id}">${m.subject}</h3>
      <p class="when">
        <time datetime=${m.startsAt}>${this.tr('video.when', { day: this.day(m.startsAt), start: this.time(m.startsAt), end: this.time(m.endsAt) })}</time>
        <span class="badge phase ${phase}">${this.tr(`video.phase.${phase}`)}</span>
      </p>
      <p class="host">${this.tr('video.host', { name: m.host.name })}</p>
      ${m.status === 'cancelled' && m.cancelReason ? html`<p class="reason">${this.tr('video.cancelReason', { reason: m.cancelReason })}</p>` : nothing}
      ${
        phase !== 'cancelled'
          ? html`<div class="actions" role="group" aria-label=${this.tr('video.actionsOf', { subject: m.subject })}>
                <button
                  id="join-${m.id}"
                  class="btn ${canJoin ? 'primary' : ''}"
                  type="button"
                  aria-disabled=${canJoin ? 'false' : 'true'}
                  aria-describedby=${hint === nothing ? `meeting-${m.id}` : `meeting-${m.id} ${hintId}`}
                  @click=${() => (canJoin ? void this.join(m) : undefined)}
                >
                  ${this.tr('video.join')}
                </button>
                ${
                  citizen && phase !== 'ended'
                    ? html`<button id="ics-${m.id}" class="btn" type="button" aria-describedby="meeting-${m.id}" @click=${() => void this.downloadIcs(m)}>
                        ${this.tr('video.ics')}
                      </button>`
                    : nothing
                }
                ${
                  staff
                    ? html`<button
                          id="reschedule-${m.id}"
                          class="btn"
                          type="button"
                          aria-haspopup="dialog"
                          aria-describedby="meeting-${m.id}"
                          @click=${() => this.openReschedule(m)}
                        >
                          ${this.tr('video.reschedule')}
                        </button>
                        <button
                          id="cancel-${m.id}"
                          class="btn danger"
                          type="button"
                          aria-haspopup="dialog"
                          aria-describedby="meeting-${m.id}"
                          @click=${() => this.openCancel(m)}
                        >
                          ${this.tr('video.cancel')}
                        </button>`
                    : nothing
                }
              </div>
              ${hint === nothing ? nothing : html`<p id=${hintId} class="hint join-hint">${hint}</p>`}`
          : nothing
      }
      <div role="alert">${note ? html`<p id="note-${m.id}" class="alert error" tabindex="-1">${note}</p>` : nothing}</div>
    </li>`;
  }

  private renderJoin(j: NonNullable<AtendeVideoScheduler['joining']>) {
    if (j.calling)
      return html`<div class="call-view">
        <h2 id="video-h" tabindex="-1">${this.tr('video.call.title', { subject: j.meeting.subject })}</h2>
        <p class="toolbar"><button id="leave" class="btn danger" type="button" @click=${() => this.leaveCall()}>${this.tr('video.leave')}</button></p>
        <div id="call" part="call" class="call"></div>
      </div>`;
    return html`<form class="join-form" novalidate @submit=${(e: SubmitEvent) => this.enterCall(e)}>
      <h2 id="video-h" tabindex="-1">${this.tr('video.name.title')}</h2>
      <p>
        <strong>${j.meeting.subject}</strong> —
        ${this.tr('video.when', { day: this.day(j.meeting.startsAt), start: this.time(j.meeting.startsAt), end: this.time(j.meeting.endsAt) })}
      </p>
      <p id="join-intro" class="hint">${this.tr('video.name.intro')}</p>
      <div class="field">
        <label for="join-name">${this.tr('video.name')} <span aria-hidden="true" class="required">*</span></label>
        <input
          id="join-name"
          type="text"
          autocomplete="name"
          required
          maxlength="100"
          .value=${j.name}
          aria-invalid=${j.error ? 'true' : 'false'}
          aria-describedby=${j.error ? 'join-name-error join-intro' : 'join-intro'}
          @input=${(e: InputEvent) => (this.joining = { ...j, name: (e.target as HTMLInputElement).value, error: '' })}
        />
        ${j.error ? html`<p id="join-name-error" class="field-error">${j.error}</p>` : nothing}
      </div>
      <div role="alert">${j.failure ? html`<p class="alert error">${j.failure}</p>` : nothing}</div>
      <div class="form-actions">
        <button class="btn" type="button" @click=${() => this.leaveCall()}>${this.tr('video.back')}</button>
        <button class="btn primary" type="submit">${this.tr('video.name.submit')}</button>
      </div>
    </form>`;
  }

  private renderDialog() {
    const d = this.dialog;
    if (!d || !this.config) return nothing;
    return d.kind === 'cancel' ? this.renderCancel(d.meeting) : this.renderForm(d.kind);
  }

  private durationLabel(n: number): string {
    if (n < 60) return this.tr('video.minutes', { n });
    const h = Math.floor(n / 60);
    return n % 60 ? this.tr('video.hoursMinutes', { h, m: n % 60 }) : this.tr('video.hours', { h });
  }

  private summary() {
    const fields = (Object.keys(LABELS) as Field[]).filter((f) => this.errors[f]);
    if (!fields.length) return nothing;
    return html`<div id="error-summary" class="error-summary" role="group" aria-labelledby="error-summary-h" tabindex="-1">
      <h3 id="error-summary-h">${this.tr('video.errors')}</h3>
      <ul>
        ${fields.map(
          (f) =>
            html`<li>
              <a
                href="#meeting-${f}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  this.renderRoot.querySelector<HTMLElement>(`#meeting-${f}`)?.focus();
                }}
                >${this.tr(LABELS[f])}: ${this.errors[f]}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderForm(kind: 'schedule' | 'reschedule') {
    const d = this.draft;
    const left = MEETING_SUBJECT_MAX - d.subject.length;
    const counter = left < 0 ? this.tr('video.counterOver', { n: -left }) : left === 1 ? this.tr('video.counterOne') : this.tr('video.counter', { n: left });
    const invalid = (f: Field) => (this.errors[f] ? 'true' : 'false');
    const described = (f: Field, ...more: string[]) => [this.errors[f] ? `meeting-${f}-error` : '', ...more].filter(Boolean).join(' ') || nothing;
    const error = (f: Field) => (this.errors[f] ? html`<p id="meeting-${f}-error" class="field-error">${this.errors[f]}</p>` : nothing);
    const durations = DURATIONS.includes(d.duration) ? DURATIONS : [...DURATIONS, d.duration].sort((a, b) => a - b);
    return html`<form class="dialog-form" novalidate @submit=${(e: SubmitEvent) => void this.submitMeeting(e)}>
      <h2 id="dialog-h">${this.tr(kind === 'schedule' ? 'video.schedule.title' : 'video.reschedule.title')}</h2>
      <p id="meeting-intro" class="hint">${this.tr('video.intro', { zone: this.zone })}</p>
      ${this.summary()}
      <div class="when-fields">
        <div class="field">
          <label for="meeting-day">${this.tr('video.day')} <span aria-hidden="true" class="required">*</span></label>
          <input
            id="meeting-day"
            type="date"
            required
            min=${localDate(this.now(), this.zone)}
            .value=${d.day}
            aria-invalid=${invalid('day')}
            aria-describedby=${described('day', 'meeting-intro')}
            @input=${(e: InputEvent) => this.change({ day: (e.target as HTMLInputElement).value })}
          />
          ${error('day')}
        </div>
        <div class="field">
          <label for="meeting-hour">${this.tr('video.hour')} <span aria-hidden="true" class="required">*</span></label>
          <input
            id="meeting-hour"
            type="time"
            required
            step="300"
            .value=${d.hour}
            aria-invalid=${invalid('hour')}
            aria-describedby=${described('hour')}
            @input=${(e: InputEvent) => this.change({ hour: (e.target as HTMLInputElement).value })}
          />
          ${error('hour')}
        </div>
        <div class="field">
          <label for="meeting-duration">${this.tr('video.duration')}</label>
          <select
            id="meeting-duration"
            aria-invalid=${invalid('duration')}
            aria-describedby=${described('duration')}
            @change=${(e: Event) => this.change({ duration: Number((e.target as HTMLSelectElement).value) })}
          >
            ${durations.map((n) => html`<option value=${n} ?selected=${n === d.duration}>${this.durationLabel(n)}</option>`)}
          </select>
          ${error('duration')}
        </div>
      </div>
      <div class="field">
        <label for="meeting-subject">${this.tr('video.subject')} <span aria-hidden="true" class="required">*</span></label>
        <input
          id="meeting-subject"
          type="text"
          required
          .value=${d.subject}
          aria-invalid=${invalid('subject')}
          aria-describedby=${described('subject', 'meeting-subject-count')}
          @input=${(e: InputEvent) => this.change({ subject: (e.target as HTMLInputElement).value })}
        />
        ${error('subject')}
        <p id="meeting-subject-count" class="hint counter ${left < 0 ? 'over' : ''}" aria-live="polite">${counter}</p>
      </div>
      <div role="alert">${this.failure ? html`<p id="form-failure" class="alert error" tabindex="-1">${this.failure}</p>` : nothing}</div>
      <div class="dialog-actions">
        <button class="btn" type="button" @click=${() => this.closeDialog()}>${this.tr('video.back')}</button>
        <button class="btn primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${
            this.busy
              ? html`<span class="spinner" aria-hidden="true"></span>${this.tr('video.sending')}`
              : this.tr(kind === 'schedule' ? 'video.submit' : 'video.submitReschedule')
          }
        </button>
      </div>
    </form>`;
  }

  private renderCancel(m: Meeting) {
    return html`<form class="dialog-form" novalidate @submit=${(e: SubmitEvent) => void this.submitCancel(e)}>
      <h2 id="dialog-h">${this.tr('video.cancel.title')}</h2>
      <p id="cancel-intro">${this.tr('video.cancel.intro', { day: this.day(m.startsAt), time: this.time(m.startsAt), subject: m.subject })}</p>
      <div class="field">
        <label for="cancel-reason">${this.tr('video.cancel.reason')} <span aria-hidden="true" class="required">*</span></label>
        <textarea
          id="cancel-reason"
          required
          rows="3"
          maxlength="1000"
          .value=${this.reason}
          aria-invalid=${this.reasonError ? 'true' : 'false'}
          aria-describedby=${this.reasonError ? 'cancel-reason-error cancel-intro' : 'cancel-intro'}
          @input=${(e: InputEvent) => {
            this.reason = (e.target as HTMLTextAreaElement).value;
            if (this.reason.trim()) this.reasonError = '';
          }}
        ></textarea>
        ${this.reasonError ? html`<p id="cancel-reason-error" class="field-error">${this.reasonError}</p>` : nothing}
      </div>
      <div role="alert">${this.failure ? html`<p id="form-failure" class="alert error" tabindex="-1">${this.failure}</p>` : nothing}</div>
      <div class="dialog-actions">
        <button class="btn" type="button" @click=${() => this.closeDialog()}>${this.tr('video.back')}</button>
        <button class="btn danger-solid" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.tr('video.cancel.submit')}</button>
      </div>
    </form>`;
  }
}

/** What the scheduler's event carries. */
type MeetingChanged = { requestId: number; meetingId: number; action: 'schedule' | 'reschedule' | 'cancel' };

declare module '../internal/atende-element.js' {
  interface AtendeEventDetails {
    'atende-meeting-changed': MeetingChanged;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-video-scheduler': AtendeVideoScheduler;
  }
  interface GlobalEventHandlersEventMap {
    'atende-meeting-changed': CustomEvent<MeetingChanged>;
  }
}
