// The rules of a Carta de Serviços entry, as pure functions: how an entry is
// cleaned before it is stored, which combinations of its parts make no sense
// (field errors), what the law requires before it is published (Lei
// 13.460/2017 art. 7), and how two versions differ, part by part. The names
// of the parts come from the contract (CHARTER_PARTS), so the editor shows
// the same ones.
import { CHARTER_PARTS, type CharterPart } from '../../contract/charter.js';
import type { RequiredDocument, ServiceDiff, ServiceEntry, ServiceField } from '../../contract/types.js';

type Change = ServiceDiff['changes'][number];

/** The nullable text parts: blank is the same as not filled in. */
const TEXT_PARTS = ['audience', 'requirements', 'cost', 'address', 'hours', 'legalBasis', 'lgpdBasis'] as const;

/** An entry with no part filled in but its name. */
export function emptyEntry(name: string): ServiceEntry {
  return {
    name,
    description: '',
    audience: null,
    requirements: null,
    documents: [],
    steps: [],
    fields: [],
    cost: null,
    deadline: null,
    delivery: [],
    area: [],
    address: null,
    hours: null,
    legalBasis: null,
    lgpdBasis: null,
  };
}

const blankToNull = (s: string | null) => (s === null || s.trim() === '' ? null : s.trim());

function cleanField(f: ServiceField): ServiceField {
  const out: ServiceField = { code: f.code, label: f.label.trim(), datatype: f.datatype, required: f.required };
  if (f.format !== undefined) out.format = f.format;
  if (f.values !== undefined) out.values = f.values.map((v) => v.trim());
  const help = f.description?.trim();
  if (help) out.description = help;
  return out;
}

/** The entry as it is stored: texts trimmed, blank optional texts null, channels and formats without repeats. */
export function cleanEntry(e: ServiceEntry): ServiceEntry {
  const out: ServiceEntry = {
    ...e,
    name: e.name.trim(),
    description: e.description.trim(),
    steps: e.steps.map((s) => s.trim()),
    fields: e.fields.map(cleanField),
    documents: e.documents.map((d) => ({ name: d.name.trim(), required: d.required, formats: [...new Set(d.formats)] })),
    delivery: [...new Set(e.delivery)],
    area: e.area.map((a) => a.trim()),
  };
  for (const part of TEXT_PARTS) out[part] = blankToNull(e[part]);
  return out;
}

/** The datatype each format goes with. */
const FORMAT_DATATYPE: Record<NonNullable<ServiceField['format']>, ServiceField['datatype']> = {
  cpf: 'string',
  email: 'string',
  phone: 'string',
  cep: 'string',
  date: 'datetime',
};

const LIST_TYPES: readonly ServiceField['datatype'][] = ['singlevaluelist', 'multivaluelist'];

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('pt-BR');

/**
 * What does not fit together in an entry's form fields and documents, keyed
 * by path as the editor sends them (`fields.2.values`, `documents.0.name`);
 * empty when all is well. The shape of each part (types, sizes) is the
 * input schema's; these are the rules across parts of it.
 */
export function entryErrors(e: Pick<ServiceEntry, 'fields' | 'documents'>): Record<string, string> {
  const errors: Record<string, string> = {};
  const codes = new Map<string, number>();
  e.fields.forEach((f, i) => {
    const at = `fields.${i}`;
    const first = codes.get(f.code);
    if (first !== undefined) errors[`${at}.code`] = `O código "${f.code}" já é usado pelo campo ${first + 1}; cada campo precisa de um código só seu.`;
    else codes.set(f.code, i);
    const list = LIST_TYPES.includes(f.datatype);
    if (list) {
      const values = (f.values ?? []).map(fold);
      if (values.length === 0) errors[`${at}.values`] = `O campo "${f.label}" é de escolha: informe ao menos uma opção.`;
      else if (new Set(values).size !== values.length) errors[`${at}.values`] = `O campo "${f.label}" repete uma opção; cada opção aparece uma vez.`;
    } else if (f.values !== undefined) {
      errors[`${at}.values`] = `Só campos de escolha têm opções; tire as opções do campo "${f.label}" ou mude seu tipo.`;
    }
    if (f.format !== undefined && FORMAT_DATATYPE[f.format] !== f.datatype) {
      errors[`${at}.format`] =
        f.format === 'date'
          ? `O formato de data vai com o tipo data (datetime), não com "${f.datatype}".`
          : `O formato ${f.format.toUpperCase()} vai com o tipo texto curto (string), não com "${f.datatype}".`;
    }
  });
  const names = new Map<string, number>();
  e.documents.forEach((d, i) => {
    const key = fold(d.name);
    const first = names.get(key);
    if (first !== undefined)
      errors[`documents.${i}.name`] = `O documento "${d.name}" já está na lista (documento ${first + 1}); cada documento aparece uma vez.`;
    else names.set(key, i);
  });
  return errors;
}

export interface MissingPart {
  part: CharterPart;
  label: string;
}

const blank = (s: string | null) => s === null || s.trim() === '';

/**
 * The parts the law requires (Lei 13.460/2017 art. 7) that the entry lacks,
 * in the entry's order: the LGPD legal basis only when the service collects
 * personal data (form fields or documents); the opening hours never.
 */
