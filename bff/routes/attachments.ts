// Downloads of request documents and follow-up attachments, only for those
// who may see the request (internal notes' files: staff only).
import { createRoute, z } from '@hono/zod-openapi';
import { IdParam } from '../../contract/schemas.js';
import { canDownload } from '../domain/permissions.js';
import { requestFacts } from '../dto.js';
import { type AppDeps, requireUser } from '../env.js';
import { recordAccess } from '../access.js';
import { notFound } from '../errors.js';
import { bearer, problemsOf, router } from '../openapi.js';
import { getFileForDownload } from '../../db/queries/files.js';

const download = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Download a document or attachment',
  description: "Who: the request's citizen and the institution's staff (internal notes' files: staff only, not on a request they filed).",
  security: bearer,
  request: { params: IdParam },
  responses: {
    200: {
      description: 'The file, as an attachment (nosniff)',
      content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
    },
    ...problemsOf(400, 401, 404),
  },
});

export function attachmentRoutes(deps: AppDeps) {
  const { db } = deps;
  return router().openapi(download, async (c) => {
    const user = requireUser(c);
    const { id } = c.req.valid('param');
    const f = await getFileForDownload(db, id);
    if (!f || !canDownload(user, requestFacts(f), f.follow_up_kind)) throw notFound('Arquivo não encontrado.');
    await recordAccess(deps, user, { institutionId: f.institution_id, requestId: f.request_id, fileId: id }, 'download');
    const ascii = f.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    if (f.stored && !deps.fileStore) throw new Error(`File ${id} is in a file store, and this server has none (DATABASE_URL, FILES_DIR)`);
    // From the file store, streamed; from the database, the bytes the row already holds.
    // (The drivers' Buffers are views of plain ArrayBuffers: no copy needed to send them.)
    const content = f.stored ? await deps.fileStore!.stream(f.stored) : (f.content as Uint8Array<ArrayBuffer>);
    return c.body(content, 200, {
      'Content-Type': f.content_type,
      'Content-Length': String(f.size),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.file_name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      ETag: `"${f.sha256}"`,
    });
  });
}
