// Downloads: a stored file with what deciding who may read it needs.
import type { Queryable } from './queryable.js';

export async function getFileForDownload(db: Queryable, id: number) {
  return db
    .selectFrom('files as f')
    .innerJoin('requests as r', 'r.id', 'f.request_id')
    .leftJoin('follow_ups as fu', 'fu.id', 'f.follow_up_id')
    .select([
      'fu.kind as follow_up_kind',
      'f.file_name',
      'f.content_type',
      'f.size',
      'f.content',
      'f.stored',
      'f.sha256',
      'f.request_id',
      'r.institution_id',
      'r.citizen_id',
      'r.assignee_id',
      'r.status',
    ])
    .where('f.id', '=', id)
    .executeTakeFirst();
}
