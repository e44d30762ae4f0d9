// UI text of every element: pt-BR by default, English when `lang="en"` is set
// on the element or on its `atende-session`; keys are prefixed by the element
// or concern (`queue.`, `form.`, `thread.`, …). Dates shown in Brasília time.
import type { RequestStatus } from '../../contract/types.js';

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

  'editor.title': 'Carta de Serviços',
  'editor.titleOf': 'Carta de Serviços — {institution}',
  'editor.new': '+ Novo serviço',
  'editor.list.label': 'Serviços da instituição',
  'editor.list.loading': 'Carregando serviços…',
  'editor.list.empty': 'Nenhum serviço cadastrado ainda. Use “+ Novo serviço” para começar.',
  'editor.list.error': 'Não foi possível carregar os serviços.',
  'editor.list.edit': 'Editar',
  'editor.list.editNamed': 'Editar {name}',
  'editor.list.hasDraft': 'rascunho pendente',
  'editor.status.draft': 'Rascunho',
  'editor.status.published': 'Publicado',
  'editor.status.unpublished': 'Retirado',
  'editor.signin': 'Entre com sua conta de gestor para editar a Carta de Serviços.',
  'editor.notManager': 'Somente gestores editam a Carta de Serviços, e você não é gestor de nenhuma instituição.',
  'editor.back': '← Voltar à lista',
  'editor.heading.new': 'Novo serviço',
  'editor.heading.edit': 'Editar serviço: {name}',
  'editor.loading': 'Carregando serviço…',
  'editor.loadError': 'Não foi possível carregar o serviço.',
  'editor.version': 'Versão {n}',
  'editor.versionState.draft': 'rascunho',
  'editor.versionState.current': 'em vigor',
  'editor.versionState.previous': 'anterior',
  'editor.unsavedChanges': 'Alterações não salvas',
  'editor.spellcheck': 'Os textos são verificados pelo corretor ortográfico do navegador em português (pt-BR): confira as palavras sublinhadas.',
  'editor.form': 'Entrada da Carta de Serviços',
  'editor.section.identity': 'O serviço',
  'editor.section.requirements': 'Requisitos e documentos',
  'editor.section.steps': 'Etapas',
  'editor.section.fields': 'Formulário do cidadão',
  'editor.section.terms': 'Custo, prazo e canais',
  'editor.section.where': 'Onde e quem atende',
  'editor.section.legal': 'Base legal',
  'editor.part.name': 'Nome do serviço',
  'editor.part.description': 'Descrição (o que é o serviço)',
  'editor.part.audience': 'Quem pode utilizar',
  'editor.part.requirements': 'Requisitos',
  'editor.part.documents': 'Documentos',
  'editor.part.steps': 'Etapas',
  'editor.part.fields': 'Campos do formulário',
  'editor.part.cost': 'Custo',
  'editor.part.deadline': 'Prazo máximo',
  'editor.part.delivery': 'Canais de atendimento',
  'editor.part.area': 'Área responsável',
  'editor.part.address': 'Local e forma de acesso',
  'editor.part.hours': 'Horário de atendimento',
  'editor.part.legalBasis': 'Base legal',
  'editor.part.lgpdBasis': 'Base legal LGPD para os dados pessoais',
  'editor.hint.cost': 'Escreva “Gratuito” quando não houver custo.',
  'editor.hint.area': 'Uma área por linha.',
  'editor.hint.hours': 'Opcional.',
  'editor.hint.lgpdBasis': 'Obrigatória quando o serviço pede campos ou documentos (Lei 13.709/2018, art. 7º).',
  'editor.doc.row': 'Documento {n}',
  'editor.doc.name': 'Nome do documento',
  'editor.doc.required': 'Obrigatório',
  'editor.doc.formats': 'Formatos aceitos',
  'editor.doc.formatsHint': 'Nenhum marcado: aceita qualquer formato permitido.',
  'editor.doc.add': '+ Adicionar documento',
  'editor.doc.remove': 'Remover documento {n}',
  'editor.doc.none': 'Nenhum documento pedido ao cidadão.',
  'editor.doc.added': 'Documento {n} adicionado.',
  'editor.doc.removed': 'Documento removido.',
  'editor.step.hint': 'Na ordem em que o atendente confere a solicitação; ele responde Sim ou Não a cada etapa.',
  'editor.step.label': 'Etapa {n}',
  'editor.step.add': '+ Adicionar etapa',
  'editor.step.up': 'Mover etapa {n} para cima',
  'editor.step.down': 'Mover etapa {n} para baixo',
  'editor.step.remove': 'Remover etapa {n}',
  'editor.step.none': 'Nenhuma etapa ainda.',
  'editor.step.added': 'Etapa {n} adicionada.',
  'editor.step.removed': 'Etapa removida.',
  'editor.step.moved': 'Etapa movida para a posição {n} de {total}.',
  'editor.field.hint': 'O que o cidadão preenche ao fazer a solicitação, na ordem em que aparece.',
  'editor.field.row': 'Campo {n}',
  'editor.field.label': 'Rótulo',
  'editor.field.code': 'Código',
  'editor.field.codeHint': 'Letras minúsculas sem acento, números e _ (sugerido a partir do rótulo).',
  'editor.field.kind': 'Tipo',
  'editor.field.required': 'Obrigatório',
  'editor.field.help': 'Texto de ajuda',
  'editor.field.options': 'Opções (uma por linha)',
  'editor.field.add': '+ Adicionar campo',
  'editor.field.up': 'Mover campo {n} para cima',
  'editor.field.down': 'Mover campo {n} para baixo',
  'editor.field.remove': 'Remover campo {n}',
  'editor.field.none': 'Nenhum campo: o cidadão só envia os documentos.',
  'editor.field.added': 'Campo {n} adicionado.',
  'editor.field.removed': 'Campo removido.',
  'editor.field.moved': 'Campo movido para a posição {n} de {total}.',
  'editor.kind.text': 'Texto curto',
  'editor.kind.longText': 'Texto longo',
  'editor.kind.number': 'Número',
  'editor.kind.date': 'Data',
  'editor.kind.cpf': 'CPF',
  'editor.kind.email': 'E-mail',
  'editor.kind.phone': 'Telefone',
  'editor.kind.cep': 'CEP',
  'editor.kind.choice': 'Escolha',
  'editor.kind.multiChoice': 'Múltipla escolha',
  'editor.deadline.days': 'Número de dias',
  'editor.deadline.kind': 'Contagem dos dias',
  'editor.deadline.business': 'dias úteis',
  'editor.deadline.calendar': 'dias corridos',
  'editor.deadline.invalid': 'O prazo vai de 1 a 365 dias.',
  'editor.channel.online': 'Online',
  'editor.channel.presencial': 'Presencial',
  'editor.channel.videoconferencia': 'Videoconferência',
  'editor.actions': 'Ações do serviço',
  'editor.save': 'Salvar rascunho',
  'editor.publish': 'Publicar',
  'editor.unpublish': 'Retirar de publicação',
  'editor.versions': 'Versões',
  'editor.saved': 'Rascunho salvo (versão {n}).',
  'editor.published': 'Serviço publicado: os cidadãos já veem a versão {n}.',
  'editor.unpublished': 'Serviço retirado de publicação: não recebe novas solicitações.',
  'editor.conflict': 'Outro gestor alterou este rascunho depois que você o abriu. Nada foi salvo: o que você digitou continua aqui.',
  'editor.conflict.load': 'Ver a versão mais recente',
  'editor.conflict.loaded':
    'Esta é a versão mais recente, com as alterações do outro gestor. O que você digitou está guardado neste navegador: use “Restaurar” para aplicar sobre ela.',
  'editor.restore.text': 'Há alterações deste serviço que não foram salvas, guardadas neste navegador em {date}.',
  'editor.restore': 'Restaurar',
  'editor.restore.discard': 'Descartar',
  'editor.restored': 'Alterações restauradas. Salve o rascunho para guardá-las no servidor.',
  'editor.discarded': 'Alterações não salvas descartadas.',
  'editor.errors.save': 'Corrija o que está indicado para salvar:',
  'editor.errors.publish': 'Para publicar, falta preencher:',
  'editor.errors.missing': 'obrigatório para publicar',
  'editor.missing.title': 'Para publicar, falta:',
  'editor.missing.none': 'Nada falta: o serviço pode ser publicado.',
  'editor.missing.new': 'Salve o rascunho para conferir o que falta para publicar.',
  'editor.missing.stale': 'Conforme o último rascunho salvo.',
  'editor.publish.title': 'Publicar serviço',
  'editor.publish.intro': 'Os cidadãos passam a ver esta versão do serviço na Carta de Serviços e a fazer solicitações por ela.',
  'editor.publish.keep': 'As solicitações já enviadas continuam com a versão em que foram feitas: o formulário, os documentos e as etapas delas não mudam.',
  'editor.publish.unsaved': 'As alterações não salvas serão salvas antes de publicar.',
  'editor.publish.confirm': 'Sim, publicar',
  'editor.unpublish.title': 'Retirar de publicação',
  'editor.unpublish.intro': 'O serviço sai da Carta de Serviços e deixa de receber solicitações. As solicitações já enviadas continuam sendo atendidas.',
  'editor.unpublish.reason': 'Motivo da retirada',
  'editor.unpublish.hint': 'O motivo fica registrado no histórico de versões.',
  'editor.unpublish.required': 'Informe o motivo da retirada.',
  'editor.unpublish.confirm': 'Retirar de publicação',
  'editor.history.title': 'Histórico de versões',
  'editor.history.loading': 'Carregando versões…',
  'editor.history.error': 'Não foi possível carregar as versões.',
  'editor.history.col.version': 'Versão',
  'editor.history.col.state': 'Situação',
  'editor.history.col.created': 'Criada',
  'editor.history.col.published': 'Publicada',
  'editor.history.by': '{date} por {name}',
  'editor.history.withdrawn': 'Retirado de publicação em {date}. Motivo: {reason}',
  'editor.diff.title': 'Comparar versões',
  'editor.diff.from': 'Versão',
  'editor.diff.to': 'com a versão',
  'editor.diff.compare': 'Comparar',
  'editor.diff.caption': 'Diferenças da versão {a} para a versão {b}',
  'editor.diff.col.field': 'Campo',
  'editor.diff.col.before': 'Antes',
  'editor.diff.col.after': 'Depois',
  'editor.diff.same': 'As versões são iguais.',
  'editor.diff.loading': 'Comparando…',
  'editor.diff.error': 'Não foi possível comparar as versões.',
  'editor.diff.one': 'Só há uma versão: salve uma alteração para comparar.',
  'editor.value.mandatory': 'obrigatório',
  'editor.value.optional': 'opcional',

  'deadline.left': 'Faltam {n} dias',
  'deadline.leftOne': 'Falta 1 dia',
  'deadline.today': 'Vence hoje',
  'deadline.overdue': 'Atrasada há {n} dias',
  'deadline.overdueOne': 'Atrasada há 1 dia',
  'deadline.until': 'até {date}',
  'deadline.days.business': '{n} dias úteis',
  'deadline.days.calendar': '{n} dias corridos',

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
  'queue.unassigned': 'Sem responsável',
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

  'action.start_analysis': '+ Iniciar Análise',
  'action.approve': 'Aprovar',
  'action.reject': 'Reprovar',
  'action.conclude': 'Concluir',
  'action.evaluate': 'Avaliar atendimento',
  'done.start_analysis': 'Análise iniciada.',
  'done.answer_step': 'Etapa "{title}" respondida: {answer}.',
  'done.approve': 'Solicitação aprovada. {name} vai atender.',
  'done.reject': 'Solicitação reprovada.',
  'done.conclude': 'Solicitação concluída.',
  'done.evaluate': 'Avaliação enviada. Obrigado!',

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
  'history.by': 'por {name}',
  'history.answer_step.named': 'Etapa respondida: {title}',
  'history.approve.confirmed': 'Aprovada mesmo sem "Sim" em: {steps}',
  'history.step.no': '{title} (Não)',
  'history.step.unanswered': '{title} (sem resposta)',

  'dialog.approve.title': 'Aprovar solicitação',
  'dialog.approve.intro': 'Escolha o atendente que vai atender esta solicitação.',
  'dialog.approve.assignee': 'Atendente responsável',
  'dialog.approve.choose': 'Selecione…',
  'dialog.approve.loading': 'Carregando atendentes…',
  'dialog.approve.submit': 'Sim, Aprovar!',
  'dialog.approve.required': 'Escolha o atendente que vai atender.',
  'dialog.approve.steps': 'Etapas sem "Sim"',
  'dialog.approve.steps.intro': 'Estas etapas foram respondidas "Não" ou estão sem resposta:',
  'dialog.approve.steps.confirm': 'Aprovar mesmo assim, com as etapas acima sem "Sim"',
  'dialog.approve.steps.required': 'Confirme que aprova mesmo com as etapas listadas sem "Sim".',
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
  'dialog.evaluate.title': 'Avaliar atendimento',
  'dialog.evaluate.verdict': 'O atendimento resolveu sua solicitação?',
  'dialog.evaluate.approved': 'Sim, aprovo o atendimento',
  'dialog.evaluate.rejected': 'Não aprovo o atendimento',
  'dialog.evaluate.rating': 'Nota de 1 a 5 (opcional)',
  'dialog.evaluate.comment': 'Comentário (opcional)',
  'dialog.evaluate.submit': 'Enviar avaliação',
  'dialog.evaluate.required': 'Diga se aprova ou não o atendimento.',
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
  'thread.event.other': 'Atualização da solicitação',
  'thread.event.answer_steps': '{n} etapas respondidas',
  'thread.events': 'Andamento da solicitação',
  'thread.by': 'por {name}',

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
  'catalog.day.business': '1 dia útil',
  'catalog.day.calendar': '1 dia corrido',
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

  'requestForm.title': 'Solicitar serviço',
  'requestForm.kicker': 'Solicitação de serviço',
  'requestForm.noService': 'Escolha um serviço na Carta de Serviços para preencher a solicitação.',
  'requestForm.loading': 'Carregando o formulário…',
  'requestForm.loadError': 'Não foi possível carregar o formulário deste serviço.',
  'requestForm.notFound': 'Este serviço não foi encontrado ou não recebe mais solicitações.',
  'requestForm.restored': 'Recuperamos o que você tinha preenchido.',
  'requestForm.clear': 'Limpar formulário',
  'requestForm.filesLost': 'Não conseguimos guardar os arquivos que você tinha escolhido; anexe-os de novo: {names}.',
  'requestForm.filesNotKept': 'Os arquivos escolhidos não puderam ser guardados neste navegador: se a página for recarregada, será preciso anexá-los de novo.',
  'requestForm.signedOut':
    'Para enviar a solicitação, entre com sua conta do portal. Você já pode ler e preencher o formulário: o que digitar fica guardado neste navegador.',
  'requestForm.signIn': 'Entre com sua conta do portal para enviar a solicitação. O que você preencheu continua guardado.',
  'requestForm.signIn.expired': 'Sua sessão expirou. Entre novamente com sua conta do portal e envie de novo; o que você preencheu continua guardado.',
  'requestForm.requiredNote': 'Os campos marcados com * são obrigatórios.',
  'requestForm.required': 'obrigatório',
  'requestForm.fields': 'Dados da solicitação',
  'requestForm.choose': 'Selecione',
  'requestForm.hint.cpf': 'Os 11 números do CPF, com ou sem pontos e traço.',
  'requestForm.hint.email': 'Por exemplo: nome@exemplo.com.br',
  'requestForm.hint.phone': 'Com DDD, por exemplo: (69) 99999-0000',
  'requestForm.hint.cep': 'Os 8 números do CEP, por exemplo: 76800-000',
  'requestForm.hint.number': 'Somente números; use vírgula para decimais.',
  'requestForm.documents': 'Documentos',
  'requestForm.documents.hint': 'Um arquivo por documento, de até {mb} MB.',
  'requestForm.document.formats': 'formatos aceitos: {formats}; até {mb} MB',
  'requestForm.document.chosen': 'Escolhido: {name} ({size})',
  'requestForm.document.remove': 'Remover {name}',
  'requestForm.remove': 'Remover',
  'requestForm.document.missing': 'Envie: {name}.',
  'requestForm.document.badType': '{name}: envie um arquivo {formats}.',
  'requestForm.document.empty': '{name}: o arquivo está vazio.',
  'requestForm.document.tooBig': '{name}: o arquivo passa de {mb} MB.',
  'requestForm.document.none': 'Não anexado',
  'requestForm.lgpd': 'Seus dados: usados para atender esta solicitação, com base em {basis}.',
  'requestForm.continue': 'Continuar',
  'requestForm.summary': 'Corrija {n} itens para continuar',
  'requestForm.summary.one': 'Corrija 1 item para continuar',
  'requestForm.review': 'Revisar solicitação',
  'requestForm.review.hint': 'Confira os dados e os arquivos antes de enviar. Para mudar alguma coisa, use “Corrigir”.',
  'requestForm.correct': 'Corrigir',
  'requestForm.send': 'Enviar solicitação',
  'requestForm.sending': 'Enviando…',
  'requestForm.progress': 'Envio da solicitação',
  'requestForm.progress.percent': 'Enviado {n}%',
  'requestForm.kept': 'Nada do que você preencheu foi perdido: use “Tentar novamente”.',
  'requestForm.done': 'Solicitação enviada',
  'requestForm.protocol': 'Número de protocolo',
  'requestForm.done.keep': 'Guarde este número para acompanhar sua solicitação. Prazo para a resposta: até {date}.',
  'requestForm.done.where': 'Você pode acompanhar o andamento em “Minhas solicitações”, no portal.',
  'requestForm.follow': 'Acompanhar a solicitação',
  'requestForm.again': 'Fazer outra solicitação',
  'requestForm.alreadyFiled':
    'Um envio anterior deste formulário chegou e foi registrado, com outros dados. Confira em “Minhas solicitações” antes de continuar; se enviar agora, será uma nova solicitação.',
} as const;

