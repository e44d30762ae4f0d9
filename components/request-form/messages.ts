// UI text of the request form's element in pt-BR, registered with the shared
// translator when this module loads: it travels in the element's own chunk,
// not in the main bundle. English comes from messages-en.ts, fetched when a
// page asks for it (`lang="en"`).
import { registerMessages } from '../internal/i18n.js';

export const requestFormMessages = {
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

export type RequestFormMessageKey = keyof typeof requestFormMessages;

registerMessages(requestFormMessages, () => import('./messages-en.js').then((m) => m.en));
