// The benchmark's synthetic world, deterministic for a given size: 5
// institutions, ~40 services (versions and steps), ~50 staff with
// memberships, up to 100,000 citizens, and a stream of requests filed over two
// years whose status depends on their age (recent ones still in the queue,
// old ones mostly concluded or evaluated). Rows are plain arrays in the column
// order of `COLUMNS`, so one generator feeds both SQLite and PostgreSQL.
// Columns a database does not have (an older schema) are left out on insert.
import type { Deadline, RequestStatus, ServiceField } from '../contract/types.js';
import { DEFAULT_TIME_ZONE, localDate } from '../contract/time.js';
import { defaultHolidays, dueDate } from '../bff/domain/deadlines.js';
import { nameTerms, normalizeSearch } from '../db/queries/search.js';
import { type CharterService, loadCharter } from '../seed/demo-seed.js';
import { prng } from '../seed/demo-seed.js';

/** Bump when the shape of generated data changes: cached databases are regenerated. */
export const GENERATOR_VERSION = 4;

export const MIN = 60_000;
export const DAY = 24 * 60 * MIN;
export const SPAN_DAYS = 730;

type Col = [name: string, type: 'int' | 'text'];
const cols = (spec: string): Col[] => spec.split(' ').map((c) => (c.endsWith(':i') ? [c.slice(0, -2), 'int'] : [c, 'text']));

/** Every table the generator fills, with its columns (int or text) in row order. */
export const COLUMNS = {
  institutions: cols('id:i acronym name units'),
  users: cols('id:i sub name email created_at'),
  memberships: cols('id:i user_id:i institution_id:i role unit granted_by:i granted_at ordinance revoked_at'),
  services: cols('id:i institution_id:i status published_version_id:i created_at updated_at'),
  service_versions: cols(
    'id:i service_id:i version:i name description audience legal_basis lgpd_basis cost delivery area deadline_days:i deadline_kind fields documents created_at published_at',
  ),
  service_steps: cols('id:i service_version_id:i position:i title'),
  protocol_counters: cols('year:i last:i'),
  requests: cols(
    'id:i protocol institution_id:i service_id:i service_version_id:i citizen_id:i citizen_name search_text form_data status assignee_id:i filed_at due_at paused_at decided_at justification concluded_at conclusion version:i updated_at resume_status evaluation_id:i',
  ),
  step_answers: cols('request_id:i step_id:i answer note answered_by:i answered_at'),
  evaluations: cols(
    'id:i request_id:i institution_id:i service_id:i verdict rating:i comment status moderated_by:i moderated_at moderation_reason published_text created_at',
  ),
  request_terms: cols('institution_id:i term request_id:i'),
} satisfies Record<string, Col[]>;
export type Table = keyof typeof COLUMNS;
export type Row = unknown[];

export { prng };
type Rng = ReturnType<typeof prng>;

const FIRST = (
  'Maria Ana Francisca Antônia Adriana Juliana Márcia Fernanda Patrícia Aline Sandra Camila Amanda Bruna Jéssica ' +
  'Letícia Júlia Luciana Vanessa Mariana Gabriela Beatriz Larissa Helena Sofia José João Antônio Francisco Carlos Paulo Pedro ' +
  'Lucas Luiz Marcos Luís Gabriel Rafael Daniel Marcelo Bruno Eduardo Felipe Raimundo Rodrigo Sebastião Otávio Thiago Caio'
).split(' ');
const LAST = (
  'Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho Almeida ' +
  'Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso ' +
  'Ramos Gonçalves Santana Teixeira Araújo Cavalcanti Monteiro Moura Batista Pinto Correia Brandão Conceição Sampaio'
).split(' ');

function personName(r: Rng): string {
  const parts = [r.pick(FIRST)];
  if (r.chance(0.35)) parts.push(r.pick(FIRST));
  if (r.chance(0.6)) parts.push(r.pick(LAST));
  parts.push(r.pick(LAST));
  return parts.join(' ');
}
const slug = (s: string) => normalizeSearch(s).replace(/[^a-z0-9]+/g, '.');

