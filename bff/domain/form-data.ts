// Validates a citizen's form data against a service version's fields
// (Open311 datatypes plus Brazilian formats). Pure: returns field errors
// keyed `formData.<code>`, and the cleaned data to store.
import type { RequiredDocument, ServiceField } from '../../contract/types.js';
import { UPLOAD_TYPES } from '../../contract/uploads.js';

export function isValidCpf(input: string): boolean {
  const d = input.replace(/[.\-\s]/g, '');
  if (!/^\d{11}$/.test(d) || /^(\d)\1{10}$/.test(d)) return false;
  const check = (len: number) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += Number(d[i]) * (len + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === Number(d[9]) && check(10) === Number(d[10]);
}

const FORMATS: Record<string, { test: (s: string) => boolean; message: string }> = {
  cpf: { test: isValidCpf, message: 'CPF inválido.' },
  email: { test: (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) && s.length <= 254, message: 'E-mail inválido.' },
  phone: { test: (s) => /^\+?[\d\s()-]{10,20}$/.test(s) && s.replace(/\D/g, '').length >= 10, message: 'Telefone inválido; inclua o DDD.' },
  cep: { test: (s) => /^\d{5}-?\d{3}$/.test(s), message: 'CEP inválido; use 00000-000.' },
  date: { test: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)), message: 'Data inválida; use AAAA-MM-DD.' },
};

const MAX_STRING = 500;
const MAX_TEXT = 5000;

export function validateFormData(fields: ServiceField[], data: Record<string, unknown>): { errors: Record<string, string>; clean: Record<string, unknown> } {
  const errors: Record<string, string> = {};
  const clean: Record<string, unknown> = {};
  const known = new Set(fields.map((f) => f.code));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) errors[`formData.${key}`] = 'Campo desconhecido para este serviço.';
  }
  for (const f of fields) {
    const key = `formData.${f.code}`;
    const v = data[f.code];
    const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (f.required) errors[key] = `${f.label}: campo obrigatório.`;
      continue;
    }
    const error = checkValue(f, v);
    if (error) errors[key] = `${f.label}: ${error}`;
    else clean[f.code] = typeof v === 'string' ? v.trim() : v;
  }
  return { errors, clean };
}

function checkValue(f: ServiceField, v: unknown): string | null {
  switch (f.datatype) {
    case 'string':
    case 'text': {
      if (typeof v !== 'string') return 'informe um texto.';
      const max = f.datatype === 'text' ? MAX_TEXT : MAX_STRING;
      if (v.length > max) return `no máximo ${max} caracteres.`;
      const fmt = f.format ? FORMATS[f.format] : undefined;
      if (fmt && !fmt.test(v.trim())) return fmt.message;
      return null;
    }
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'informe um número.';
    case 'datetime':
      return typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v)) ? null : 'informe uma data válida.';
    case 'singlevaluelist':
      return typeof v === 'string' && (f.values ?? []).includes(v) ? null : 'escolha uma das opções.';
    case 'multivaluelist':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && (f.values ?? []).includes(x)) && new Set(v).size === v.length
        ? null
        : 'escolha entre as opções.';
  }
}

/** Field errors for required documents that were not sent, and for unknown labels. */
export function checkDocuments(required: RequiredDocument[], labels: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const names = new Set(required.map((d) => d.name));
  labels.forEach((l, i) => {
    if (!names.has(l)) errors[`documents.${i}.label`] = 'Documento não pedido por este serviço.';
  });
  for (const d of required) {
    if (d.required && !labels.includes(d.name)) errors[`documents.${d.name}`] = `Envie: ${d.name}.`;
  }
  return errors;
}

/**
 * The documents whose detected type is not among the formats their service
 * document accepts (`['pdf', 'png', 'jpg']`): field errors keyed
 * `documents.<i>`, and the detail naming what is accepted. A document with
 * no formats listed takes any accepted upload type.
 */
export function checkDocumentFormats(
  required: RequiredDocument[],
  files: { label: string; contentType: string }[],
): { detail: string; errors: Record<string, string> } | null {
  const errors: Record<string, string> = {};
  let detail = '';
  files.forEach((f, i) => {
    const doc = required.find((d) => d.name === f.label);
    const formats = (doc?.formats ?? []).map((x) => x.toLowerCase().replace(/^\./, ''));
    if (!doc || !formats.length) return;
    const type = UPLOAD_TYPES.find((t) => t.mime === f.contentType);
    const names = type ? [type.label.toLowerCase(), ...type.extensions.map((e) => e.slice(1))] : [];
    if (names.some((n) => formats.includes(n))) return;
    const accepted = formatList(formats);
    errors[`documents.${i}`] = `${doc.name}: envie ${accepted}${type ? ` (este arquivo é ${type.label})` : ''}.`;
    detail ||= `O documento "${doc.name}" precisa ser ${accepted}${type ? `; o arquivo enviado é ${type.label}` : ''}.`;
  });
  return detail ? { detail, errors } : null;
}

/** ['pdf', 'png', 'jpg'] → "PDF, PNG ou JPG" */
function formatList(formats: string[]): string {
  const upper = formats.map((f) => f.toUpperCase());
  return upper.length > 1 ? `${upper.slice(0, -1).join(', ')} ou ${upper.at(-1)}` : upper[0];
}
