// What may be uploaded, decided by the bytes, never by the name: file-type
// sniffs binary formats; anything it cannot name (HTML, SVG, scripts, text)
// is refused. A stored file is named by its detected type, and its name
// carries no control or bidi characters.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { UPLOAD_TYPES, UPLOAD_TYPE_NAMES, safeFileName } from '../contract/uploads.js';
import { ProblemError } from './errors.js';

export { safeFileName };

const ALLOWED_MIMES = new Set<string>(UPLOAD_TYPES.map((t) => t.mime));

export const toMb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export interface CheckedFile {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Uint8Array;
}

/**
 * The safe name with the extension of the detected type: one that already
 * says it (`foto.jpeg` for a JPEG) is kept, one that contradicts it is
 * replaced (`invoice.html` holding a PDF becomes `invoice.pdf`), and a name
 * without one gets it.
 */
export function nameForType(name: string, mime: string): string {
  const safe = safeFileName(name);
  const type = UPLOAD_TYPES.find((t) => t.mime === mime);
  if (!type) return safe;
  const lower = safe.toLowerCase();
  if ((type.extensions as readonly string[]).some((e) => lower.endsWith(e))) return safe;
  const stem = safe.replace(/\.[a-z][a-z0-9]{0,4}$/i, '').replace(/[.\s]+$/, '');
  return `${stem || 'arquivo'}${type.extensions[0]}`;
}

export const unsupportedType = (fileName: string) =>
  new ProblemError(415, `O arquivo "${safeFileName(fileName)}" não é de um tipo aceito. Envie ${UPLOAD_TYPE_NAMES}.`, undefined, 'unsupported-type');

export const fileTooLarge = (fileName: string, maxBytes: number) =>
  new ProblemError(413, `O arquivo "${safeFileName(fileName)}" passa do limite de ${toMb(maxBytes)} MB.`, undefined, 'too-large');

/** Whether a detected MIME type may be stored. */
export const isAllowedMime = (mime: string | undefined): mime is string => mime !== undefined && ALLOWED_MIMES.has(mime);

/** SHA-256 of a buffer in 1 MB slices, yielding to the event loop between them. */
export async function sha256Of(content: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  const slice = 1024 * 1024;
  for (let at = 0; at < content.byteLength; at += slice) {
    hash.update(content.subarray(at, at + slice));
    if (at + slice < content.byteLength) await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

/** Checks a file held in memory (a base64 JSON filing's document). */
export async function checkFile(fileName: string, content: Uint8Array, maxBytes: number): Promise<CheckedFile> {
  if (content.byteLength === 0) throw new ProblemError(400, `O arquivo "${safeFileName(fileName)}" está vazio.`, undefined, 'empty-file');
  if (content.byteLength > maxBytes) throw fileTooLarge(fileName, maxBytes);
  const sniffed = await fileTypeFromBuffer(content);
  if (!isAllowedMime(sniffed?.mime)) throw unsupportedType(fileName);
  return {
    fileName: nameForType(fileName, sniffed.mime),
    contentType: sniffed.mime,
    size: content.byteLength,
    sha256: await sha256Of(content),
    content,
  };
}
