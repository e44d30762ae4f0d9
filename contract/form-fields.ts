// The citizen's form: what each field of a service accepts. One definition for
// the request form in the browser (it checks as the citizen types) and for the
// BFF (bff/domain/form-data.ts refuses what does not fit), so both sides give
// the same message for the same value. Pure, no dependencies.
import type { ServiceField } from './types.js';

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

/** The longest short text and long text a field takes. */
export const MAX_STRING = 500;
export const MAX_TEXT = 5000;

/** Whether a value counts as not filled in (required fields refuse it). */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/**
 * The message for one field's value ("CPF: CPF inválido."), or null when it
 * fits. The request form shows it under the field; the server answers it as
 * the field error `formData.<code>`.
 */
export function fieldError(f: ServiceField, v: unknown): string | null {
  if (isEmptyValue(v)) return f.required ? `${f.label}: campo obrigatório.` : null;
  const error = checkValue(f, v);
  return error ? `${f.label}: ${error}` : null;
}

/** Every field error keyed `formData.<code>`, and the cleaned data to store. */
export function validateFormData(fields: ServiceField[], data: Record<string, unknown>): { errors: Record<string, string>; clean: Record<string, unknown> } {
  const errors: Record<string, string> = {};
  const clean: Record<string, unknown> = {};
  const known = new Set(fields.map((f) => f.code));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) errors[`formData.${key}`] = 'Campo desconhecido para este serviço.';
  }
  for (const f of fields) {
    const v = data[f.code];
    const error = fieldError(f, v);
    if (error) errors[`formData.${f.code}`] = error;
    else if (!isEmptyValue(v)) clean[f.code] = typeof v === 'string' ? v.trim() : v;
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
    case 'datetime': {
      if (typeof v !== 'string' || v.length > 40 || Number.isNaN(Date.parse(v))) return 'informe uma data válida.';
      const fmt = f.format ? FORMATS[f.format] : undefined;
      return fmt && !fmt.test(v.trim()) ? fmt.message : null;
    }
    case 'singlevaluelist':
      return typeof v === 'string' && (f.values ?? []).includes(v) ? null : 'escolha uma das opções.';
    case 'multivaluelist':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && (f.values ?? []).includes(x)) && new Set(v).size === v.length
        ? null
        : 'escolha entre as opções.';
  }
}
