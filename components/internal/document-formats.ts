// What a service's document may be sent as, for the catalog (which shows it)
// and the request form (which checks a picked file by its name before
// sending; the server decides by the bytes).
import type { RequiredDocument } from '../../contract/types.js';
import { UPLOAD_TYPES } from '../../contract/uploads.js';

type UploadType = (typeof UPLOAD_TYPES)[number];

/** The upload types a document takes: those its formats name ("pdf", "jpg"), or every one when it names none. */
function typesOf(doc: Pick<RequiredDocument, 'formats'>): UploadType[] {
  const formats = doc.formats.map((f) => f.toLowerCase().replace(/^\./, ''));
  if (!formats.length) return [...UPLOAD_TYPES];
  return UPLOAD_TYPES.filter((t) => formats.includes(t.label.toLowerCase()) || t.extensions.some((e) => formats.includes(e.slice(1))));
}

/** File name endings the document takes, for `<input type="file" accept>` and the check by name: [".pdf", ".jpg", ".jpeg"]. */
export function documentExtensions(doc: Pick<RequiredDocument, 'formats'>): string[] {
  return typesOf(doc).flatMap((t) => [...t.extensions]);
}

/** The formats as people read them, joined with `or` ("PDF, JPEG ou PNG"). */
export function documentFormatNames(doc: Pick<RequiredDocument, 'formats'>, or: string): string {
  const names = typesOf(doc).map((t) => t.label);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} ${or} ${names.at(-1)}` : (names[0] ?? '');
}

/** Whether a file name ends with one of the document's extensions. */
export function fileFitsDocument(name: string, doc: Pick<RequiredDocument, 'formats'>): boolean {
  const lower = name.toLowerCase();
  return documentExtensions(doc).some((e) => lower.endsWith(e));
}
