// The Carta de Serviços entry (Lei 13.460/2017 art. 7): its parts, the channels
// a service is offered through, the kinds of form field a manager picks, and
// which parts the law requires before a service is published. Shared by the
// BFF (bff/domain/charter.ts decides) and the service editor (it shows the
// same names). Pure, no dependencies.
import type { ServiceField } from './types.js';

export const CHANNELS = ['online', 'presencial', 'videoconferencia'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a document may be sent as (the names checkDocumentFormats understands). */
export const DOCUMENT_FORMATS = ['pdf', 'jpg', 'png', 'webp', 'odt', 'docx'] as const;

/**
 * The kinds of field the editor offers, each as the datatype and format the
 * contract stores (Open311 datatypes plus Brazilian formats).
 */
export const FIELD_KINDS = [
  { kind: 'text', datatype: 'string' },
  { kind: 'longText', datatype: 'text' },
  { kind: 'number', datatype: 'number' },
  { kind: 'date', datatype: 'datetime', format: 'date' },
  { kind: 'cpf', datatype: 'string', format: 'cpf' },
  { kind: 'email', datatype: 'string', format: 'email' },
  { kind: 'phone', datatype: 'string', format: 'phone' },
  { kind: 'cep', datatype: 'string', format: 'cep' },
  { kind: 'choice', datatype: 'singlevaluelist' },
  { kind: 'multiChoice', datatype: 'multivaluelist' },
] as const satisfies readonly { kind: string; datatype: ServiceField['datatype']; format?: ServiceField['format'] }[];
export type FieldKind = (typeof FIELD_KINDS)[number]['kind'];

/** The editor's kind of a stored field (a datetime without format reads as a date). */
export function fieldKindOf(f: Pick<ServiceField, 'datatype' | 'format'>): FieldKind {
  const exact = FIELD_KINDS.find((k) => k.datatype === f.datatype && ('format' in k ? k.format === f.format : !f.format));
  return exact?.kind ?? FIELD_KINDS.find((k) => k.datatype === f.datatype)?.kind ?? 'text';
}

/** The parts of an entry, in the editor's order, with their names in the problems the BFF answers. */
export const CHARTER_PARTS = {
  name: 'Nome do serviço',
  description: 'Descrição (o que é o serviço)',
  audience: 'Quem pode utilizar',
  requirements: 'Requisitos',
  documents: 'Documentos',
  steps: 'Etapas',
  fields: 'Campos do formulário',
  cost: 'Custo',
  deadline: 'Prazo máximo',
  delivery: 'Canais de atendimento',
  area: 'Área responsável',
  address: 'Local e forma de acesso',
  hours: 'Horário de atendimento',
  legalBasis: 'Base legal',
  lgpdBasis: 'Base legal LGPD para os dados pessoais',
} as const;
export type CharterPart = keyof typeof CHARTER_PARTS;
