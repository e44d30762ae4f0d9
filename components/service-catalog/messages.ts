// UI text of the service catalog's (the request form uses some too) element in pt-BR, registered with the shared
// translator when this module loads: it travels in the element's own chunk,
// not in the main bundle. English comes from messages-en.ts, fetched when a
// page asks for it (`lang="en"`).
import { registerMessages } from '../internal/i18n.js';

export const catalogMessages = {
  'catalog.title': 'Carta de Serviços',
  'catalog.search': 'Buscar serviço',
  'catalog.search.hint': 'Digite uma palavra do nome ou da descrição do serviço; acentos e maiúsculas não importam.',
  'catalog.clear': 'Limpar busca',
  'catalog.loading': 'Carregando a Carta de Serviços…',
  'catalog.error': 'Não foi possível carregar a Carta de Serviços.',
  'catalog.count': '{n} serviços encontrados',
  'catalog.count.one': '1 serviço encontrado',
  'catalog.none': 'Nenhum serviço encontrado para “{q}”.',
  'catalog.empty': 'Nenhum serviço publicado por enquanto.',
  'catalog.deadline': 'Prazo: {deadline}',
  'catalog.more': 'O que é preciso para solicitar',
  'catalog.detail.loading': 'Carregando os detalhes do serviço…',
  'catalog.detail.error': 'Não foi possível carregar os detalhes deste serviço.',
  'catalog.request': 'Solicitar',
  'catalog.audience': 'Quem pode utilizar',
  'catalog.requirements': 'Requisitos',
  'catalog.documents': 'Documentos necessários',
  'catalog.document.required': 'Obrigatório',
  'catalog.document.optional': 'Opcional',
  'catalog.document.formats': 'Formatos aceitos: {formats}',
  'catalog.noDocuments': 'Nenhum documento é exigido.',
  'catalog.or': 'ou',
  'catalog.steps': 'Etapas do atendimento',
  'catalog.deadlineLabel': 'Prazo máximo',
  'catalog.cost': 'Custo',
  'catalog.channels': 'Canais de atendimento',
  'catalog.channel.online': 'Online',
  'catalog.channel.presencial': 'Presencial',
  'catalog.channel.videoconferencia': 'Videoconferência',
  'catalog.area': 'Área responsável',
  'catalog.place': 'Local, forma de acesso e horário',
  'catalog.legalBasis': 'Base legal',
  'catalog.lgpd.title': 'Seus dados',
  'catalog.lgpd':
    'Os dados pessoais que você informar são usados para atender esta solicitação, com base em: {basis} (Lei Geral de Proteção de Dados, Lei nº 13.709/2018).',
  'catalog.lgpd.none': 'A base legal para o uso dos seus dados ainda não foi informada; pergunte à área responsável antes de enviar.',
} as const;

export type CatalogMessageKey = keyof typeof catalogMessages;

registerMessages(catalogMessages, () => import('./messages-en.js').then((m) => m.en));
