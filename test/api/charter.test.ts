// The Carta de Serviços as managers keep it, through the API: create a
// draft, edit it, publish it (refused naming every part the law requires
// that is missing), withdraw and republish it; concurrent edits with
// If-Match; the version history and diff; and who may do it. On SQLite and
// PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CHARTER_PARTS } from '../../contract/charter.js';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

/** Every part the law asks for, filled in: a draft made of it may be published at once. */
const COMPLETE = {
  name: 'Licença para evento em área pública',
  description: 'Autorização para realizar eventos em praças e parques estaduais.',
  audience: 'Pessoas físicas e jurídicas organizadoras de eventos.',
  requirements: 'Evento com data marcada e público estimado.',
  documents: [{ name: 'Projeto do evento', required: true, formats: ['pdf'] }],
  steps: ['Conferir o projeto', 'Verificar a agenda do local'],
  fields: [
    { code: 'cpf', label: 'CPF do responsável', datatype: 'string', format: 'cpf', required: true },
    { code: 'data_evento', label: 'Data do evento', datatype: 'datetime', format: 'date', required: true },
  ],
  cost: 'Gratuito',
  deadline: { days: 15, kind: 'calendar' },
  delivery: ['online', 'presencial'],
  area: ['Coordenadoria de Eventos'],
  address: 'Pelo portal, ou na sede do órgão em Porto Velho (RO).',
  hours: 'Dias úteis, das 8h às 14h.',
  legalBasis: 'Decreto estadual nº 1.234/2020.',
  lgpdBasis: 'Execução de políticas públicas (art. 7º, III, LGPD).',
};