const INSTITUTIONS = [
  {
    acronym: 'DETRAN',
    weight: 40,
    attendants: 16,
    extra: [
      'Renovação da Carteira Nacional de Habilitação',
      'Mudança de categoria da CNH',
      'Licenciamento anual de veículo',
      'Segunda via do CRLV',
      'Recurso à JARI',
      'Baixa de veículo',
      'Alteração de características do veículo',
      'Permissão Internacional para Dirigir',
      'Cadastro de condutor estrangeiro',
    ],
  },
  {
    acronym: 'SEFIN',
    weight: 20,
    attendants: 8,
    extra: ['Emissão de DAE avulso', 'Restituição de ICMS', 'Consulta de débitos de ITCMD', 'Isenção de IPVA para táxi', 'Cadastro de contribuinte do ICMS'],
  },
  {
    acronym: 'SEDUC',
    weight: 20,
    attendants: 8,
    extra: [
      'Revalidação de diploma estrangeiro do ensino médio',
      'Certificado de conclusão do ensino fundamental',
      'Matrícula na educação de jovens e adultos',
      'Solicitação de transporte escolar',
      'Segunda via de diploma',
    ],
  },
  {
    acronym: 'SESA',
    name: 'Secretaria de Estado da Saúde',
    units: ['Coordenadoria de Assistência Farmacêutica', 'Central de Regulação'],
    weight: 14,
    attendants: 7,
    extra: [
      'Medicamentos do componente especializado',
      'Tratamento fora do domicílio',
      'Segunda via do cartão de vacinação',
      'Licença sanitária estadual',
      'Reclamação à ouvidoria do SUS',
      'Cadastro de doador de medula óssea',
      'Regulação de consulta especializada',
    ],
  },
  { acronym: 'CASA CIVIL', weight: 6, attendants: 3, extra: ['Cessão de uso de espaço do Palácio'] },
];

export interface Version {
  id: number;
  publishedAt: number;
  deadline: Deadline;
  steps: number[];
  forms: string[];
}
export interface Service {
  id: number;
  institutionId: number;
  versions: Version[];
}
export interface World {
  now: number;
  rows: Partial<Record<Table, Row[]>>;
  institutions: { id: number; weight: number; services: Service[]; attendants: number[] }[];
  citizens: { id: number; name: string; norm: string; terms: string[] }[];
  holidays: Set<string>;
}

/** Value pools for form fields, so form_data has the size and shape of real ones. */
function formValue(f: ServiceField, r: Rng, now: number): unknown {
  const d = () => String(r.int(0, 9));
  if (f.datatype === 'singlevaluelist') return r.pick(f.values ?? ['']);
  if (f.datatype === 'multivaluelist') return [r.pick(f.values ?? [''])];
  if (f.format === 'cpf') return `${d()}${d()}${d()}.${d()}${d()}${d()}.${d()}${d()}${d()}-${d()}${d()}`;
  if (f.format === 'email') return `${slug(personName(r))}@exemplo.com.br`;
  if (f.format === 'phone') return `(${r.int(11, 99)}) 9${r.int(1000, 9999)}-${r.int(1000, 9999)}`;
  if (f.format === 'cep') return `${r.int(10000, 99999)}-${r.int(100, 999)}`;
  if (f.format === 'date' || f.datatype === 'datetime') return localDate(new Date(now - r.int(1, 700) * DAY), DEFAULT_TIME_ZONE);
  if (f.datatype === 'number') return /ano|exercicio/.test(f.code) ? r.int(2010, 2026) : f.code === 'valor' ? r.int(80, 900) * 100 : r.int(1, 12);
  if (f.datatype === 'text') return `Informo que ${f.label.toLowerCase()} segue conforme os documentos anexos; peço a análise com brevidade.`;
  if (f.code.startsWith('nome') || f.code === 'estudante') return personName(r);
  return `${f.label} ${r.int(100000, 999999)}`;
}

