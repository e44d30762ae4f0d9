// What may be uploaded (request documents and follow-up attachments): one
// list for the server, which decides by the bytes (bff/files.ts), and for the
// elements, which check the name before sending.

export const UPLOAD_TYPES = [
  { mime: 'application/pdf', label: 'PDF', extensions: ['.pdf'] },
  { mime: 'image/png', label: 'PNG', extensions: ['.png'] },
  { mime: 'image/jpeg', label: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  { mime: 'image/webp', label: 'WebP', extensions: ['.webp'] },
  { mime: 'application/vnd.oasis.opendocument.text', label: 'ODT', extensions: ['.odt'] },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX', extensions: ['.docx'] },
] as const;

export type UploadMime = (typeof UPLOAD_TYPES)[number]['mime'];

/** "PDF, PNG, JPEG, WebP, ODT, DOCX" */
export const UPLOAD_TYPE_NAMES = UPLOAD_TYPES.map((t) => t.label).join(', ');

/** For `<input type="file" accept>` and the elements' check by name. */
export const UPLOAD_EXTENSIONS: readonly string[] = UPLOAD_TYPES.flatMap((t) => t.extensions);

// C0 and C1 controls, DEL, the bidi marks, embeddings, overrides and
// isolates (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+061C), and what
// Windows or a Content-Disposition header would choke on.
// eslint-disable-next-line no-control-regex -- control characters are what this strips
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"<>:|?*;]/g;

/**
 * A file name safe to store, to put in Content-Disposition and to show: the
 * server stores uploads under it, and the elements show a picked file by it
 * (a U+202E in a name would otherwise reverse the text around it).
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE, '').replace(/^\.+/, '').trim().slice(-180);
  return cleaned || 'arquivo';
}
