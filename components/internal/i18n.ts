// UI text of every element: pt-BR by default, English when `lang="en"` is set
// on the element or on its `atende-session`; keys are prefixed by the element
// or concern (`queue.`, `form.`, `thread.`, …). The elements that come in a
// chunk of their own (editor, catalog, request form) keep their text in their
// folder's messages.ts and register it (registerMessages). Dates and times are
// shown in the state's time zone, which the server names (GET /api/config,
// setTimeZone): never the browser's zone.
import { DEFAULT_TIME_ZONE, localDate } from '../../contract/time.js';
import type { RequestStatus } from '../../contract/types.js';
import type { AccessMessageKey } from '../access-requests/messages.js';
import type { RequestFormMessageKey } from '../request-form/messages.js';
import type { PanelMessageKey } from '../satisfaction-panel/messages.js';
import type { CatalogMessageKey } from '../service-catalog/messages.js';
import type { EditorMessageKey } from '../service-editor/messages.js';
import type { EvaluationFormMessageKey } from '../evaluation-form/messages.js';
import type { ModeratorMessageKey } from '../evaluation-moderator/messages.js';
import type { AgendaMessageKey } from '../day-agenda/messages.js';
import type { VideoSchedulerMessageKey } from '../video-scheduler/messages.js';

export type Locale = 'pt-BR' | 'en';