/** The deterministic world for a database of `n` requests, as of `now`. */
export function buildWorld(n: number, now: number): World {
  const r = prng(5_2026);
  const charter = loadCharter().institutions;
  const allTemplates = charter.flatMap((i) => i.services);
  const iso = (t: number) => new Date(t).toISOString();
  const rows: World['rows'] = { institutions: [], users: [], memberships: [], services: [], service_versions: [], service_steps: [] };
  const world: World = { now, rows, institutions: [], citizens: [], holidays: defaultHolidays(new Date(now)) };
  const users = rows.users!;
  const staffAt = iso(now - (SPAN_DAYS + 100) * DAY);
  users.push([1, 'bench.admin', 'Administrador do Benchmark', 'admin@exemplo.gov.br', staffAt]);
  let userId = 1,
    membershipId = 0,
    serviceId = 0,
    versionId = 0,
    stepId = 0;
  const member = (user: number, inst: number, role: string, unit: string | null, by: number | null) =>
    rows.memberships!.push([++membershipId, user, inst, role, unit, by, staffAt, role === 'manager' ? `Portaria nº ${100 + inst}/2024` : null, null]);
  member(1, 1, 'admin', null, null);

  INSTITUTIONS.forEach((def, k) => {
    const id = k + 1;
    const fromCharter = charter.find((c) => c.acronym === def.acronym);
    const units = fromCharter?.units ?? def.units ?? ['Atendimento'];
    rows.institutions!.push([id, def.acronym, fromCharter?.name ?? def.name ?? def.acronym, JSON.stringify(units)]);
    const inst = { id, weight: def.weight, services: [] as Service[], attendants: [] as number[] };
    world.institutions.push(inst);
    const slugA = slug(def.acronym);
    const manager = ++userId;
    users.push([manager, `bench.gestor.${slugA}`, personName(r), `gestor.${slugA}@exemplo.gov.br`, staffAt]);
    member(manager, id, 'manager', units[0], 1);
    for (let a = 1; a <= def.attendants; a++) {
      const u = ++userId;
      users.push([u, `bench.atendente.${slugA}.${a}`, personName(r), `atendente${a}.${slugA}@exemplo.gov.br`, staffAt]);
      member(u, id, 'attendant', units[a % units.length], manager);
      inst.attendants.push(u);
    }
    const own = fromCharter?.services ?? [];
    const defs: [string, CharterService][] = [
      ...own.map((s): [string, CharterService] => [s.name, s]),
      ...def.extra.map((name, j): [string, CharterService] => [name, own.length ? own[j % own.length] : allTemplates[(j * 5) % allTemplates.length]]),
    ];
    defs.forEach(([name, t], j) => {
      const svc: Service = { id: ++serviceId, institutionId: id, versions: [] };
      const created = now - (SPAN_DAYS + 60) * DAY + j * DAY;
      const deadline: Deadline = own.includes(t) ? t.deadline : { days: r.pick([2, 5, 10, 15, 30]), kind: r.pick(['business', 'calendar'] as const) };
      const count = j % 3 === 0 ? 2 : 1;
      for (let v = 1; v <= count; v++) {
        const publishedAt = v === 1 ? created : now - r.int(200, 400) * DAY;
        const steps = v === 1 ? t.steps : [...t.steps, 'Comunicar o resultado ao requerente pelo portal'];
        const fields = t.fields;
        const ver: Version = { id: ++versionId, publishedAt, deadline, steps: [], forms: [] };
        rows.service_versions!.push([
          ver.id,
          svc.id,
          v,
          name,
          t.description,
          t.audience,
          t.legalBasis,
          t.lgpdBasis,
          t.cost,
          JSON.stringify(t.delivery),
          JSON.stringify(t.area),
          deadline.days,
          deadline.kind,
          JSON.stringify(fields),
          JSON.stringify(t.documents),
          iso(publishedAt - DAY),
          iso(publishedAt),
        ]);
        steps.forEach((title, p) => {
          rows.service_steps!.push([++stepId, ver.id, p + 1, title]);
          ver.steps.push(stepId);
        });
        for (let f = 0; f < 12; f++) {
          ver.forms.push(JSON.stringify(Object.fromEntries(fields.filter((x) => x.required || r.chance(0.6)).map((x) => [x.code, formValue(x, r, now)]))));
        }
        svc.versions.push(ver);
      }
      const latest = svc.versions.at(-1)!;
      rows.services!.push([svc.id, id, 'published', latest.id, iso(created - DAY), iso(latest.publishedAt)]);
      inst.services.push(svc);
    });
  });

  const citizens = Math.max(50, Math.min(100_000, Math.round(n / 10)));
  for (let c = 0; c < citizens; c++) {
    const id = ++userId;
    const name = personName(r);
    users.push([id, `bench.cidadao.${c + 1}`, name, `${slug(name)}.${c + 1}@exemplo.com.br`, iso(now - r.int(SPAN_DAYS, SPAN_DAYS + 400) * DAY)]);
    world.citizens.push({ id, name, norm: normalizeSearch(name), terms: nameTerms(name) });
  }
  return world;
}

