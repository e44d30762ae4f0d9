// Downloads of request documents and follow-up attachments, only for those
// who may see the request (internal notes' files: staff only).
import { Hono } from 'hono';
import { IdParam } from '../../contract/schemas.js';
import { canDownload } from '../domain/permissions.js';
import { requestFacts } from '../dto.js';
import { type AppEnv, type Deps, requireUser } from '../env.js';
import { notFound } from '../errors.js';
import { parse } from '../validate.js';
import { getFileForDownload } from '../../db/queries/files.js';

export function attachmentRoutes({ db }: Deps) {
  return new Hono<AppEnv>().get('/:id', async (c) => {
    const user = requireUser(c);
    const { id } = parse(IdParam, c.req.param());
    const f = await getFileForDownload(db, id);
    if (!f || !canDownload(user, requestFacts(f), f.follow_up_kind)) throw notFound('Arquivo não encontrado.');
    const ascii = f.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return c.body(new Uint8Array(f.content), 200, {
      'Content-Type': f.content_type,
      'Content-Length': String(f.size),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.file_name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      ETag: `"${f.sha256}"`,
    });
  });
}