const ptBR = {
  'status.submitted': 'Enviada',
  'status.in_analysis': 'Em análise',
  'status.rejected': 'Reprovada',
  'status.in_service': 'Em atendimento',
  'status.awaiting_citizen': 'Aguardando cidadão',
  'status.concluded': 'Concluída',
  'status.evaluated': 'Avaliada',

  'error.network': 'Não foi possível falar com o servidor. Verifique sua conexão e tente de novo.',
  'error.unauthorized': 'Sua sessão expirou. Entre novamente para continuar; o que você digitou foi guardado.',
  'error.generic': 'Algo deu errado. Tente de novo em instantes.',
  'error.conflict': 'Outra pessoa alterou esta solicitação antes de você. Recarregamos a situação atual; confira antes de continuar.',
  'common.retry': 'Tentar novamente',
  'common.cancel': 'Cancelar',
  'common.none': '—',
  'common.notInformed': 'Não informado',
  'common.yes': 'Sim',
  'common.no': 'Não',

  'deadline.left': 'Faltam {n} dias',
  'deadline.leftOne': 'Falta 1 dia',
  'deadline.today': 'Vence hoje',
  'deadline.overdue': 'Atrasada há {n} dias',
  'deadline.overdueOne': 'Atrasada há 1 dia',
  'deadline.until': 'até {date}',
  'deadline.days.business': '{n} dias úteis',
  'deadline.days.calendar': '{n} dias corridos',
  'deadline.day.business': '1 dia útil',
  'deadline.day.calendar': '1 dia corrido',

  'queue.title.staff': 'Solicitações',
  'queue.title.citizen': 'Minhas solicitações',
  'queue.byStatus': 'Filtrar por situação',
  'queue.all': 'Todas',
  'queue.tab.work': 'A fazer',
  'queue.tab.mine': 'Minhas',
  'queue.filters': 'Filtros da fila',
  'queue.search': 'Buscar',
  'queue.search.placeholder': 'Protocolo ou nome do cidadão',
  'queue.search.placeholderCitizen': 'Protocolo',
  'queue.service': 'Serviço',
  'queue.service.all': 'Todos os serviços',
  'queue.month': 'Mês de envio',
  'queue.month.invalid': 'Use o mês no formato AAAA-MM.',
  'queue.sort': 'Ordenar por',
  'queue.sort.filed': 'Ordem de chegada',
  'queue.sort.due': 'Prazo',
  'queue.mine': 'Somente as minhas',
  'queue.clear': 'Limpar filtros',
  'queue.col.protocol': 'Protocolo',
  'queue.col.service': 'Serviço',
  'queue.col.citizen': 'Cidadão',
  'queue.col.filedAt': 'Enviada em',
  'queue.col.status': 'Situação',
  'queue.col.deadline': 'Prazo',
  'queue.col.assignee': 'Responsável',
  'queue.col.verdict': 'Parecer',
  'queue.col.evaluation': 'Sua avaliação',
  'queue.col.actions': 'Ações',
  'queue.caption': '{title}: {order}, página {page}.',
  'queue.open': 'Abrir solicitação {protocol}',
  'queue.noAssignee': 'Sem responsável',
  'queue.unassigned': 'Sem atendente',
  'queue.loading': 'Carregando solicitações…',
  'queue.empty': 'Nenhuma solicitação encontrada.',
  'queue.empty.filtered': 'Nenhuma solicitação corresponde aos filtros. Tente limpar os filtros.',
  'queue.error': 'Não foi possível carregar as solicitações.',
  'queue.offline': 'Não foi possível conectar ao servidor. A tela foi mantida como estava; verifique sua conexão e tente novamente.',
  'queue.citizenVerdict.approved': 'Cidadão aprovou',
  'queue.citizenVerdict.rejected': 'Cidadão não aprovou',
  'queue.loaded': '{n} solicitações na página {page}.',
  'queue.loadedOne': '1 solicitação na página {page}.',
  'queue.pagination': 'Paginação',
  'queue.previous': 'Anterior',
  'queue.next': 'Próxima',
  'queue.page': 'Página {page}',
  'queue.verdict.pending': 'Aguardando análise',
  'queue.verdict.approved': 'Aprovada',
  'queue.verdict.rejected': 'Reprovada',
  'queue.evaluation.approved': 'Você aprovou o atendimento',
  'queue.evaluation.rejected': 'Você não aprovou o atendimento',
  'queue.evaluation.waiting': 'Aguardando sua avaliação',
  'queue.signin': 'Entre com sua conta para ver as solicitações.',

  'form.placeholder': 'Selecione uma solicitação na fila para ver os detalhes.',
  'form.loading': 'Carregando solicitação…',
  'form.error': 'Não foi possível carregar a solicitação.',
  'form.title': 'Solicitação {protocol}',
  'form.actions': 'Ações da solicitação',
  'form.filedAt': 'Enviada em',
  'form.deadline': 'Prazo',
  'form.assignee': 'Responsável',
  'form.assignee.awaiting': 'Aguardando novo atendente',
  'form.unassigned': 'Sem atendente: o acesso de quem atendia terminou. Reatribua a solicitação para continuar o atendimento.',
  'form.analyst': 'Em análise por {name}',
  'form.refreshed': 'A solicitação foi atualizada por outra pessoa; veja a situação atual.',
  'form.refreshed.analyst': 'Em análise por {name}: outra pessoa iniciou a análise desta solicitação.',
  'form.institution': 'Órgão',
  'form.citizen': 'Dados do cidadão',
  'form.citizen.name': 'Nome',
  'form.citizen.email': 'E-mail',
  'form.formData': 'Formulário preenchido',
  'form.documents': 'Documentos',
  'form.documents.none': 'Nenhum documento enviado.',
  'form.documents.preview': 'Visualizar',
  'form.documents.hide': 'Ocultar',
  'form.documents.download': 'Baixar',
  'form.documents.previewOf': 'Pré-visualização de {name}',
  'form.documents.noPreview': 'Este tipo de arquivo não tem pré-visualização; use Baixar.',
  'form.documents.loading': 'Carregando arquivo…',
  'form.steps': 'Etapas da solicitação',
  'form.steps.none': 'Este serviço não tem etapas.',
  'form.steps.unanswered': 'Sem resposta',
  'form.steps.answeredBy': '{answer} — por {name} em {date}',
  'form.steps.group': 'Etapa {n}: {title}',
  'form.steps.progress': '{done} de {total} etapas concluídas',
  'form.steps.done': 'Concluída',
  'form.steps.doneOn': 'Concluída em {date}',
  'form.steps.pending': 'Pendente',
  'form.asked.title': 'A equipe precisa de uma informação sua',
  'form.asked.by': 'Pedido de {name} em {date}',
  'form.asked.paused': 'O prazo fica parado até você responder.',
  'form.asked.see': 'O pedido está nos acompanhamentos.',
  'form.asked.respond': 'Responder',
  'form.history': 'Histórico',
  'form.history.empty': 'Sem registros.',
  'form.decision.justification': 'Justificativa da reprovação',
  'form.decision.conclusion': 'Conclusão do atendimento',
  'form.evaluation': 'Avaliação do cidadão',
  'form.evaluation.approved': 'O cidadão aprovou o atendimento.',
  'form.evaluation.rejected': 'O cidadão não aprovou o atendimento.',
  'form.evaluation.rating': 'Nota {n} de 5',
  'form.evaluation.pending': 'Comentário aguardando moderação',
  'form.evaluation.waiting': 'Aguardando a avaliação do cidadão.',
  'form.evaluation.invite': 'Solicitação concluída: avalie o atendimento em “Avaliar atendimento”.',

  'action.start_analysis': '+ Iniciar Análise',
  'action.approve': 'Aprovar',
  'action.reject': 'Reprovar',
  'action.conclude': 'Concluir',
  'action.reassign': 'Reatribuir',
  'done.start_analysis': 'Análise iniciada.',
  'done.answer_step': 'Etapa "{title}" respondida: {answer}.',
  'done.approve': 'Solicitação aprovada. {name} vai atender.',
  'done.reject': 'Solicitação reprovada.',
  'done.conclude': 'Solicitação concluída.',
  'done.reassign': 'Solicitação reatribuída. {name} vai atender.',

  'history.file': 'Solicitação enviada',
  'history.start_analysis': 'Análise iniciada',
  'history.answer_step': 'Etapa respondida',
  'history.approve': 'Aprovada',
  'history.reject': 'Reprovada',
  'history.conclude': 'Concluída',
  'history.evaluate': 'Avaliada pelo cidadão',
  'history.ask_citizen': 'Informação pedida ao cidadão',
  'history.citizen_reply': 'Resposta do cidadão',
  'history.follow_up': 'Acompanhamento',
  'history.internal_note': 'Nota interna',
  'history.reassign': 'Reatribuída',
  'history.reassign.named': 'Reatribuída a {name}',
  'history.reassign.previous': 'Antes: {name}',
  'history.assignee_removed': 'Sem atendente: acesso de quem atendia encerrado',
  'history.assignee_removed.revoked': 'Sem atendente: acesso de {name} revogado',
  'history.assignee_removed.expired': 'Sem atendente: acesso de {name} expirado',
  'history.assignee_removed.citizen': 'Mudança de atendente',
  'history.by': 'por {name}',
  'history.answer_step.named': 'Etapa respondida: {title}',
  'history.approve.confirmed': 'Aprovada mesmo sem "Sim" em: {steps}',
  'history.step.no': '{title} (Não)',
  'history.step.unanswered': '{title} (sem resposta)',

  'dialog.approve.title': 'Aprovar solicitação',
  'dialog.approve.intro': 'Escolha o atendente que vai atender esta solicitação.',
  'dialog.approve.submit': 'Sim, Aprovar!',
  'dialog.assignee': 'Atendente responsável',
  'dialog.assignee.choose': 'Selecione…',
  'dialog.assignee.loading': 'Carregando atendentes…',
  'dialog.assignee.required': 'Escolha o atendente que vai atender.',
  'dialog.assignee.current': '{name} (atende agora)',
  'dialog.approve.steps': 'Etapas sem "Sim"',
  'dialog.approve.steps.intro': 'Estas etapas foram respondidas "Não" ou estão sem resposta:',
  'dialog.approve.steps.confirm': 'Aprovar mesmo assim, com as etapas acima sem "Sim"',
  'dialog.approve.steps.required': 'Confirme que aprova mesmo com as etapas listadas sem "Sim".',
  'dialog.reassign.title': 'Reatribuir solicitação',
  'dialog.reassign.intro': 'Escolha o atendente que vai atender esta solicitação daqui em diante.',
  'dialog.reassign.submit': 'Reatribuir',
  'dialog.reject.title': 'Reprovar solicitação',
  'dialog.reject.intro': 'Explique ao cidadão por que a solicitação foi reprovada.',
  'dialog.reject.field': 'Justificativa',
  'dialog.reject.submit': 'Reprovar',
  'dialog.reject.required': 'Informe a justificativa da reprovação.',
  'dialog.conclude.title': 'Concluir Solicitação',
  'dialog.conclude.intro': 'Descreva o resultado do atendimento; o cidadão vai ler este texto.',
  'dialog.conclude.field': 'Texto de conclusão',
  'dialog.conclude.submit': 'Finalizar',
  'dialog.conclude.required': 'Escreva o texto de conclusão.',
  'dialog.draft': 'Rascunho guardado neste navegador enquanto você digita.',

  'thread.title': 'Acompanhamentos',
  'thread.loading': 'Carregando acompanhamentos…',
  'thread.error': 'Não foi possível carregar os acompanhamentos.',
  'thread.empty': 'Ainda não há acompanhamentos nesta solicitação.',
  'thread.older': 'Carregar anteriores',
  'thread.loadingOlder': 'Carregando anteriores…',
  'thread.staff': 'Equipe',
  'thread.citizen': 'Cidadão',
  'thread.internalNote': 'Nota interna — visível somente para a equipe',
  'thread.infoRequest': 'Pedido de informações ao cidadão',
  'thread.reply': 'Resposta do cidadão',
  'thread.attachments': 'Anexos',
  'thread.download': 'Baixar {name} ({size})',
  'thread.awaitingCitizen': 'O atendimento pediu mais informações. Responda abaixo para que a solicitação volte a andar; o prazo fica parado enquanto isso.',
  'thread.awaitingStaff': 'Aguardando resposta do cidadão; o prazo está parado.',
  'thread.compose': 'Criar Acompanhamento',
  'thread.kind': 'Tipo',
  'thread.kind.message': 'Mensagem ao cidadão',
  'thread.kind.internal_note': 'Nota interna (somente equipe)',
  'thread.kind.info_request': 'Solicitar informações (pausa o prazo)',
  'thread.body': 'Mensagem',
  'thread.bodyRequired': 'Escreva a mensagem antes de enviar.',
  'thread.files': 'Anexos ({types}; até {mb} MB cada)',
  'thread.drop': 'ou arraste os arquivos para cá',
  'thread.remove': 'Remover {name}',
  'thread.badType': '{name}: tipo não aceito. Envie {types}.',
  'thread.tooBig': '{name}: passa do limite de {mb} MB.',
  'thread.send': 'Criar Acompanhamento',
  'thread.compose.reply': 'Sua resposta',
  'thread.compose.citizen': 'Enviar mensagem à equipe',
  'thread.send.reply': 'Enviar resposta',
  'thread.send.citizen': 'Enviar mensagem',
  'thread.sending': 'Enviando…',
  'thread.progress': 'Envio de {name}',
  'thread.sent': 'Acompanhamento criado.',
  'thread.failed': 'O acompanhamento não foi enviado; o texto e os arquivos continuam aqui para tentar de novo.',
  'thread.closed': 'Esta solicitação não aceita novos acompanhamentos.',
  'thread.event.file': 'Solicitação enviada',
  'thread.event.start_analysis': 'Análise iniciada',
  'thread.event.answer_step': 'Etapa respondida',
  'thread.event.approve': 'Solicitação aprovada',
  'thread.event.reject': 'Solicitação reprovada',
  'thread.event.conclude': 'Atendimento concluído',
  'thread.event.evaluate': 'Atendimento avaliado pelo cidadão',
  'thread.event.reassign': 'Solicitação reatribuída',
  'thread.event.other': 'Atualização da solicitação',
  'thread.event.answer_steps': '{n} etapas respondidas',
  'thread.events': 'Andamento da solicitação',

  'meeting.event.meeting_scheduled': 'Videoconferência agendada para {day} às {time}: {subject}',
  'meeting.event.meeting_scheduled.noSubject': 'Videoconferência agendada para {day} às {time}',
  'meeting.event.meeting_scheduled.plain': 'Videoconferência agendada',
  'meeting.event.meeting_rescheduled': 'Videoconferência reagendada para {day} às {time}: {subject}',
  'meeting.event.meeting_rescheduled.noSubject': 'Videoconferência reagendada para {day} às {time}',
  'meeting.event.meeting_rescheduled.plain': 'Videoconferência reagendada',
  'meeting.event.meeting_cancelled': 'Videoconferência de {day} às {time} cancelada: {reason}',
  'meeting.event.meeting_cancelled.noReason': 'Videoconferência de {day} às {time} cancelada',
  'meeting.event.meeting_cancelled.plain': 'Videoconferência cancelada',
  'thread.by': 'por {name}',
} as const;

