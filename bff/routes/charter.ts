// The Carta de Serviços as its institution's managers keep it: create a
// service (its first draft), edit the draft (a published service gets a new
// draft version), publish it, withdraw it, and read its versions and what
// changed between two of them. Requests keep the version they were filed
// under: a published version is never written again.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Context } from 'hono';
import { CreateServiceBody, IdParam, PatchServiceBody, UnpublishBody, VersionDiffParam, VersionParam } from '../../contract/schemas.js';
import { ServiceDiff, ServiceVersion, ServiceVersions } from '../../contract/responses.js';
import type { ServiceEntry } from '../../contract/types.js';
import { cleanEntry, diffEntries, emptyEntry, entryErrors, missingParts, publishErrors } from '../domain/charter.js';
import { CHARTER_WHO, decideCharter } from '../domain/permissions.js';
import { toServiceEntry, toServiceVersion, toServiceVersionSummary, toVersionColumns } from '../dto.js';
import { type AppDeps, type AppEnv, requireUser } from '../env.js';
import { ProblemError, badRequest, conflict, forbidden, notFound, preconditionFailed } from '../errors.js';
import { bearer, json, jsonBody, problemsOf, router } from '../openapi.js';
import { jsonOnly } from '../validate.js';
import type { AuthUser } from '../auth.js';
import type { Queryable } from '../../db/queries/queryable.js';
import {
  type ServiceRow,
  type VersionRows,
  appendCharterAudit,
  createService,
  getServiceRow,
  getVersion,
  insertDraft,
  listVersions,
  lockService,
  publishDraft,
  replaceDraftSteps,
  republishService,
  unpublishService,
  updateDraftAtRevision,
} from '../../db/queries/services.js';

/** A version's ETag: its id and revision. */
const etag = (v: { id: number; revision: number }) => `"${v.id}.${v.revision}"`;

/** The If-Match of a charter write ("<versionId>.<revision>"), or undefined when none was sent. */
function parseIfMatch(header: string | undefined): { id: number; revision: number } | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})\.(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw badRequest('Cabeçalho If-Match inválido: use a ETag recebida, como "12.3".', { 'If-Match': 'Use a ETag da versão, como "12.3".' });
  return { id: Number(m[1]), revision: Number(m[2]) };
}

const stale = () =>
  preconditionFailed(
    'Este serviço mudou desde que você o abriu (outra pessoa o editou ou publicou). Recarregue para ver a versão atual e refaça sua alteração.',
  );

/** 412 when If-Match names another version, or this one at another revision. */
function checkIfMatch(tag: { id: number; revision: number } | undefined, v: VersionRows) {
  if (tag && (tag.id !== v.version.id || tag.revision !== v.version.revision)) throw stale();
}

/** The parts a body sends (a part left out stays as it is). */
function sentParts(body: Partial<ServiceEntry> & { institutionId?: number }): Partial<ServiceEntry> {
  const parts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (v !== undefined && k !== 'institutionId') parts[k] = v;
  return parts as Partial<ServiceEntry>;
}

/** The entry, cleaned; 400 with field errors when its parts do not fit together. */
function checkedEntry(entry: ServiceEntry): ServiceEntry {
  const clean = cleanEntry(entry);
  const errors = entryErrors(clean);
  if (Object.keys(errors).length) throw badRequest('Alguns campos precisam de correção.', errors);
  return clean;
}

/** 409 naming every part the law requires that the version lacks. */
function refuseIncomplete(v: VersionRows) {
  const missing = missingParts(toServiceEntry(v.version, v.steps));
  if (missing.length) {
    throw new ProblemError(
      409,
      `Para publicar, a Carta de Serviços exige (Lei 13.460/2017, art. 7º): ${missing.map((m) => m.label).join('; ')}.`,
      publishErrors(missing),
      'incomplete-service',
    );
  }
}

const etagHeader = {
  ETag: { description: '"<versionId>.<revision>": send it back as If-Match to edit or publish this version', schema: { type: 'string' as const } },
};
const versionOk = { ...json(ServiceVersion, 'The version (ETag: "<versionId>.<revision>")'), headers: etagHeader };
// Documented here; parseIfMatch reads it (400 when malformed), so its problem names the header as sent.
const IfMatchHeader = z.object({
  'if-match': z.string().optional().describe('"<versionId>.<revision>", the ETag of the version edited: 412 when it changed since, and nothing is written'),
});
const ifMatchText = 'Send If-Match with the ETag of the version you edited ("<versionId>.<revision>"): 412 when it changed since, and nothing is written.';

