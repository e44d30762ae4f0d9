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
