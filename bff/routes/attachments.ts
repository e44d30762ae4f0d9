// Downloads of request documents and follow-up attachments, only for those
// who may see the request.
import { Hono } from 'hono';
import { canSee, seesInternal } from '../domain/permissions.js';
import { type AppEnv, type Deps, requireUser } from '../env.js';
import { notFound } from '../errors.js';
import {
  IdParam,
} from '../../contract/schemas.js';
import { parse } from '../validate.js';

export function attachmentRoutes({ db }: Deps) {
  return new Hono<AppEnv>().get('/:id', async (c) => {
    const user = requireUser(c);
    const { id } = parse(IdParam, c.req.param());
    const f = await db
      .selectFrom('files as f')
      .innerJoin('requests as r', 'r.id', 'f.request_id')
      .leftJoin('follow_ups as fu', 'fu.id', 'f.follow_up_id')
      .select(['fu.kind', 'f.file_name', 'f.content_type', 'f.size', 'f.content', 'f.sha256', 'r.institution_id', 'r.citizen_id', 'r.assignee_id', 'r.status'])
      .where('f.id', '=', id)
      .executeTakeFirst();
    const facts = f && { institutionId: f.institution_id, citizenId: f.citizen_id, assigneeId: f.assignee_id, status: f.status as never };
    if (!f || !facts || !canSee(user, facts)) throw notFound('Arquivo não encontrado.');
    // Attachments of internal notes are staff-only, like the notes.
    if (f.kind === 'internal_note' && !seesInternal(user, facts)) throw notFound('Arquivo não encontrado.');
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
