// Personal data in a citizen's comment, found before anyone reads it
// (issue #13): CPF and CNPJ (check digits verified), RG, phone numbers with or
// without DDD, e-mail, CEP, vehicle plates (old and Mercosul) and the
// citizen's own name as stored. Dates, protocols, money, times and plain
// numbers are not personal data. Pure: the moderator's highlight and the
// published text masked both come from here.
import { MASK, type PersonalDataKind } from '../../contract/evaluations.js';
import { isValidCpf } from '../../contract/form-fields.js';
import type { PersonalDataSpan } from '../../contract/types.js';

/** CNPJ check digits (Receita Federal's weights 5…2,9…2 then 6…2,9…2). */
export function isValidCnpj(input: string): boolean {
  const d = input.replace(/[.\-/\s]/g, '');
  if (!/^\d{14}$/.test(d) || /^(\d)\1{13}$/.test(d)) return false;
  const check = (len: number) => {
    let sum = 0;
    let weight = len - 7;
    for (let i = 0; i < len; i++) {
      sum += Number(d[i]) * weight;
      weight = weight === 2 ? 9 : weight - 1;
    }
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return check(12) === Number(d[12]) && check(13) === Number(d[13]);
}

// Not inside a longer word or number.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
// Digits only: not glued to more digits through a separator either ("1.234.567-89").
const DB = '(?<![\\p{L}\\p{N}]|\\p{N}[.,/-])';
const DE = '(?![\\p{L}\\p{N}]|[.,/-]\\p{N})';

interface Pattern {
  kind: PersonalDataKind;
  re: RegExp;
  /** Which capture group is the span (0: the whole match). */
  group?: number;
  accept?: (found: string) => boolean;
}

const DDD = '(?:\\([1-9]{2}\\)|[1-9]{2})';
const LOCAL = '(?:9\\s?\\d{4}|[2-5]\\d{3})';
const YEAR_RANGE = /^(?:19|20)\d{2}-(?:19|20)\d{2}$/;

const PATTERNS: Pattern[] = [
  { kind: 'email', re: new RegExp(`${B}[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}${E}`, 'gu') },
  { kind: 'cpf', re: new RegExp(`${DB}(?:\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}|\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2})${DE}`, 'gu'), accept: isValidCpf },
  { kind: 'cnpj', re: new RegExp(`${DB}\\d{2}\\.?\\d{3}\\.?\\d{3}/?\\d{4}-?\\d{2}${DE}`, 'gu'), accept: isValidCnpj },
  // With DDD (and maybe +55): "(69) 99988-7766", "69 99988-7766", "69999887766", "+55 69 99988-7766", "(69) 3216-5000".
  { kind: 'phone', re: new RegExp(`(?:\\+\\s?55\\s?|${DB})${DDD}[\\s-]?${LOCAL}[\\s-]?\\d{4}${DE}`, 'gu') },
  // Without DDD, written with its hyphen: "99988-7766", "3216-5000" (not a year range such as 2025-2026).
  { kind: 'phone', re: new RegExp(`${DB}${LOCAL}-\\d{4}${DE}`, 'gu'), accept: (s) => !YEAR_RANGE.test(s) },
  { kind: 'cep', re: new RegExp(`${DB}(?:\\d{5}-\\d{3}|\\d{2}\\.\\d{3}-\\d{3})${DE}`, 'gu') },
  { kind: 'cep', re: new RegExp(`${B}CEP\\s*:?\\s*(\\d{8})${DE}`, 'giu'), group: 1 },
  // RG: after the word ("RG 1234567", "RG: 12.345.678-9", "R.G. nº 1234567"), or in its usual writing "12.345.678-X".
  { kind: 'rg', re: new RegExp(`${B}R\\.?G\\.?\\s*(?:n[º°o.]*\\s*)?:?\\s*(\\d[\\d.]{3,11}(?:-[\\dXx])?)${DE}`, 'giu'), group: 1 },
  { kind: 'rg', re: new RegExp(`${DB}\\d{1,2}\\.\\d{3}\\.\\d{3}-[\\dXx]${DE}`, 'gu') },
  // Plates: old "ABC-1234" / "ABC 1234" / "ABC1234", Mercosul "ABC1D23" (capitals, as written on them).
  { kind: 'plate', re: new RegExp(`${B}[A-Z]{3}[-\\s]?\\d{4}${DE}`, 'gu'), accept: (s) => !/^CEP/.test(s) },
  { kind: 'plate', re: new RegExp(`${B}[A-Z]{3}\\d[A-Z]\\d{2}${E}`, 'gu') },
];

/** Lower case without accents, one character for one (offsets stay those of the text). */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    const folded = (base.length === ch.length ? base : ch).toLowerCase();
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the citizen's name appears: the full name as stored, and first and last name, accents and case aside. */
function nameSpans(text: string, citizenName: string): PersonalDataSpan[] {
  const words = fold(citizenName).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const forms = [words];
  if (words.length > 2) forms.push([words[0], words[words.length - 1]]);
  const folded = fold(text);
  const spans: PersonalDataSpan[] = [];
  for (const form of forms) {
    const re = new RegExp(`${B}${form.map(escape).join('\\s+')}${E}`, 'gu');
    for (const m of folded.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'name' });
  }
  return spans;
}

const PRIORITY: PersonalDataKind[] = ['email', 'cpf', 'cnpj', 'name', 'phone', 'rg', 'cep', 'plate'];

/** The personal data found in `text`, in order, none overlapping (the longest wins where they would). */
export function findPersonalData(text: string, opts: { citizenName?: string | null } = {}): PersonalDataSpan[] {
  const found: PersonalDataSpan[] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const group = p.group ?? 0;
      const value = m[group];
      if (value === undefined) continue;
      if (p.accept && !p.accept(value)) continue;
      const start = m.index + (group === 0 ? 0 : m[0].lastIndexOf(value));
      found.push({ start, end: start + value.length, kind: p.kind });
    }
  }
  if (opts.citizenName) found.push(...nameSpans(text, opts.citizenName));
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind));
  const out: PersonalDataSpan[] = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

/** The text with each span replaced by MASK. */
export function maskSpans(text: string, spans: readonly PersonalDataSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + MASK;
    at = s.end;
  }
  return out + text.slice(at);
}
