// UI text of the satisfaction panel in pt-BR, registered with the shared
// translator when this module loads: it travels in the element's own chunk,
// not in the main bundle. English comes from messages-en.ts, fetched when a
// page asks for it (`lang="en"`).
import { registerMessages } from '../internal/i18n.js';

export const panelMessages = {
  'panel.title': 'Satisfação com os serviços',
  'panel.loading': 'Carregando as avaliações…',
  'panel.error': 'Não foi possível carregar as avaliações.',
  'panel.empty': 'Nenhum serviço avaliado por enquanto.',
  'panel.service': 'Serviço',
  'panel.service.option': '{name} ({acronym})',
  'panel.noRatings': 'Este serviço ainda não recebeu avaliações.',
  'panel.summary': 'Resumo das avaliações de {name}',
  'panel.count': 'Avaliações',
  'panel.average': 'Nota média',
  'panel.average.value': '{n} de 5',
  'panel.approved': 'Aprovaram o atendimento',
  'panel.none': '—',
  'panel.table.show': 'Ver dados em tabela',
  'panel.dist.title': 'Distribuição das notas',
  'panel.dist.alt': 'Gráfico de barras da distribuição das notas de {name}: {parts}.',
  'panel.dist.part': 'nota {rating}, {n}',
  'panel.dist.caption': 'Quantas avaliações deram cada nota a {name}',
  'panel.dist.rating': 'Nota',
  'panel.dist.count': 'Avaliações',
  'panel.dist.share': 'Parcela',
  'panel.dist.axis': 'Nota (1 a 5)',
  'panel.months.title': 'Nota média por mês (últimos 12 meses)',
  'panel.months.alt': 'Gráfico de barras da nota média por mês de {name}, de {from} a {to}: {parts}.',
  'panel.months.part': '{month}, {average}',
  'panel.months.partEmpty': '{month}, sem avaliações',
  'panel.months.caption': 'Avaliações de {name} por mês, do mais antigo ao mais recente',
  'panel.months.month': 'Mês',
  'panel.months.count': 'Avaliações',
  'panel.months.average': 'Nota média',
  'panel.months.approved': 'Aprovaram',
  'panel.comments': 'Comentários publicados',
  'panel.comments.loading': 'Carregando os comentários…',
  'panel.comments.error': 'Não foi possível carregar os comentários.',
  'panel.comments.empty': 'Nenhum comentário publicado sobre este serviço.',
  'panel.comments.more': 'Carregar mais',
  'panel.comments.loadingMore': 'Carregando mais comentários…',
  'panel.comments.end': 'Todos os comentários publicados estão na lista.',
  'panel.comments.rating': 'Nota {n} de 5',
  'panel.comments.noRating': 'Sem nota',
  'panel.comments.approved': 'Aprovou o atendimento',
  'panel.comments.rejected': 'Não aprovou o atendimento',
  'panel.comments.publishedAt': 'Publicado em {date}',
  'panel.comments.masked': 'trecho oculto pela moderação',
  'panel.generatedAt': 'Dados de {date}.',
} as const;

export type PanelMessageKey = keyof typeof panelMessages;

registerMessages(panelMessages, () => import('./messages-en.js').then((m) => m.en));