export type MessageKey = keyof typeof ptBR;

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

export function toLocale(lang: string | undefined | null): Locale {
  return lang && /^en\b/i.test(lang) ? 'en' : 'pt-BR';
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const dict: Record<MessageKey, string> = (locale === 'en' && english()) || ptBR;
  const text: string = dict[key] ?? ptBR[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text;
}

export function statusLabel(locale: Locale, status: RequestStatus): string {
  return translate(locale, `status.${status}` as MessageKey);
}

const TIME_ZONE = 'America/Sao_Paulo';
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}/${withTime}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'short', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: TIME_ZONE });
    formats.set(key, f);
  }
  return f;
}

// The first formatter for Brasília time loads the zone's data (~45 ms in
// Chromium, measured by bench/elements.ts): make the usual ones while the
// page is idle, before a queue or thread needs them.
if (typeof requestIdleCallback === 'function') {
  requestIdleCallback(() => {
    dateFormat('pt-BR', false);
    dateFormat('pt-BR', true);
  });
}

export function formatDate(locale: Locale, iso: string, withTime = false): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat(locale, withTime).format(d);
}

/** A calendar date `YYYY-MM-DD` as the user reads it, without shifting days across time zones. */
export function formatDay(locale: Locale, day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`)) : day;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar day number in Brasília time, to count whole days between dates. */
function dayNumber(t: number): number {
  return Math.floor((t - 3 * 60 * 60 * 1000) / DAY_MS);
}

/** "Faltam 3 dias" / "Vence hoje" / "Atrasada há 2 dias". */
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
