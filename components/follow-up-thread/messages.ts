// The thread's own text, pt-BR by default and English, kept beside the
// element so its strings ship with it.
import { type Locale, lazyDictionary } from '../internal/i18n.js';

export const ptBR = {
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
  files: 'Anexos ({types}; até {mb} MB cada)',
  choose: 'Escolher arquivos',
  drop: 'ou arraste os arquivos para cá',
  remove: 'Remover {name}',
  badType: '{name}: tipo não aceito. Envie {types}.',
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

const english = lazyDictionary(() => import('./messages-en.js').then((m) => m.en));

export function threadText(locale: Locale, key: ThreadMessageKey, params: Record<string, string | number> = {}): string {
  const s = ((locale === 'en' && english()) || ptBR)[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function formatSize(bytes: number, locale: Locale): string {
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt.format(bytes / 1024)} KB`;
  return `${fmt.format(bytes / 1024 / 1024)} MB`;
}