const create = createRoute({
  method: 'post',
  path: '/',
  summary: 'A new service: its first draft',
  security: bearer,
  description: 'Who: managers of body.institutionId; anyone else signed in gets 403. Only the name is needed; the rest may come later.',
  middleware: [jsonOnly] as const,
  request: { body: jsonBody(CreateServiceBody) },
  responses: {
    201: {
      ...json(ServiceVersion, 'Version 1, a draft'),
      headers: { ...etagHeader, Location: { description: 'The version', schema: { type: 'string' as const } } },
    },
    ...problemsOf(400, 401, 403, 415),
  },
});
const patch = createRoute({
  method: 'patch',
  path: '/{id}',
  summary: 'Edit the draft (a published service gets a new draft version)',
  security: bearer,
  description: `${CHARTER_WHO} The parts sent replace the draft’s; parts left out stay. Without a draft, a new one is made from the current version with the changes. ${ifMatchText}`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, headers: IfMatchHeader, body: jsonBody(PatchServiceBody) },
  responses: { 200: versionOk, ...problemsOf(400, 401, 403, 404, 412, 415) },
});
const publish = createRoute({
  method: 'post',
  path: '/{id}/publish',
  summary: 'Publish the draft (or republish a withdrawn service)',
  security: bearer,
  description:
    `${CHARTER_WHO} The draft becomes the current version; requests filed before keep theirs. 409 with errors naming every part the law ` +
    'requires that is missing (Lei 13.460/2017 art. 7), or when there is nothing to publish. A withdrawn service without a draft is published ' +
    `again with its current version. If-Match (optional): the version to publish, 412 when it changed.`,
  request: { params: IdParam, headers: IfMatchHeader },
  responses: { 200: json(ServiceVersion, 'The version now current'), ...problemsOf(400, 401, 403, 404, 409, 412) },
});
const unpublish = createRoute({
  method: 'post',
  path: '/{id}/unpublish',
  summary: 'Withdraw a published service, with a reason',
  security: bearer,
  description: `${CHARTER_WHO} No new filings; requests already filed go on. The reason is kept and shown in the versions.`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(UnpublishBody) },
  responses: { 200: json(ServiceVersion, 'The current version, of a service now withdrawn'), ...problemsOf(400, 401, 403, 404, 409, 415) },
});
const versions = createRoute({
  method: 'get',
  path: '/{id}/versions',
  summary: 'Version history, newest first',
  security: bearer,
  description: `${CHARTER_WHO} Who created and who published each version, and when.`,
  request: { params: IdParam },
  responses: { 200: json(ServiceVersions, 'The service and its versions'), ...problemsOf(400, 401, 403, 404) },
});
const version = createRoute({
  method: 'get',
  path: '/{id}/versions/{version}',
  summary: 'One version, as the editor shows it',
  security: bearer,
  description: `${CHARTER_WHO} By its number; missing lists what the law requires that it lacks.`,
  request: { params: VersionParam },
  responses: { 200: versionOk, ...problemsOf(400, 401, 403, 404) },
});
const diff = createRoute({
  method: 'get',
  path: '/{id}/versions/{a}/diff/{b}',
  summary: 'What changed from version a to version b, field by field',
  security: bearer,
  description: `${CHARTER_WHO} Parts whole (name, deadline…), steps by position, form fields by code, documents by name.`,
  request: { params: VersionDiffParam },
  responses: { 200: json(ServiceDiff, 'The changes'), ...problemsOf(400, 401, 403, 404) },
});