// Status by age: [max age in days, weights of submitted, in_analysis,
// in_service, awaiting_citizen, rejected, concluded, evaluated].
const STATUSES: RequestStatus[] = ['submitted', 'in_analysis', 'in_service', 'awaiting_citizen', 'rejected', 'concluded', 'evaluated'];
const BY_AGE: [number, number[]][] = [
  [1, [90, 10, 0, 0, 0, 0, 0]],
  [7, [45, 20, 20, 5, 5, 5, 0]],
  [30, [15, 10, 25, 8, 10, 22, 10]],
  [90, [3, 3, 8, 4, 12, 30, 40]],
  [Infinity, [0.5, 0.5, 1, 0.5, 12, 30, 55.5]],
];
const REJECTIONS = [
  'Documentação incompleta; apresente nova solicitação com os documentos exigidos.',
  'Os dados informados não conferem com o cadastro oficial.',
  'O requerente não atende aos requisitos do serviço.',
];
const CONCLUSIONS = [
  'Atendimento concluído. O documento foi emitido e enviado para o e-mail cadastrado.',
  'Serviço prestado conforme solicitado; o resultado está disponível para consulta no portal.',
];
const COMMENTS = ['Atendimento rápido e muito educado. Parabéns!', 'Resolveram tudo pela internet.', 'Demorou mais do que eu esperava.', null, null];

export interface Batch {
  requests: Row[];
  step_answers: Row[];
  evaluations: Row[];
  request_terms: Row[];
}
export const BATCH_TABLES = ['requests', 'step_answers', 'evaluations', 'request_terms'] as const;
const emptyBatch = (): Batch => ({ requests: [], step_answers: [], evaluations: [], request_terms: [] });

/**
 * A stream of requests filed in order over the two years before `now` (ids
 * and per-year protocol numbers ascending with the filing time, as the app
 * assigns them). `next(k)` gives the next k requests with their step answers
 * and evaluations; `counters` holds the protocol counters so far.
 */