export function missingParts(e: ServiceEntry): MissingPart[] {
  const lacks: Record<CharterPart, boolean> = {
    name: blank(e.name),
    description: blank(e.description),
    audience: blank(e.audience),
    requirements: blank(e.requirements),
    documents: false,
    steps: e.steps.length === 0,
    fields: false,
    cost: blank(e.cost),
    deadline: e.deadline === null || e.deadline.days < 1,
    delivery: e.delivery.length === 0,
    area: e.area.length === 0,
    address: blank(e.address),
    hours: false,
    legalBasis: blank(e.legalBasis),
    lgpdBasis: (e.fields.length > 0 || e.documents.length > 0) && blank(e.lgpdBasis),
  };
  return (Object.keys(CHARTER_PARTS) as CharterPart[]).filter((p) => lacks[p]).map((part) => ({ part, label: CHARTER_PARTS[part] }));
}

const WHY: Partial<Record<CharterPart, string>> = {
  steps: 'inclua ao menos uma etapa',
  delivery: 'escolha ao menos um canal de atendimento',
  area: 'informe ao menos uma área responsável',
  cost: 'informe o custo, ou "Gratuito"',
  deadline: 'informe o prazo máximo em dias',
  lgpdBasis: 'obrigatória quando o serviço coleta dados pessoais em campos ou documentos',
};

/** The field errors of a refused publication: every missing part by name, with what to do. */
export function publishErrors(missing: readonly MissingPart[]): Record<string, string> {
  return Object.fromEntries(missing.map((m) => [m.part, `${m.label}: ${WHY[m.part] ?? 'obrigatório para publicar'} (Lei 13.460/2017, art. 7º).`]));
}

const FIELD_PROPS: [keyof ServiceField, string][] = [
  ['label', 'Rótulo'],
  ['datatype', 'Tipo'],
  ['format', 'Formato'],
  ['required', 'Obrigatório'],
  ['values', 'Opções'],
  ['description', 'Texto de ajuda'],
];
const DOCUMENT_PROPS: [keyof RequiredDocument, string][] = [
  ['required', 'Obrigatório'],
  ['formats', 'Formatos'],
];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const label = (...parts: (string | number)[]) => parts.join(' › ');

/** Changes of a list of items known by a key (fields by code, documents by name): added, removed, changed, reordered. */
function keyedChanges<T>(
  part: 'fields' | 'documents',
  before: readonly T[],
  after: readonly T[],
  key: (x: T) => string,
  name: (x: T) => string,
  props: [keyof T, string][],
): Change[] {
  const changes: Change[] = [];
  const head = CHARTER_PARTS[part];
  const old = new Map(before.map((x) => [key(x), x]));
  const now = new Map(after.map((x) => [key(x), x]));
  const common = after.map(key).filter((k) => old.has(k));
  const oldOrder = before.map(key).filter((k) => now.has(k));
  if (!same(common, oldOrder)) changes.push({ path: `${part}.order`, label: label(head, 'Ordem'), before: oldOrder, after: common });
  for (const x of after) {
    const k = key(x);
    const was = old.get(k);
    if (!was) {
      changes.push({ path: `${part}.${k}`, label: label(head, name(x)), before: null, after: x });
      continue;
    }
    for (const [prop, propLabel] of props) {
      if (!same(was[prop], x[prop])) {
        changes.push({ path: `${part}.${k}.${String(prop)}`, label: label(head, name(x), propLabel), before: was[prop] ?? null, after: x[prop] ?? null });
      }
    }
  }
  for (const x of before) {
    if (!now.has(key(x))) changes.push({ path: `${part}.${key(x)}`, label: label(head, name(x)), before: x, after: null });
  }
  return changes;
}

/**
 * What changed from entry `a` to entry `b`, part by part in the entry's
 * order: a part as a whole (`name`, `deadline`, `delivery`); steps by
 * position (`steps.2`, 1-based); form fields by code (`fields.cpf.label`,
 * `fields.cpf` when added or removed, `fields.order`); documents by name
 * (`documents.RG.required`). Empty when they are alike.
 */
export function diffEntries(a: ServiceEntry, b: ServiceEntry): Change[] {
  const changes: Change[] = [];
  for (const part of Object.keys(CHARTER_PARTS) as CharterPart[]) {
    if (part === 'steps') {
      for (let i = 0; i < Math.max(a.steps.length, b.steps.length); i++) {
        const before = a.steps[i] ?? null;
        const after = b.steps[i] ?? null;
        if (before !== after) changes.push({ path: `steps.${i + 1}`, label: label(CHARTER_PARTS.steps, i + 1), before, after });
      }
    } else if (part === 'fields') {
      changes.push(
        ...keyedChanges(
          'fields',
          a.fields,
          b.fields,
          (f) => f.code,
          (f) => f.label,
          FIELD_PROPS,
        ),
      );
    } else if (part === 'documents') {
      changes.push(
        ...keyedChanges(
          'documents',
          a.documents,
          b.documents,
          (d) => d.name,
          (d) => d.name,
          DOCUMENT_PROPS,
        ),
      );
    } else if (!same(a[part], b[part])) {
      changes.push({ path: part, label: CHARTER_PARTS[part], before: a[part], after: b[part] });
    }
  }
  return changes;
}