export function charterRoutes(deps: AppDeps) {
  const { db, now } = deps;

  /** The service, when the user may edit its institution's charter: 404 when it is not theirs to see, 403 for its other staff. */
  const editable = async (user: AuthUser, id: number): Promise<ServiceRow> => {
    const service = await getServiceRow(db, id);
    const decision = service ? decideCharter(user, service.institution_id) : 'not_found';
    if (!service || decision === 'not_found') throw notFound('Serviço não encontrado.');
    if (decision !== 'allow') throw forbidden('Somente gestores da instituição editam sua Carta de Serviços.');
    return service;
  };

  /** The service locked for a write (see lockService). */
  const locked = async (trx: Queryable, id: number, at: string) => {
    const s = await lockService(trx, id, at);
    if (!s) throw notFound('Serviço não encontrado.');
    return s;
  };

  const versionById = async (q: Queryable, serviceId: number, versionId: number | null) => {
    const v = versionId === null ? undefined : await getVersion(q, serviceId, { id: versionId });
    if (!v) throw notFound('Versão não encontrada.');
    return v;
  };

  /** Answers a version as it is now, with its ETag. */
  const answerVersion = async <S extends 200 | 201>(c: Context<AppEnv>, serviceId: number, versionId: number, status: S) => {
    const service = await getServiceRow(db, serviceId);
    if (!service) throw notFound('Serviço não encontrado.');
    const v = await versionById(db, serviceId, versionId);
    c.header('ETag', etag(v.version));
    if (status === 201) c.header('Location', `/api/services/${serviceId}/versions/${v.version.version}`);
    return c.json(toServiceVersion(service, v), status);
  };

  return router()
    .openapi(create, async (c) => {
      const user = requireUser(c);
      const body = c.req.valid('json');
      if (decideCharter(user, body.institutionId) !== 'allow') throw forbidden('Somente gestores da instituição cadastram serviços em sua Carta.');
      const entry = checkedEntry({ ...emptyEntry(body.name), ...sentParts(body) });
      const at = now().toISOString();
      const created = await deps.writes.run(async (trx) => {
        const s = await createService(trx, { institutionId: body.institutionId, columns: toVersionColumns(entry), steps: entry.steps, at, by: user.id });
        await appendCharterAudit(trx, {
          institutionId: body.institutionId,
          actorId: user.id,
          action: 'service_create',
          data: { serviceId: s.id, version: 1 },
          at,
        });
        return s;
      });
      return answerVersion(c, created.id, created.versionId, 201);
    })
    .openapi(patch, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const tag = parseIfMatch(c.req.header('If-Match'));
      await editable(user, id);
      const at = now().toISOString();
      const versionId = await deps.writes.run(async (trx) => {
        const s = await locked(trx, id, at);
        const current = await versionById(trx, id, s.draft_version_id ?? s.published_version_id);
        checkIfMatch(tag, current);
        const entry = checkedEntry({ ...toServiceEntry(current.version, current.steps), ...sentParts(body) });
        let edited: { id: number; version: number };
        if (s.draft_version_id !== null) {
          if (!(await updateDraftAtRevision(trx, current.version.id, current.version.revision, toVersionColumns(entry), at))) throw stale();
          if (body.steps !== undefined) await replaceDraftSteps(trx, current.version.id, entry.steps);
          edited = current.version;
        } else {
          edited = await insertDraft(trx, { serviceId: id, columns: toVersionColumns(entry), steps: entry.steps, at, by: user.id });
        }
        await appendCharterAudit(trx, {
          institutionId: s.institution_id,
          actorId: user.id,
          action: 'service_edit',
          data: { serviceId: id, version: edited.version },
          at,
        });
        return edited.id;
      });
      return answerVersion(c, id, versionId, 200);
    })
    .openapi(publish, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const tag = parseIfMatch(c.req.header('If-Match'));
      await editable(user, id);
      const at = now().toISOString();
      const versionId = await deps.writes.run(async (trx) => {
        const s = await locked(trx, id, at);
        const withdrawn = s.draft_version_id === null && s.status === 'unpublished';
        if (s.draft_version_id === null && !withdrawn) throw conflict('Não há o que publicar: o serviço já está publicado e não tem rascunho.');
        const v = await versionById(trx, id, s.draft_version_id ?? s.published_version_id);
        checkIfMatch(tag, v);
        refuseIncomplete(v);
        if (withdrawn) await republishService(trx, id, at);
        else if (!(await publishDraft(trx, { serviceId: id, versionId: v.version.id, revision: v.version.revision, at, by: user.id }))) throw stale();
        await appendCharterAudit(trx, {
          institutionId: s.institution_id,
          actorId: user.id,
          action: 'service_publish',
          data: { serviceId: id, version: v.version.version },
          at,
        });
        return v.version.id;
      });
      return answerVersion(c, id, versionId, 200);
    })
    .openapi(unpublish, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const reason = c.req.valid('json').reason.trim();
      await editable(user, id);
      const at = now().toISOString();
      const versionId = await deps.writes.run(async (trx) => {
        const s = await locked(trx, id, at);
        if (s.status !== 'published') throw conflict('Só um serviço publicado pode ser retirado da Carta.');
        const v = await versionById(trx, id, s.published_version_id);
        await unpublishService(trx, id, reason, at);
        await appendCharterAudit(trx, {
          institutionId: s.institution_id,
          actorId: user.id,
          action: 'service_unpublish',
          data: { serviceId: id, version: v.version.version, reason },
          at,
        });
        return v.version.id;
      });
      return answerVersion(c, id, versionId, 200);
    })
    .openapi(versions, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const s = await editable(user, id);
      const rows = await listVersions(db, id);
      return c.json(
        {
          service: {
            id,
            institution: { id: s.institution_id, acronym: s.acronym, name: s.institution_name },
            status: s.status,
            unpublishedReason: s.unpublished_reason,
            unpublishedAt: s.unpublished_at,
          },
          items: rows.map((v) => toServiceVersionSummary(s, v)),
        },
        200,
      );
    })
    .openapi(version, async (c) => {
      const user = requireUser(c);
      const { id, version: number } = c.req.valid('param');
      const s = await editable(user, id);
      const v = await getVersion(db, id, { version: number });
      if (!v) throw notFound('Versão não encontrada.');
      c.header('ETag', etag(v.version));
      return c.json(toServiceVersion(s, v), 200);
    })
    .openapi(diff, async (c) => {
      const user = requireUser(c);
      const { id, a, b } = c.req.valid('param');
      await editable(user, id);
      const [va, vb] = await Promise.all([getVersion(db, id, { version: a }), getVersion(db, id, { version: b })]);
      if (!va || !vb) throw notFound(`Versão não encontrada: ${!va ? a : b}.`);
      const changes = diffEntries(toServiceEntry(va.version, va.steps), toServiceEntry(vb.version, vb.steps));
      return c.json({ from: a, to: b, changes }, 200);
    });
}
