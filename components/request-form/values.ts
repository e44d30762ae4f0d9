// The request form's rules besides the shared field rules: what a typed
// value becomes in the API's JSON, whether a picked file fits its document,
// where the server's field errors go, and which failures may have filed.
import type { RequiredDocument, ServiceDetail, ServiceField } from '../../contract/types.js';
import { safeFileName } from '../../contract/uploads.js';
import { ApiError } from '../internal/api-client.js';
import { documentFormatNames, fileFitsDocument } from '../internal/document-formats.js';
import type { MessageKey } from '../internal/i18n.js';

/** A field's value as the API takes it: numbers as numbers, a multiple choice as an array, a date as YYYY-MM-DD, the rest as trimmed text. */
export function typedValue(f: ServiceField, raw: string | string[] | undefined): unknown {
  if (f.datatype === 'multivaluelist') return Array.isArray(raw) ? raw : [];
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (s === '') return undefined;
  if (f.datatype === 'number') {
    // pt-BR writes 1.234,5: the comma is the decimal mark when there is one.
    let n = s.replace(/\s/g, '');
    if (n.includes(',')) n = n.replace(/\./g, '').replace(',', '.');
    return /^[-+]?\d+(\.\d+)?$/.test(n) ? Number(n) : s;
  }
  return s;
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** What is wrong with the file picked for a document (by its name and size; the server reads the bytes), or null. */
export function documentError(doc: RequiredDocument, file: File | undefined, maxMb: number, t: Translate): string | null {
  if (!file) return doc.required ? t('requestForm.document.missing', { name: doc.name }) : null;
  const name = safeFileName(file.name);
  if (!fileFitsDocument(file.name, doc)) return t('requestForm.document.badType', { name, formats: documentFormatNames(doc, t('catalog.or')) });
  if (file.size === 0) return t('requestForm.document.empty', { name });
  if (file.size > maxMb * 1024 * 1024) return t('requestForm.document.tooBig', { name, mb: maxMb });
  return null;
}

/**
 * The server's field errors on the form's fields and documents:
 * `formData.<code>`, `documents.<label>`, and `documents.<i>` (by the
 * position of the part in the send, `sentLabels`). Others are `other`.
 */
export function serverErrors(
  service: ServiceDetail,
  errors: Record<string, string>,
  sentLabels: string[],
): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const code = /^formData\.(.+)$/.exec(path)?.[1];
    const doc = /^documents\.(.+)$/.exec(path)?.[1];
    const byPosition = doc !== undefined ? /^(\d+)(\..*)?$/.exec(doc) : null;
    const label = byPosition ? sentLabels[Number(byPosition[1])] : doc;
    if (code !== undefined && service.fields.some((f) => f.code === code)) fields[path] = message;
    else if (label !== undefined && service.documents.some((d) => d.name === label)) fields[`documents.${label}`] = message;
    else other.push(message);
  }
  return { fields, other };
}

/** Whether a failed send may have reached the server (network, timeout, server trouble): its retry reuses the Idempotency-Key. */
export function mayHaveFiled(err: unknown): boolean {
  return !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 408 || err.status === 429;
}
