// The thread's own text, pt-BR by default and English, kept beside the
// element so its strings ship with it.
import type { Locale } from '../internal/i18n.js';

const ptBR = {
  title: 'Acompanhamentos',
  loading: 'Carregando acompanhamentos…',
  error: 'Não foi possível carregar os acompanhamentos.',
  retry: 'Tentar novamente',
  empty: 'Ainda não há acompanhamentos nesta solicitação.',
  older: 'Carregar anteriores',
  loadingOlder: 'Carregando anteriores…',
  staff: 'Equipe',
  citizen: 'Cidadão',
  internalNote: 'Nota interna — visível somente para a equipe',
  infoRequest: 'Pedido de informações ao cidadão',
  reply: 'Resposta do cidadão',
  attachments: 'Anexos',
  download: 'Baixar {name} ({size})',
  awaitingCitizen: 'O atendimento pediu mais informações. Responda abaixo para que a solicitação volte a andar; o prazo fica parado enquanto isso.',
  awaitingStaff: 'Aguardando resposta do cidadão; o prazo está parado.',
  compose: 'Criar Acompanhamento',
  kind: 'Tipo',
  'kind.message': 'Mensagem ao cidadão',
  'kind.message.citizen': 'Mensagem',
  'kind.internal_note': 'Nota interna (somente equipe)',
  'kind.info_request': 'Solicitar informações (pausa o prazo)',
  body: 'Mensagem',
  bodyRequired: 'Escreva a mensagem antes de enviar.',
  files: 'Anexos (PDF, PNG, JPEG, WebP, ODT ou DOCX, até {mb} MB cada)',
  choose: 'Escolher arquivos',
  drop: 'ou arraste os arquivos para cá',
  remove: 'Remover {name}',
  badType: '{name}: tipo não aceito. Envie PDF, PNG, JPEG, WebP, ODT ou DOCX.',
  tooBig: '{name}: passa do limite de {mb} MB.',
  send: 'Criar Acompanhamento',
  sending: 'Enviando…',
  progress: 'Envio de {name}',
  sent: 'Acompanhamento criado.',
  failed: 'O acompanhamento não foi enviado; o texto e os arquivos continuam aqui para tentar de novo.',
  closed: 'Esta solicitação não aceita novos acompanhamentos.',
  'event.file': 'Solicitação enviada',
  'event.start_analysis': 'Análise iniciada',
  'event.answer_step': 'Etapa respondida',
  'event.approve': 'Solicitação aprovada',
  'event.reject': 'Solicitação reprovada',
  'event.conclude': 'Atendimento concluído',
  'event.evaluate': 'Atendimento avaliado pelo cidadão',
  'event.other': 'Atualização da solicitação',
  by: 'por {name}',
};

export type ThreadMessageKey = keyof typeof ptBR;

const en: Record<ThreadMessageKey, string> = {
  title: 'Follow-ups',
  loading: 'Loading follow-ups…',
  error: 'Could not load the follow-ups.',
  retry: 'Try again',
  empty: 'No follow-ups on this request yet.',
  older: 'Load earlier',
  loadingOlder: 'Loading earlier…',
  staff: 'Staff',
  citizen: 'Citizen',
  internalNote: 'Internal note — visible to staff only',
  infoRequest: 'Request for information',
  reply: "Citizen's reply",
  attachments: 'Attachments',
  download: 'Download {name} ({size})',
  awaitingCitizen: 'The staff asked for more information. Answer below so the request moves on; its deadline is paused meanwhile.',
  awaitingStaff: "Waiting for the citizen's answer; the deadline is paused.",
  compose: 'Create follow-up',
  kind: 'Kind',
  'kind.message': 'Message to the citizen',
  'kind.message.citizen': 'Message',
  'kind.internal_note': 'Internal note (staff only)',
  'kind.info_request': 'Ask for information (pauses the deadline)',
  body: 'Message',
  bodyRequired: 'Write the message before sending.',
  files: 'Attachments (PDF, PNG, JPEG, WebP, ODT or DOCX, up to {mb} MB each)',
  choose: 'Choose files',
  drop: 'or drop files here',
  remove: 'Remove {name}',
  badType: '{name}: type not accepted. Send PDF, PNG, JPEG, WebP, ODT or DOCX.',
  tooBig: '{name}: over the {mb} MB limit.',
  send: 'Create follow-up',
  sending: 'Sending…',
  progress: 'Upload of {name}',
  sent: 'Follow-up created.',
  failed: 'The follow-up was not sent; your text and files are still here to try again.',
  closed: 'This request takes no more follow-ups.',
  'event.file': 'Request filed',
  'event.start_analysis': 'Analysis started',
  'event.answer_step': 'Step answered',
  'event.approve': 'Request approved',
  'event.reject': 'Request rejected',
  'event.conclude': 'Attendance concluded',
  'event.evaluate': 'Attendance evaluated by the citizen',
  'event.other': 'Request updated',
  by: 'by {name}',
};

export function threadText(locale: Locale, key: ThreadMessageKey, params: Record<string, string | number> = {}): string {
  const s = (locale === 'en' ? en : ptBR)[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function formatSize(bytes: number, locale: Locale): string {
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt.format(bytes / 1024)} KB`;
  return `${fmt.format(bytes / 1024 / 1024)} MB`;
}