describe('service charter (managers)', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  const create = async (body: Record<string, unknown> = {}, as = 'manager') => {
    const res = await t.call('POST', '/api/services', { as, body: { institutionId: t.fx.instA, ...COMPLETE, ...body } });
    assert.equal(res.status, 201, JSON.stringify(await res.clone().json()));
    return { id: (await res.clone().json()).serviceId as number, etag: res.headers.get('ETag')!, body: await res.json() };
  };
  const publicList = async (query = '') => (await (await t.call('GET', `/api/services${query}`)).json()).items as { id: number; name: string }[];

  test('create → edit → publish: the citizen then finds it and reads every part', async () => {
    const res = await t.call('POST', '/api/services', { as: 'manager', body: { institutionId: t.fx.instA, name: '  Licença de evento  ' } });
    assert.equal(res.status, 201);
    const created = await res.json();
    assert.equal(res.headers.get('ETag'), `"${created.versionId}.1"`);
    assert.equal(res.headers.get('Location'), `/api/services/${created.serviceId}/versions/1`);
    assert.equal(created.version, 1);
    assert.equal(created.state, 'draft');
    assert.equal(created.serviceStatus, 'draft');
    assert.equal(created.entry.name, 'Licença de evento', 'trimmed');
    assert.equal(created.entry.deadline, null);
    assert.equal(created.createdBy.id, t.fx.users.manager.id);
    assert.ok(created.missing.length > 5, 'a name alone lacks most of what the law asks');
    const id = created.serviceId;
    assert.equal((await t.call('GET', `/api/services/${id}`)).status, 404, 'a draft is not public');
    assert.ok(!(await publicList()).some((s) => s.id === id));

    const { name: _name, ...parts } = COMPLETE;
    const patched = await t.call('PATCH', `/api/services/${id}`, { as: 'manager', headers: { 'If-Match': res.headers.get('ETag')! }, body: parts });
    assert.equal(patched.status, 200);
    const edited = await patched.json();
    assert.equal(patched.headers.get('ETag'), `"${created.versionId}.2"`);
    assert.equal(edited.revision, 2);
    assert.equal(edited.version, 1, 'a draft is edited in place');
    assert.deepEqual(edited.missing, []);
    assert.deepEqual(edited.entry.steps, COMPLETE.steps);

    const published = await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' });
    assert.equal(published.status, 200);
    const current = await published.json();
    assert.equal(current.state, 'current');
    assert.equal(current.serviceStatus, 'published');
    assert.equal(current.publishedBy.id, t.fx.users.manager.id);
    assert.ok(current.publishedAt);

    const detail = await (await t.call('GET', `/api/services/${id}`)).json();
    assert.equal(detail.name, 'Licença de evento');
    assert.equal(detail.requirements, COMPLETE.requirements);
    assert.equal(detail.address, COMPLETE.address);
    assert.equal(detail.hours, COMPLETE.hours);
    assert.equal(detail.lgpdBasis, COMPLETE.lgpdBasis);
    assert.deepEqual(detail.deadline, COMPLETE.deadline);
    assert.deepEqual(
      detail.steps.map((s: { title: string }) => s.title),
      COMPLETE.steps,
    );
    assert.deepEqual(detail.fields, COMPLETE.fields);
    assert.ok((await publicList(`?institutionId=${t.fx.instA}`)).some((s) => s.id === id));
    assert.ok(!(await publicList(`?institutionId=${t.fx.instB}`)).some((s) => s.id === id));
  });

  test('the public search ignores accents and case', async () => {
    const { id } = await create({ name: 'Emissão de Certidão Ambiental' });
    assert.equal((await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' })).status, 200);
    for (const q of ['certidao ambiental', 'EMISSÃO', 'emissao de certidão', 'ambiental', 'ambiental emissao', 'certidão ambiental emissão']) {
      assert.ok(
        (await publicList(`?q=${encodeURIComponent(q)}`)).some((s) => s.id === id),
        q,
      );
    }
    assert.ok(!(await publicList('?q=inexistente')).some((s) => s.id === id));
  });

  test('every kind of form field is accepted', async () => {
    const fields = [
      { code: 'nome', label: 'Nome', datatype: 'string', required: true },
      { code: 'relato', label: 'Relato', datatype: 'text', required: false, description: 'Conte o que aconteceu.' },
      { code: 'quantidade', label: 'Quantidade', datatype: 'number', required: false },
      { code: 'nascimento', label: 'Data de nascimento', datatype: 'datetime', format: 'date', required: true },
      { code: 'cpf', label: 'CPF', datatype: 'string', format: 'cpf', required: true },
      { code: 'email', label: 'E-mail', datatype: 'string', format: 'email', required: false },
      { code: 'telefone', label: 'Telefone', datatype: 'string', format: 'phone', required: false },
      { code: 'cep', label: 'CEP', datatype: 'string', format: 'cep', required: false },
      { code: 'motivo', label: 'Motivo', datatype: 'singlevaluelist', values: ['Perda', 'Roubo'], required: true },
      { code: 'avisos', label: 'Avisos por', datatype: 'multivaluelist', values: ['E-mail', 'SMS'], required: false },
    ];
    const { body } = await create({ fields });
    assert.deepEqual(body.entry.fields, fields);
    assert.deepEqual(body.missing, []);
  });

  test('bad field definitions are refused with field errors, and nothing is stored', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('service_versions')
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const f = (x: Record<string, unknown>) => ({ code: 'campo', label: 'Campo', datatype: 'string', required: false, ...x });
    const cases: [string, Record<string, unknown>, string][] = [
      ['unknown datatype', { fields: [f({ datatype: 'color' })] }, 'fields.0.datatype'],
      ['bad code', { fields: [f({ code: 'Código Inválido' })] }, 'fields.0.code'],
      ['choice without options', { fields: [f({ datatype: 'singlevaluelist' })] }, 'fields.0.values'],
      ['multiple choice with empty options', { fields: [f({ datatype: 'multivaluelist', values: [] })] }, 'fields.0.values'],
      ['options on a number', { fields: [f({ datatype: 'number', values: ['1'] })] }, 'fields.0.values'],
      ['duplicated codes', { fields: [f({}), f({ label: 'Outro' })] }, 'fields.1.code'],
      ['format on the wrong datatype', { fields: [f({ datatype: 'number', format: 'cpf' })] }, 'fields.0.format'],
      ['date format on short text', { fields: [f({ format: 'date' })] }, 'fields.0.format'],
      ['unknown format', { fields: [f({ format: 'rg' })] }, 'fields.0.format'],
      ['NUL in a label', { fields: [f({ label: 'Cam\u0000po' })] }, 'fields.0.label'],
      ['NUL in a step', { steps: ['Etapa\u0000'] }, 'steps.0'],
      ['oversized label', { fields: [f({ label: 'x'.repeat(201) })] }, 'fields.0.label'],
      ['oversized description', { description: 'x'.repeat(5001) }, 'description'],
      ['blank name', { name: '   ' }, 'name'],
      ['duplicated documents', { documents: [{ name: 'RG' }, { name: 'rg' }] }, 'documents.1.name'],
      ['unknown document format', { documents: [{ name: 'RG', formats: ['exe'] }] }, 'documents.0.formats.0'],
      ['unknown channel', { delivery: ['telefone'] }, 'delivery.0'],
      ['deadline of 0 days', { deadline: { days: 0, kind: 'business' } }, 'deadline.days'],
      ['deadline of another kind', { deadline: { days: 5, kind: 'weeks' } }, 'deadline.kind'],
    ];
    const { id, etag } = await create();
    for (const [what, body, key] of cases) {
      for (const [method, path, extra] of [
        ['POST', '/api/services', { institutionId: t.fx.instA, name: 'Serviço' }],
        ['PATCH', `/api/services/${id}`, {}],
      ] as const) {
        const res = await t.call(method, path, { as: 'manager', body: { ...extra, ...body }, headers: method === 'PATCH' ? { 'If-Match': etag } : {} });
        assert.equal(res.status, 400, `${method} ${what}`);
        assert.match(res.headers.get('Content-Type') ?? '', /application\/problem\+json/);
        const problem = await res.json();
        assert.ok(problem.errors?.[key], `${method} ${what}: ${JSON.stringify(problem.errors)}`);
      }
    }
    assert.equal(await count(), before + 1, 'only the service created for the test');
    const version = await (await t.call('GET', `/api/services/${id}/versions/1`, { as: 'manager' })).json();
    assert.equal(version.revision, 1, 'no refused edit touched the draft');
  });

  test('publishing a draft that lacks parts is refused, naming every missing part; nothing is published', async () => {
    const res = await t.call('POST', '/api/services', {
      as: 'manager',
      body: { institutionId: t.fx.instA, name: 'Serviço incompleto', fields: [COMPLETE.fields[0]], hours: 'Dias úteis.' },
    });
    const { serviceId: id } = await res.json();
    const refused = await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' });
    assert.equal(refused.status, 409);
    assert.match(refused.headers.get('Content-Type') ?? '', /application\/problem\+json/);
    const problem = await refused.json();
    const expected = ['description', 'audience', 'requirements', 'steps', 'cost', 'deadline', 'delivery', 'area', 'address', 'legalBasis', 'lgpdBasis'];
    assert.deepEqual(Object.keys(problem.errors), expected);
    for (const part of expected) {
      assert.ok(problem.detail.includes(CHARTER_PARTS[part as keyof typeof CHARTER_PARTS]), part);
      assert.ok(problem.errors[part].startsWith(CHARTER_PARTS[part as keyof typeof CHARTER_PARTS]), part);
    }
    assert.ok(!('hours' in problem.errors), 'the opening hours are optional');
    const version = await (await t.call('GET', `/api/services/${id}/versions/1`, { as: 'manager' })).json();
    assert.deepEqual(
      version.missing.map((m: { part: string }) => m.part),
      expected,
    );
    assert.equal(version.state, 'draft');
    assert.equal((await t.call('GET', `/api/services/${id}`)).status, 404);
    // Filled in one part at a time: refused until the last one.
    const { name: _n, hours: _h, ...rest } = COMPLETE;
    const entries = Object.entries(rest);
    for (const [k, [part, value]] of entries.entries()) {
      assert.equal((await t.call('PATCH', `/api/services/${id}`, { as: 'manager', body: { [part]: value } })).status, 200, part);
      const p = await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' });
      assert.equal(p.status, k === entries.length - 1 ? 200 : 409, part);
    }
  });

  test('unpublish needs a reason; a withdrawn service refuses filings and leaves the public charter; republishing brings it back', async () => {
    const { id } = await create({ name: 'Serviço a retirar', fields: [], documents: [] });
    assert.equal((await t.call('POST', `/api/services/${id}/unpublish`, { as: 'manager', body: { reason: 'Ainda não publicado.' } })).status, 409);
    assert.equal((await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' })).status, 200);
    const filing = { serviceId: id, formData: {}, documents: [] };
    assert.equal((await t.call('POST', '/api/requests', { as: 'citizen', body: filing })).status, 201);
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(2001) }, { reason: 'a\u0000b' }]) {
      const res = await t.call('POST', `/api/services/${id}/unpublish`, { as: 'manager', body });
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 40));
      assert.ok((await res.json()).errors.reason);
    }
    const withdrawn = await t.call('POST', `/api/services/${id}/unpublish`, { as: 'manager', body: { reason: '  Serviço suspenso por decreto.  ' } });
    assert.equal(withdrawn.status, 200);
    assert.equal((await withdrawn.json()).serviceStatus, 'unpublished');
    assert.equal((await t.call('POST', `/api/services/${id}/unpublish`, { as: 'manager', body: { reason: 'De novo.' } })).status, 409);

    const refused = await t.call('POST', '/api/requests', { as: 'citizen', body: filing });
    assert.equal(refused.status, 400);
    assert.ok((await refused.json()).errors.serviceId);
    assert.equal((await t.call('GET', `/api/services/${id}`)).status, 404);
    assert.ok(!(await publicList()).some((s) => s.id === id));
    const mine = await (await t.call('GET', `/api/services?drafts=true&institutionId=${t.fx.instA}`, { as: 'manager' })).json();
    assert.equal(mine.items.find((s: { id: number }) => s.id === id).status, 'unpublished');
    const history = await (await t.call('GET', `/api/services/${id}/versions`, { as: 'manager' })).json();
    assert.equal(history.service.status, 'unpublished');
    assert.equal(history.service.unpublishedReason, 'Serviço suspenso por decreto.');
    assert.ok(history.service.unpublishedAt);
    assert.equal(history.items[0].state, 'current', 'the last version stays current while withdrawn');

    const republished = await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' });
    assert.equal(republished.status, 200);
    assert.equal((await republished.json()).version, 1, 'the same version, published again');
    assert.equal((await t.call('POST', '/api/requests', { as: 'citizen', body: filing })).status, 201);
    assert.ok((await publicList()).some((s) => s.id === id));
    assert.equal((await (await t.call('GET', `/api/services/${id}/versions`, { as: 'manager' })).json()).service.unpublishedReason, null);
    const nothing = await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' });
    assert.equal(nothing.status, 409, 'published, without a draft: nothing to publish');
  });

  test('editing a published service makes a new draft version; the public keeps the published one until it is published', async () => {
    const { id } = await create({ name: 'Serviço versionado' });
    await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' });
    const v1 = await t.call('GET', `/api/services/${id}/versions/1`, { as: 'manager' });
    const res = await t.call('PATCH', `/api/services/${id}`, { as: 'manager', headers: { 'If-Match': v1.headers.get('ETag')! }, body: { cost: 'R$ 50,00' } });
    assert.equal(res.status, 200);
    const draft = await res.json();
    assert.equal(draft.version, 2);
    assert.equal(draft.state, 'draft');
    assert.equal(draft.entry.cost, 'R$ 50,00');
    assert.equal(draft.entry.name, 'Serviço versionado', 'a copy of the current version with the change');
    assert.equal((await (await t.call('GET', `/api/services/${id}`)).json()).cost, 'Gratuito', 'the public still reads version 1');
    const listed = await (await t.call('GET', `/api/services?drafts=true&institutionId=${t.fx.instA}`, { as: 'manager' })).json();
    assert.equal(listed.items.find((s: { id: number }) => s.id === id).hasDraft, true);
    assert.equal((await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' })).status, 200);
    assert.equal((await (await t.call('GET', `/api/services/${id}`)).json()).cost, 'R$ 50,00');
    const after = await (await t.call('GET', `/api/services?drafts=true&institutionId=${t.fx.instA}`, { as: 'manager' })).json();
    assert.equal(after.items.find((s: { id: number }) => s.id === id).hasDraft, false);
  });

  test('two concurrent edits of one draft with the same If-Match: one wins, the other gets 412, nothing is overwritten', async () => {
    const { id, etag } = await create({ name: 'Serviço disputado' });
    const [a, b] = await Promise.all([
      t.call('PATCH', `/api/services/${id}`, { as: 'manager', headers: { 'If-Match': etag }, body: { cost: 'R$ 10,00', steps: ['Etapa de A'] } }),
      t.call('PATCH', `/api/services/${id}`, { as: 'manager', headers: { 'If-Match': etag }, body: { cost: 'R$ 20,00', steps: ['Etapa de B'] } }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 412]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    const won = await winner.json();
    const problem = await loser.json();
    assert.match(loser.headers.get('Content-Type') ?? '', /application\/problem\+json/);
    assert.match(problem.detail, /mudou desde que você o abriu/);
    const now = await t.call('GET', `/api/services/${id}/versions/1`, { as: 'manager' });
    const draft = await now.json();
    assert.equal(draft.revision, 2, 'one edit only');
    assert.equal(draft.entry.cost, won.entry.cost);
    assert.deepEqual(draft.entry.steps, won.entry.steps);
    assert.equal(now.headers.get('ETag'), winner.headers.get('ETag'));
    // The loser reloads and edits with the new ETag.
    const retry = await t.call('PATCH', `/api/services/${id}`, {
      as: 'manager',
      headers: { 'If-Match': now.headers.get('ETag')! },
      body: { cost: 'R$ 30,00' },
    });
    assert.equal(retry.status, 200);
    // A stale ETag also refuses publishing; a published version's ETag refuses editing a newer draft.
    assert.equal((await t.call('POST', `/api/services/${id}/publish`, { as: 'manager', headers: { 'If-Match': etag } })).status, 412);
    assert.equal((await t.call('POST', `/api/services/${id}/publish`, { as: 'manager', headers: { 'If-Match': retry.headers.get('ETag')! } })).status, 200);
    const current = await t.call('GET', `/api/services/${id}/versions/1`, { as: 'manager' });
    const draft2 = await t.call('PATCH', `/api/services/${id}`, {
      as: 'manager',
      headers: { 'If-Match': current.headers.get('ETag')! },
      body: { cost: 'R$ 40,00' },
    });
    assert.equal(draft2.status, 200);
    const stale = await t.call('PATCH', `/api/services/${id}`, {
      as: 'manager',
      headers: { 'If-Match': current.headers.get('ETag')! },
      body: { cost: 'R$ 50,00' },
    });
    assert.equal(stale.status, 412, 'a draft now exists: the current version is not what gets edited');
    assert.equal((await (await t.call('GET', `/api/services/${id}/versions/2`, { as: 'manager' })).json()).entry.cost, 'R$ 40,00');
  });

  test('a malformed If-Match is a 400 problem', async () => {
    const { id } = await create({ name: 'Serviço com ETag' });
    for (const header of ['amanhã', '"3"', '"a.b"', '"1.2.3"', '*']) {
      const res = await t.call('PATCH', `/api/services/${id}`, { as: 'manager', headers: { 'If-Match': header }, body: { cost: 'x' } });
      assert.equal(res.status, 400, header);
      assert.ok((await res.json()).errors['If-Match']);
    }
  });

  test('the version history says who created and who published each version, and when; newest first', async () => {
    const { id } = await create({ name: 'Serviço com histórico' });
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' });
    await t.call('PATCH', `/api/services/${id}`, { as: 'manager', body: { name: 'Serviço com histórico (v2)' } });
    const res = await t.call('GET', `/api/services/${id}/versions`, { as: 'manager' });
    assert.equal(res.status, 200);
    const { service, items } = await res.json();
    assert.equal(service.id, id);
    assert.equal(service.institution.id, t.fx.instA);
    assert.equal(service.status, 'published');
    assert.deepEqual(
      items.map((v: { version: number; state: string; name: string }) => [v.version, v.state, v.name]),
      [
        [2, 'draft', 'Serviço com histórico (v2)'],
        [1, 'current', 'Serviço com histórico'],
      ],
    );
    const [v2, v1] = items;
    const manager = { id: t.fx.users.manager.id, name: 'Pessoa manager' };
    assert.deepEqual(v1.createdBy, manager);
    assert.deepEqual(v1.publishedBy, manager);
    assert.ok(Date.parse(v1.publishedAt) > Date.parse(v1.createdAt), 'published a minute after it was created');
    assert.deepEqual(v2.createdBy, manager);
    assert.equal(v2.publishedAt, null);
    assert.equal(v2.publishedBy, null);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'data', 'request_id'])
      .where('request_id', 'is', null)
      .where('action', 'like', 'service_%')
      .orderBy('id')
      .execute();
    const mine = audit.filter((e) => JSON.parse(e.data!).serviceId === id);
    assert.deepEqual(
      mine.map((e) => [e.action, JSON.parse(e.data!).version, e.actor_id]),
      [
        ['service_create', 1, t.fx.users.manager.id],
        ['service_publish', 1, t.fx.users.manager.id],
        ['service_edit', 2, t.fx.users.manager.id],
      ],
    );
  });

  test('the diff of two versions, field by field', async () => {
    const { id } = await create({ name: 'Serviço comparado' });
    await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' });
    await t.call('PATCH', `/api/services/${id}`, {
      as: 'manager',
      body: {
        steps: ['Conferir o projeto', 'Conferir a agenda do local', 'Emitir a licença'],
        fields: [
          { ...COMPLETE.fields[0], label: 'CPF' },
          { code: 'publico', label: 'Público estimado', datatype: 'number', required: true },
        ],
        documents: [{ name: 'Projeto do evento', required: false, formats: ['pdf'] }],
      },
    });
    const res = await t.call('GET', `/api/services/${id}/versions/1/diff/2`, { as: 'manager' });
    assert.equal(res.status, 200);
    const diff = await res.json();
    assert.equal(diff.from, 1);
    assert.equal(diff.to, 2);
    assert.deepEqual(
      diff.changes.map((c: { path: string; label: string }) => [c.path, c.label]),
      [
        ['documents.Projeto do evento.required', 'Documentos › Projeto do evento › Obrigatório'],
        ['steps.2', 'Etapas › 2'],
        ['steps.3', 'Etapas › 3'],
        ['fields.cpf.label', 'Campos do formulário › CPF › Rótulo'],
        ['fields.publico', 'Campos do formulário › Público estimado'],
        ['fields.data_evento', 'Campos do formulário › Data do evento'],
      ],
    );
    const label = diff.changes.find((c: { path: string }) => c.path === 'fields.cpf.label');
    assert.deepEqual([label.before, label.after], ['CPF do responsável', 'CPF']);
    const back = await (await t.call('GET', `/api/services/${id}/versions/2/diff/1`, { as: 'manager' })).json();
    assert.equal(back.changes.length, diff.changes.length, 'the other way round, as many changes');
    assert.deepEqual((await (await t.call('GET', `/api/services/${id}/versions/1/diff/1`, { as: 'manager' })).json()).changes, []);
    assert.equal((await t.call('GET', `/api/services/${id}/versions/1/diff/9`, { as: 'manager' })).status, 404);
    assert.equal((await t.call('GET', `/api/services/${id}/versions/9`, { as: 'manager' })).status, 404);
  });

  test('only the institution’s managers edit its charter: its attendants 403, another institution’s people 404, citizens 404, no token 401', async () => {
    const { id, etag } = await create({ name: 'Serviço protegido' });
    await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' });
    await t.call('PATCH', `/api/services/${id}`, { as: 'manager', body: { cost: 'R$ 1,00' } });
    const routes: [string, string, unknown?][] = [
      ['PATCH', `/api/services/${id}`, { cost: 'R$ 2,00' }],
      ['POST', `/api/services/${id}/publish`],
      ['POST', `/api/services/${id}/unpublish`, { reason: 'Teste.' }],
      ['GET', `/api/services/${id}/versions`],
      ['GET', `/api/services/${id}/versions/1`],
      ['GET', `/api/services/${id}/versions/1/diff/2`],
    ];
    const expected = { none: 401, citizen: 404, attendant: 403, attendantFiler: 403, managerB: 404, attendantB: 404 };
    for (const [method, path, body] of routes) {
      for (const [who, status] of Object.entries(expected)) {
        const res = await t.call(method, path, { as: who === 'none' ? undefined : who, body, headers: method === 'PATCH' ? { 'If-Match': etag } : {} });
        assert.equal(res.status, status, `${method} ${path} as ${who}`);
        assert.match(res.headers.get('Content-Type') ?? '', /application\/problem\+json/);
      }
    }
    const draft = await (await t.call('GET', `/api/services/${id}/versions/2`, { as: 'manager' })).json();
    assert.equal(draft.entry.cost, 'R$ 1,00', 'nobody else changed it');
    assert.equal(draft.serviceStatus, 'published');
    // Creating: a manager of the body's institution only.
    for (const [who, status] of Object.entries({ none: 401, citizen: 403, attendant: 403, managerB: 403 })) {
      const res = await t.call('POST', '/api/services', { as: who === 'none' ? undefined : who, body: { institutionId: t.fx.instA, name: 'Intruso' } });
      assert.equal(res.status, status, `create as ${who}`);
    }
    assert.equal((await t.call('POST', '/api/services', { as: 'managerB', body: { institutionId: t.fx.instB, name: 'Da SEFAZ' } })).status, 201);
    assert.equal((await t.call('PATCH', '/api/services/999999', { as: 'manager', body: {} })).status, 404);
  });

  test('a manager’s list (drafts=true) has the institution’s drafts and withdrawn services; others are refused', async () => {
    const { id } = await create({ name: 'Rascunho listado' });
    const res = await t.call('GET', `/api/services?drafts=true&institutionId=${t.fx.instA}&q=rascunho`, { as: 'manager' });
    assert.equal(res.status, 200);
    const item = (await res.json()).items.find((s: { id: number }) => s.id === id);
    assert.equal(item.status, 'draft');
    assert.equal(item.hasDraft, true);
    assert.equal(item.name, 'Rascunho listado');
    const publicItems = (await (await t.call('GET', `/api/services?institutionId=${t.fx.instA}`, { as: 'manager' })).json()).items;
    assert.ok(!publicItems.some((s: { id: number }) => s.id === id), 'without drafts=true, the published charter only');
    assert.ok(publicItems.every((s: { hasDraft?: boolean }) => s.hasDraft === undefined));
    for (const [who, status] of Object.entries({ attendant: 403, managerB: 403, citizen: 403 })) {
      assert.equal((await t.call('GET', `/api/services?drafts=true&institutionId=${t.fx.instA}`, { as: who })).status, status, who);
    }
    assert.equal((await t.call('GET', `/api/services?drafts=true&institutionId=${t.fx.instA}`)).status, 401);
    assert.equal((await t.call('GET', '/api/services?drafts=true', { as: 'manager' })).status, 400);
    assert.equal((await t.call('GET', '/api/services?drafts=talvez', { as: 'manager' })).status, 400);
  });

  test('a service created with everything filled in may be published at once; filing uses its fields', async () => {
    const { id } = await create({ name: 'Serviço completo' });
    assert.equal((await t.call('POST', `/api/services/${id}/publish`, { as: 'manager' })).status, 200);
    const missing = await t.call('POST', '/api/requests', { as: 'citizen', body: { serviceId: id, formData: {}, documents: [] } });
    assert.equal(missing.status, 400);
    assert.deepEqual(Object.keys((await missing.json()).errors).sort(), ['documents.Projeto do evento', 'formData.cpf', 'formData.data_evento']);
    const ok = filingBody(id, { data_evento: '2026-12-20' });
    ok.documents[0].label = 'Projeto do evento';
    delete (ok.formData as Record<string, unknown>).motivo;
    assert.equal((await t.call('POST', '/api/requests', { as: 'citizen', body: ok })).status, 201);
  });
});