type CoreMessageKey = keyof typeof ptBR;
/** Every key an element may translate: the shared ones here, and those each element registers from its own chunk. */
export type MessageKey =
  | CoreMessageKey
  | EditorMessageKey
  | CatalogMessageKey
  | RequestFormMessageKey
  | AccessMessageKey
  | EvaluationFormMessageKey
  | ModeratorMessageKey
  | PanelMessageKey
  | AgendaMessageKey
  | VideoSchedulerMessageKey;
export type { CoreMessageKey };

/** Sent on window when a dictionary fetched on demand arrives; elements re-render. */
export const LOCALE_LOADED = 'atende-locale-loaded';

/**
 * A dictionary fetched on first use: English ships in its own chunk, so pt-BR
 * pages never download it. Returns undefined until it has arrived.
 */
function lazyDictionary<T>(load: () => Promise<T>): () => T | undefined {
  let value: T | undefined;
  let started = false;
  return () => {
    if (!started) {
      started = true;
      load()
        .then((v) => {
          value = v;
          dispatchEvent(new Event(LOCALE_LOADED));
        })
        .catch(() => (started = false));
    }
    return value;
  };
}

const english = lazyDictionary(() => import('./i18n-en.js').then((m) => m.en));

type Dictionary = Readonly<Record<string, string>>;
const registered: { ptBR: Dictionary; en: () => Dictionary | undefined }[] = [];

