// The documents of a filing against its service version's list: which are
// missing, which are not asked for, which have a type the document does not
// accept. Pure. The form fields' own rules are shared with the request form
// (contract/form-fields.ts).
import type { RequiredDocument, ServiceField } from '../../contract/types.js';
import { UPLOAD_TYPES } from '../../contract/uploads.js';
import { validateFormData } from '../../contract/form-fields.js';

/** JSON with the keys of every object sorted: the same data reads the same. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

/**
 * Whether a filing sent again with its Idempotency-Key is the one filed
 * first: the same service and the same form data once cleaned (as it was
 * stored) under the fields of the version it was filed under. Documents are
 * not compared (a retry sends the same files, or none are kept).
 */
export function sameFiling(
  first: { serviceId: number; fields: ServiceField[]; cleanFormData: unknown },
  again: { serviceId: number; formData: Record<string, unknown> },
): boolean {
  if (first.serviceId !== again.serviceId) return false;
  const { errors, clean } = validateFormData(first.fields, again.formData);
  return Object.keys(errors).length === 0 && canonical(clean) === canonical(first.cleanFormData);
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
