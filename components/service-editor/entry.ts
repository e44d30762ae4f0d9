// The charter entry as the editor holds it while the manager types: every
// part as its control shows it (texts as typed, the deadline's days as text,
// a choice's options one per line), each row with a local key so moving or
// removing rows keeps their controls and focus; and the conversions to the
// contract's ServiceEntry (loading) and PatchServiceBody (saving). Pure.
import { type Channel, DOCUMENT_FORMATS, type FieldKind, FIELD_KINDS, fieldKindOf } from '../../contract/charter.js';
import type { ApiRoutes } from '../../contract/api.js';
import type { ServiceEntry } from '../../contract/types.js';

/** What the editor sends: every part, so the draft becomes exactly what is on screen. */
export type EntryBody = ApiRoutes['PATCH']['/services/:id']['body'];

/** The parts edited in one text control each. */
export const TEXT_PARTS = ['name', 'description', 'audience', 'requirements', 'cost', 'address', 'hours', 'legalBasis', 'lgpdBasis'] as const;
export type TextPart = (typeof TEXT_PARTS)[number];

export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface DocumentRow {
  key: number;
  name: string;
  required: boolean;
  formats: DocumentFormat[];
}

export interface StepRow {
  key: number;
  title: string;
}

export interface FieldRow {
  key: number;
  label: string;
  code: string;
  /** The manager typed the code: it no longer follows the label. */
  codeTouched: boolean;
  kind: FieldKind;
  required: boolean;
  description: string;
  /** A choice's options, one per line. */
  options: string;
}

export type EntryForm = Record<TextPart, string> & {
  documents: DocumentRow[];
  steps: StepRow[];
  fields: FieldRow[];
  deadlineDays: string;
  deadlineKind: 'business' | 'calendar';
  delivery: Channel[];
  /** Responsible areas, one per line. */
  area: string;
};

/** The kinds whose citizen picks from options. */
export const CHOICE_KINDS: readonly FieldKind[] = ['choice', 'multiChoice'];

const isFormat = (s: string): s is DocumentFormat => (DOCUMENT_FORMATS as readonly string[]).includes(s);

let lastKey = 0;
export const nextKey = (): number => ++lastKey;

export function emptyForm(): EntryForm {
  return {
    name: '',
    description: '',
    audience: '',
    requirements: '',
    cost: '',
    address: '',
    hours: '',
    legalBasis: '',
    lgpdBasis: '',
    documents: [],
    steps: [],
    fields: [],
    deadlineDays: '',
    deadlineKind: 'business',
    delivery: ['online'],
    area: '',
  };
}

export function toForm(e: ServiceEntry): EntryForm {
  return {
    name: e.name,
    description: e.description,
    audience: e.audience ?? '',
    requirements: e.requirements ?? '',
    cost: e.cost ?? '',
    address: e.address ?? '',
    hours: e.hours ?? '',
    legalBasis: e.legalBasis ?? '',
    lgpdBasis: e.lgpdBasis ?? '',
    documents: e.documents.map((d) => ({ key: nextKey(), name: d.name, required: d.required, formats: d.formats.filter(isFormat) })),
    steps: e.steps.map((title) => ({ key: nextKey(), title })),
    fields: e.fields.map((f) => ({
      key: nextKey(),
      label: f.label,
      code: f.code,
      codeTouched: true,
      kind: fieldKindOf(f),
      required: f.required,
      description: f.description ?? '',
      options: (f.values ?? []).join('\n'),
    })),
    deadlineDays: e.deadline ? String(e.deadline.days) : '',
    deadlineKind: e.deadline?.kind ?? 'business',
    delivery: [...e.delivery],
    area: e.area.join('\n'),
  };
}

/** A form read back from storage: fresh row keys, so they never collide with rows on screen. */
export function rekey(f: EntryForm): EntryForm {
  return {
    ...emptyForm(),
    ...f,
    documents: (f.documents ?? []).map((d) => ({ ...d, key: nextKey() })),
    steps: (f.steps ?? []).map((s) => ({ ...s, key: nextKey() })),
    fields: (f.fields ?? []).map((x) => ({ ...x, key: nextKey() })),
  };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function toBody(f: EntryForm): EntryBody & { name: string } {
  const days = f.deadlineDays.trim();
  return {
    name: f.name.trim(),
    description: f.description.trim(),
    audience: orNull(f.audience),
    requirements: orNull(f.requirements),
    documents: f.documents.map((d) => ({ name: d.name.trim(), required: d.required, formats: [...d.formats] })),
    steps: f.steps.map((s) => s.title.trim()),
    fields: f.fields.map((x) => {
      const kind = FIELD_KINDS.find((k) => k.kind === x.kind) ?? FIELD_KINDS[0];
      return {
        code: x.code.trim(),
        label: x.label.trim(),
        datatype: kind.datatype,
        ...('format' in kind ? { format: kind.format } : {}),
        required: x.required,
        ...(CHOICE_KINDS.includes(x.kind) ? { values: lines(x.options) } : {}),
        ...(x.description.trim() ? { description: x.description.trim() } : {}),
      };
    }),
    cost: orNull(f.cost),
    deadline: days ? { days: Number(days), kind: f.deadlineKind } : null,
    delivery: [...f.delivery],
    area: lines(f.area),
    address: orNull(f.address),
    hours: orNull(f.hours),
    legalBasis: orNull(f.legalBasis),
    lgpdBasis: orNull(f.lgpdBasis),
  };
}

/** Whether two forms would save the same entry (row keys and untouched whitespace aside). */
export function sameEntry(a: EntryForm, b: EntryForm): boolean {
  return JSON.stringify(toBody(a)) === JSON.stringify(toBody(b));
}

/**
 * A field code suggested by its label: lowercase ASCII letters, digits and
 * underscores, starting with a letter (the contract's rule), unlike `taken`.
 */
export function suggestCode(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 34)
    .replace(/_+$/, '');
  if (!base) base = 'campo';
  if (!/^[a-z]/.test(base)) base = `campo_${base}`.slice(0, 34);
  let code = base;
  for (let n = 2; used.has(code); n++) code = `${base}_${n}`;
  return code;
}