export function requestStream(world: World, n: number) {
  const r = prng(1_000_003 + n);
  const { now } = world;
  const start = now - SPAN_DAYS * DAY;
  const iso = (t: number) => new Date(t).toISOString();
  const instWeights = world.institutions.map((i) => i.weight);
  const dueCache = new Map<string, string>();
  const counters = new Map<number, number>();
  let i = 0,
    evaluationId = 0;
  const weighted = (ws: number[]) => {
    let x = r.next() * ws.reduce((a, b) => a + b, 0);
    for (let k = 0; k < ws.length; k++) if ((x -= ws[k]) < 0) return k;
    return ws.length - 1;
  };
  const due = (filed: number, d: Deadline) => {
    const key = `${localDate(new Date(filed), DEFAULT_TIME_ZONE)}|${d.days}|${d.kind}`;
    let v = dueCache.get(key);
    if (!v) dueCache.set(key, (v = dueDate(new Date(filed), d, world.holidays, DEFAULT_TIME_ZONE).toISOString()));
    return v;
  };

  function one(out: Batch, filed: number, status: RequestStatus, instIndex?: number) {
    const inst = world.institutions[instIndex ?? weighted(instWeights)];
    // Popular services first (Zipf-like).
    const svc = inst.services[Math.min(inst.services.length - 1, Math.floor(inst.services.length * r.next() ** 2))];
    const ver = [...svc.versions].reverse().find((v) => v.publishedAt <= filed) ?? svc.versions[0];
    const citizen = world.citizens[Math.floor(world.citizens.length * r.next() ** 1.5)];
    const id = ++i;
    const year = new Date(filed).getUTCFullYear();
    const seq = (counters.get(year) ?? 0) + 1;
    counters.set(year, seq);
    const protocol = `${year}/${String(seq).padStart(6, '0')}`;
    const analyst = r.pick(inst.attendants);
    const left = now - filed;
    const at = (f: number) => Math.round(filed + left * f);
    const s = STATUSES.indexOf(status);
    let version = 1,
      assignee: number | null = null,
      paused: string | null = null,
      decided: string | null = null;
    let justification: string | null = null,
      concluded: string | null = null,
      conclusion: string | null = null;
    let updated = filed;
    if (status !== 'submitted') {
      const n = ver.steps.length;
      const answered = status === 'in_analysis' ? r.int(0, n - 1) : status === 'rejected' ? r.int(1, n) : n;
      const t0 = at(0.05 + 0.1 * r.next());
      for (let k = 0; k < answered; k++) {
        const no = status === 'rejected' && k === answered - 1;
        out.step_answers.push([
          id,
          ver.steps[k],
          no ? 'no' : 'yes',
          no ? 'A documentação apresentada não comprova o requisito.' : null,
          analyst,
          iso(t0 + (k + 1) * 7 * MIN),
        ]);
      }
      version += 1 + answered;
      updated = t0 + (answered + 1) * 7 * MIN;
      if (status === 'rejected') {
        decided = iso((updated = at(0.25)));
        justification = r.pick(REJECTIONS);
        version++;
      } else if (s >= 2) {
        decided = iso((updated = at(0.25)));
        assignee = r.chance(0.5) ? analyst : r.pick(inst.attendants);
        version++;
        if (status === 'awaiting_citizen') {
          paused = iso((updated = at(0.5)));
          version++;
        }
        if (s >= 5) {
          concluded = iso((updated = at(0.6)));
          conclusion = r.pick(CONCLUSIONS);
          version++;
        }
        if (status === 'evaluated') {
          const created = (updated = at(0.7));
          const verdict = r.chance(0.85) ? 'approved' : 'rejected';
          const mod = r.chance(0.35) ? 'pending' : 'approved';
          const rating = verdict === 'approved' ? r.int(3, 5) : r.int(1, 3);
          const comment = r.pick(COMMENTS);
          out.evaluations.push([
            ++evaluationId,
            id,
            inst.id,
            svc.id,
            verdict,
            rating,
            comment,
            mod,
            mod === 'pending' ? null : analyst,
            mod === 'pending' ? null : iso(at(0.8)),
            null,
            mod === 'approved' ? comment : null,
            iso(created),
          ]);
          version++;
        }
      }
    }
    out.requests.push([
      id,
      protocol,
      inst.id,
      svc.id,
      ver.id,
      citizen.id,
      citizen.name,
      `${protocol} ${citizen.norm}`,
      r.pick(ver.forms),
      status,
      assignee,
      iso(filed),
      due(filed, ver.deadline),
      paused,
      decided,
      justification,
      concluded,
      conclusion,
      version,
      iso(updated),
      status === 'awaiting_citizen' ? 'in_service' : null,
      status === 'evaluated' ? evaluationId : null,
    ]);
    for (const term of citizen.terms) out.request_terms.push([inst.id, term, id]);
  }

  return {
    counters,
    get count() {
      return i;
    },
    /** The next `k` historical requests. */
    next(k: number): Batch {
      const out = emptyBatch();
      const end = Math.min(n, i + k);
      while (i < end) {
        // Filing times ascend; (i + u)/n keeps them sorted, ^0.8 makes recent months busier.
        const u = ((i + r.next()) / n) ** 0.8;
        const filed = Math.min(Math.round(start + u * SPAN_DAYS * DAY), now - MIN);
        const age = (now - filed) / DAY;
        const status = STATUSES[weighted(BY_AGE.find(([max]) => age < max)![1])];
        one(out, filed, status);
      }
      return out;
    },
    /** `k` fresh submitted requests of one institution, filed in the last hour (for the transition scenario). */
    fresh(k: number, instId: number, firstId: number, existing: Map<number, number>): Batch {
      const out = emptyBatch();
      i = firstId - 1;
      counters.clear();
      for (const [year, last] of existing) counters.set(year, last);
      const index = world.institutions.findIndex((x) => x.id === instId);
      for (let j = 0; j < k; j++) one(out, now - 60 * MIN + Math.round((j / k) * 59 * MIN), 'submitted', index);
      return out;
    },
  };
}
