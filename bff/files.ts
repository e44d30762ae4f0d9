// What may be uploaded, decided by the bytes, never by the name: file-type
// sniffs binary formats; anything it cannot name (HTML, SVG, scripts, text)
// is refused.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { UPLOAD_TYPES, UPLOAD_TYPE_NAMES } from '../contract/uploads.js';
import { ProblemError } from './errors.js';

const ALLOWED_MIMES = new Set<string>(UPLOAD_TYPES.map((t) => t.mime));

export const toMb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export interface CheckedFile {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Uint8Array;
}

/** A file name safe to store and to put in Content-Disposition. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    .replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(-180);
  return cleaned || 'arquivo';
}

export async function checkFile(fileName: string, content: Uint8Array, maxBytes: number): Promise<CheckedFile> {
  if (content.byteLength === 0) throw new ProblemError(400, `O arquivo "${safeFileName(fileName)}" está vazio.`, undefined, 'empty-file');
  if (content.byteLength > maxBytes) {
    throw new ProblemError(413, `O arquivo "${safeFileName(fileName)}" passa do limite de ${toMb(maxBytes)} MB.`, undefined, 'too-large');
  }
  const sniffed = await fileTypeFromBuffer(content);
  if (!sniffed || !ALLOWED_MIMES.has(sniffed.mime)) {
    throw new ProblemError(415, `O arquivo "${safeFileName(fileName)}" não é de um tipo aceito. Envie ${UPLOAD_TYPE_NAMES}.`, undefined, 'unsupported-type');
  }
  return {
    fileName: safeFileName(fileName),
    contentType: sniffed.mime,
    size: content.byteLength,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}