export type Rows = 'documents' | 'steps' | 'fields';
export type RowOf<L extends Rows> = EntryForm[L][number];

const blankRow: { [L in Rows]: (key: number) => RowOf<L> } = {
  documents: (key) => ({ key, name: '', required: true, formats: [] }),
  steps: (key) => ({ key, title: '' }),
  fields: (key) => ({ key, label: '', code: '', codeTouched: false, kind: 'text', required: false, description: '', options: '' }),
};

/** The entry with a blank row at the end of `list`, and that row's key. */
export function withRowAdded(f: EntryForm, list: Rows): { form: EntryForm; key: number } {
  const key = nextKey();
  return { form: { ...f, [list]: [...f[list], blankRow[list](key)] }, key };
}

/**
 * The entry with row `key` of `list` changed; a field's code follows its
 * label until the manager types one (unique among the form's codes).
 */
export function withRowChanged<L extends Rows>(f: EntryForm, list: L, key: number, patch: Partial<RowOf<L>>): EntryForm {
  const rows = f[list] as RowOf<L>[];
  const next = rows.map((row) => {
    if (row.key !== key) return row;
    const changed = { ...row, ...patch };
    if (list === 'fields' && 'label' in patch && !(changed as FieldRow).codeTouched) {
      const others = (rows as FieldRow[]).filter((x) => x.key !== key).map((x) => x.code);
      (changed as FieldRow).code = suggestCode((changed as FieldRow).label, others);
    }
    return changed;
  });
  return { ...f, [list]: next };
}

/** The entry without row `key` of `list`, and the row now in its place (or before it), if any. */
export function withRowRemoved(f: EntryForm, list: Rows, key: number): { form: EntryForm; next?: number } {
  const rows = f[list] as { key: number }[];
  const i = rows.findIndex((r) => r.key === key);
  const rest = rows.filter((r) => r.key !== key);
  return { form: { ...f, [list]: rest }, next: rest[Math.min(i, rest.length - 1)]?.key };
}

/** The entry with row `key` of `list` moved `by` places, and its new position (1-based); undefined at an end. */
export function withRowMoved(f: EntryForm, list: Rows, key: number, by: -1 | 1): { form: EntryForm; position: number } | undefined {
  const rows = f[list] as { key: number }[];
  const from = rows.findIndex((r) => r.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= rows.length) return undefined;
  const out = [...rows];
  const [row] = out.splice(from, 1);
  out.splice(to, 0, row);
  return { form: { ...f, [list]: out }, position: to + 1 };
}

/**
 * The id of the control that shows an error at `path` (a problem's `errors`
 * key such as `name`, `steps.1`, `fields.2.values.0`, or a part missing for
 * publishing): rows by their key, so the message stays with its row.
 */
export function anchorOf(path: string, f: EntryForm): string {
  const [part, index, sub] = path.split('.');
  const row = <T extends { key: number }>(rows: T[]) => (index !== undefined && /^\d+$/.test(index) ? rows[Number(index)] : undefined);
  switch (part) {
    case 'deadline':
      return index === 'kind' ? 'f-deadline-kind' : 'f-deadline-days';
    case 'delivery':
      return 'f-delivery';
    case 'area':
      return 'f-area';
    case 'documents': {
      const d = row(f.documents);
      if (!d) return 'add-document';
      return sub === 'formats' ? `f-doc-${d.key}-formats` : sub === 'required' ? `f-doc-${d.key}-required` : `f-doc-${d.key}-name`;
    }
    case 'steps': {
      const s = row(f.steps);
      return s ? `f-step-${s.key}` : 'add-step';
    }
    case 'fields': {
      const x = row(f.fields);
      if (!x) return 'add-field';
      const control = { code: 'code', datatype: 'kind', format: 'kind', values: 'options', description: 'help', required: 'required' }[sub ?? ''] ?? 'label';
      return `f-field-${x.key}-${control}`;
    }
    default:
      return (TEXT_PARTS as readonly string[]).includes(part) ? `f-${part}` : 'f-name';
  }
}

/** What the browser can tell before sending: the deadline is a whole number of days from 1 to 365. */
export function checkForm(f: EntryForm, t: (key: 'editor.deadline.invalid') => string): Record<string, string> {
  const days = f.deadlineDays.trim();
  if (days && !(/^\d+$/.test(days) && Number(days) >= 1 && Number(days) <= 365)) return { 'deadline.days': t('editor.deadline.invalid') };
  return {};
}