/**
 * Adds an element's own messages (pt-BR now, English on demand). Elements that
 * come in a chunk of their own register theirs when their module loads, so
 * the main bundle does not carry them.
 */
export function registerMessages(pt: Dictionary, loadEnglish: () => Promise<Dictionary>): void {
  if (!registered.some((r) => r.ptBR === pt)) registered.push({ ptBR: pt, en: lazyDictionary(loadEnglish) });
}

function lookUp(locale: Locale, key: string): string {
  const core: Dictionary = ptBR;
  if (key in core) return ((locale === 'en' && (english() as Dictionary | undefined)) || core)[key] ?? core[key];
  const own = registered.find((r) => key in r.ptBR);
  if (!own) return key;
  return (locale === 'en' && own.en()?.[key]) || own.ptBR[key];
}

export function toLocale(lang: string | undefined | null): Locale {
  return lang && /^en\b/i.test(lang) ? 'en' : 'pt-BR';
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = lookUp(locale, key);
  return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text;
}

/** A service's deadline: "10 dias úteis", "1 dia corrido". */
export function deadlineText(locale: Locale, d: { days: number; kind: 'business' | 'calendar' }): string {
  return translate(locale, d.days === 1 ? `deadline.day.${d.kind}` : `deadline.days.${d.kind}`, { n: d.days });
}

export function statusLabel(locale: Locale, status: RequestStatus): string {
  return translate(locale, `status.${status}` as MessageKey);
}

/** Sent on window when the server's time zone arrives (or changes); elements re-render. */
export const TIME_ZONE_LOADED = 'atende-time-zone-loaded';

let timeZone = DEFAULT_TIME_ZONE;

/**
 * The time zone every element shows dates and times in: the state's, as the
 * server answers it (GET /api/config), DEFAULT_TIME_ZONE until it arrives.
 * Page-wide: a page talks to one Atende server.
 */
export function currentTimeZone(): string {
  return timeZone;
}

/** Sets the page's time zone (an IANA name); elements re-render when it changes. Called with the server's answer. */
export function setTimeZone(zone: string): void {
  if (!zone || zone === timeZone) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return; // A zone this browser does not know: keep the one in force.
  }
  timeZone = zone;
  dispatchEvent(new Event(TIME_ZONE_LOADED));
}

const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, withTime: boolean, zone = timeZone): Intl.DateTimeFormat {
  const key = `${locale}/${withTime}/${zone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'short', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: zone });
    formats.set(key, f);
  }
  return f;
}

// The first formatter for a zone loads the zone's data (~45 ms in Chromium,
// measured by bench/elements.ts): make the usual ones while the page is
// idle, before a queue or thread needs them.
if (typeof requestIdleCallback === 'function') {
  requestIdleCallback(() => {
    dateFormat('pt-BR', false);
    dateFormat('pt-BR', true);
  });
}

/** An instant's day ("03/12/2026"), or day and time ("03/12/2026, 10:00"), in the state's time zone. */
export function formatDate(locale: Locale, iso: string, withTime = false): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat(locale, withTime).format(d);
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** An instant's time of day ("10:00"; "10:00 AM" in English) in the state's time zone. */
export function formatTime(locale: Locale, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const key = `${locale}/${timeZone}`;
  let f = timeFormats.get(key);
  if (!f) timeFormats.set(key, (f = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone })));
  return f.format(d);
}

/** A calendar date `YYYY-MM-DD` as the user reads it, without shifting days across time zones. */
export function formatDay(locale: Locale, day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? dateFormat(locale, false, 'UTC').format(new Date(`${day}T12:00:00Z`)) : day;
}

/** Today in the state's time zone, YYYY-MM-DD (what a date picker should start at). */
export function today(now = Date.now()): string {
  return localDate(now, timeZone);
}

/** Calendar day number of an instant in the state's time zone, to count whole days between dates. */
function dayNumber(t: number): number {
  return Date.parse(`${localDate(t, timeZone)}T00:00:00Z`) / (24 * 60 * 60 * 1000);
}

/** "Faltam 3 dias" / "Vence hoje" / "Atrasada há 2 dias", counting the state's calendar days. */
export function timeLeft(locale: Locale, dueAt: string, now = Date.now()): { text: string; overdue: boolean } {
  const due = Date.parse(dueAt);
  const days = dayNumber(due) - dayNumber(now);
  if (due < now) {
    const late = Math.max(1, -days);
    return { text: translate(locale, late === 1 ? 'deadline.overdueOne' : 'deadline.overdue', { n: late }), overdue: true };
  }
  if (days <= 0) return { text: translate(locale, 'deadline.today'), overdue: false };
  return { text: translate(locale, days === 1 ? 'deadline.leftOne' : 'deadline.left', { n: days }), overdue: false };
}

/** A file size as people read it: "830 B", "12,5 KB", "3,2 MB". */
export function formatSize(locale: Locale, bytes: number): string {
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt.format(bytes / 1024)} KB`;
  return `${fmt.format(bytes / 1024 / 1024)} MB`;
}
