// The demo seed: institutions and services from db/demo/charter.json, the demo
// users (seed/demo-users.ts) with their memberships, and a few hundred requests
// in every status with their step answers, audit trail, evaluations and
// documents. Deterministic for a given `now` (seeded PRNG), portable Kysely
// only (SQLite and PostgreSQL), one transaction, batched inserts.
import { indexRequestTerms } from '../db/queries/search.js';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Insertable, Kysely } from 'kysely';
import { CLOCK_STATUSES, REQUEST_ACTIONS, type Deadline, type RequestStatus, type RequiredDocument, type ServiceField } from '../contract/types.js';
import { addDays, localDate, zonedInstant } from '../contract/time.js';
import { dueDate } from '../bff/domain/deadlines.js';
import { meetingSlot, overlaps } from '../bff/domain/meetings.js';
import { findPersonalData, maskSpans } from '../bff/domain/personal-data.js';
import { DEMO_MEMBERSHIPS, DEMO_USERS } from './demo-users.js';
import type { Database, EvaluationTable, FileTable, MeetingTable, StepAnswerTable } from '../db/schema.js';

export interface CharterService {
  name: string;
  description: string;
  audience: string | null;
  requirements: string | null;
  legalBasis: string | null;
  lgpdBasis: string | null;
  deadline: Deadline;
  cost: string | null;
  delivery: string[];
  area: string[];
  address: string | null;
  hours: string | null;
  documents: RequiredDocument[];
  steps: string[];
  fields: ServiceField[];
}
export interface CharterInstitution {
  acronym: string;
  name: string;
  units: string[];
  services: CharterService[];
}

export function loadCharter(): { institutions: CharterInstitution[] } {
  return JSON.parse(readFileSync(new URL('./charter.json', import.meta.url), 'utf8'));
}

export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('institutions').select('id').limit(1).executeTakeFirst()) !== undefined;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** mulberry32: a tiny deterministic PRNG (the bench generator uses it too). */
export function prng(seed: number) {
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (a: number, b: number) => a + Math.floor(next() * (b - a + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  return { next, int, pick, digits, chance: (p: number) => next() < p, range: (a: number, b: number) => a + next() * (b - a) };
}
type Rng = ReturnType<typeof prng>;

/** A valid CPF (check digits per Receita Federal), formatted 000.000.000-00. */
function fakeCpf(r: Rng): string {
  const d = Array.from({ length: 9 }, () => r.int(0, 9));
  if (d.every((x) => x === d[0])) d[0] = (d[0] + 1) % 10;
  for (const n of [9, 10]) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[i] * (n + 1 - i);
    d.push((s * 10) % 11 === 10 ? 0 : (s * 10) % 11);
  }
  const c = d.join('');
  return `${c.slice(0, 3)}.${c.slice(3, 6)}.${c.slice(6, 9)}-${c.slice(9)}`;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '');

/** A one-page PDF (Helvetica, WinAnsi) showing the given lines. */
function tinyPdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '-').replace(/[\\()]/g, '\\$&');
  const body = lines.map((l, i) => `${i ? '0 -24 Td ' : ''}(${esc(l)}) Tj`).join('\n');
  const stream = `BT /F1 14 Tf 72 770 Td\n${body}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function fileName(doc: string): string {
  const stop = new Set(['de', 'do', 'da', 'dos', 'das', 'com', 'e', 'em', 'o', 'a', 'ou', 'para', 'que']);
  const words = fold(doc.replace(/\(.*?\)/g, ''))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !stop.has(w));
  return `${words.slice(0, 3).join('-') || 'documento'}.pdf`;
}

const CHAT = {
  staff: [
    'Olá! Sua solicitação está em atendimento. Qualquer novidade avisaremos por aqui.',
    'Recebemos seus documentos e estamos conferindo os dados com o cadastro oficial.',
    'Bom dia. O atendimento segue dentro do prazo; em breve concluiremos.',
  ],
  citizen: ['Obrigado pelo retorno, fico no aguardo.', 'Certo, qualquer dúvida estou à disposição.', 'Podem me avisar quando estiver pronto, por favor?'],
  ask: [
    'Precisamos de um comprovante de residência recente (últimos 90 dias). Envie por aqui, por favor.',
    'A foto do documento ficou ilegível. Pode enviar uma nova imagem, com boa iluminação?',
  ],
  notes: ['Conferido com a base estadual: dados conferem.', 'Caso semelhante ao de outro requerente; seguir o mesmo parecer.'],
};

const T = {
  first: ['Pedro', 'Larissa', 'Miguel', 'Sofia', 'Davi', 'Helena', 'Arthur', 'Valentina', 'Heitor', 'Laura', 'Enzo', 'Lívia'],
  schools: [
    'Escola Estadual Professora Maria José Lima',
    'Escola Estadual Dom Pedro II',
    'Colégio Estadual Tiradentes',
    'Escola Estadual Rui Barbosa',
    'Escola Estadual Castro Alves',
    'Centro de Ensino Médio Cecília Meireles',
  ],
  sectors: ['Gabinete do Governador', 'Secretaria-Geral de Governo', 'Assessoria de Comunicação', 'Procuradoria-Geral do Estado'],
  entities: [
    'Associação de Moradores do Bairro São José',
    'Sindicato dos Trabalhadores Rurais',
    'Prefeitura Municipal de Boa Esperança',
    'Instituto Cultural Raízes',
  ],
  banks: ['Banco do Brasil', 'Caixa Econômica Federal', 'Banco do Nordeste', 'Banco Bradesco'],
  ddd: ['11', '21', '31', '41', '61', '71', '81', '85', '91', '92'],
  text: {
    observacoes: ['Perdi a carteira no transporte público.', 'Preciso do documento com urgência para trabalhar.', 'O documento molhou e ficou ilegível.'],
    argumentos: [
      'O veículo estava estacionado em local permitido, conforme as fotografias anexas.',
      'Eu não conduzia o veículo no momento da infração; ele já havia sido vendido.',
      'A placa de sinalização estava encoberta pela vegetação.',
      'A notificação chegou depois do prazo legal de 30 dias.',
    ],
    assunto: [
      'Apresentar as demandas da associação sobre a pavimentação do bairro.',
      'Tratar da reforma da escola estadual do município.',
      'Convidar o Governador para a abertura da festa tradicional do município.',
    ],
    pedido: [
      'Solicito a relação dos contratos de manutenção de veículos oficiais firmados em 2025.',
      'Solicito cópia da agenda pública do Governador do último mês.',
      'Solicito os gastos com publicidade institucional em 2025, por mês.',
    ],
  } as Record<string, string[]>,
  noNotes: [
    'Documento ilegível; será preciso reenviar.',
    'Os dados informados não conferem com o cadastro oficial.',
    'A documentação apresentada não comprova o requisito.',
    'Informação insuficiente para a verificação.',
  ],
  noButOk: ['Pendência resolvida após contato telefônico com o requerente.', 'Divergência menor, sem impacto no resultado.'],
  rejectTails: [
    'Corrija a pendência e apresente nova solicitação.',
    'Em caso de dúvida, procure a unidade de atendimento.',
    'O requerente pode registrar nova solicitação com a documentação correta.',
  ],
  conclusions: [
    'Atendimento concluído. O documento foi emitido e enviado para o e-mail cadastrado.',
    'Serviço prestado conforme solicitado; o resultado está disponível para consulta no portal.',
    'Solicitação atendida. A via impressa pode ser retirada na unidade de atendimento com documento de identidade.',
    'Atendimento concluído após videoconferência com o requerente; as orientações foram registradas.',
  ],
  praise: [
    'Atendimento rápido e muito educado. Parabéns!',
    'Resolveram tudo pela internet, sem eu precisar ir ao órgão.',
    'Bom atendimento, mas demorou um pouco mais do que eu esperava.',
    'A atendente explicou tudo com clareza.',
    'Excelente serviço, recomendo.',
  ],
  complaints: ['Demorou demais e ninguém me deu retorno.', 'Tive que mandar o mesmo documento duas vezes.', 'O prazo não foi cumprido.'],
  hidden: [
    ['Vocês são uns incompetentes, vou denunciar todo mundo!!!', 'Comentário com linguagem ofensiva.'],
    ['Liguem para o meu vizinho, Fulano de Tal, no (11) 98888-7777, ele também quer reclamar.', 'O comentário expõe dados pessoais de terceiros (LGPD).'],
  ],
};

interface Citizen {
  id: number;
  name: string;
  email: string;
  cpf: string;
  phone: string;
  cep: string;
}

function formValue(f: ServiceField, c: Citizen, filed: number, r: Rng, zone: string): unknown {
  const code = f.code;
  if (f.datatype === 'singlevaluelist') return r.pick(f.values ?? ['']);
  if (f.datatype === 'multivaluelist') {
    const vs = (f.values ?? []).filter(() => r.chance(0.5));
    return vs.length ? vs : [r.pick(f.values ?? [''])];
  }
  if (f.format === 'cpf') return c.cpf;
  if (f.format === 'email') return c.email;
  if (f.format === 'phone') return c.phone;
  if (f.format === 'cep') return c.cep;
  if (f.format === 'date' || f.datatype === 'datetime') {
    const future = /visita|sugerida/.test(code);
    return localDate(new Date(filed + (future ? r.int(3, 30) : -r.int(1, 60)) * DAY), zone);
  }
  if (f.datatype === 'number') {
    if (code.startsWith('ano')) return r.int(1985, 2022);
    if (code === 'exercicio') return Number(localDate(new Date(filed), zone).slice(0, 4)) - r.int(0, 1);
    if (code === 'valor') return r.int(80, 900) * 100;
    return r.int(1, 10);
  }
  if (f.datatype === 'text') {
    if (code === 'banco') return `${r.pick(T.banks)}, agência ${r.digits(4)}-${r.digits(1)}, conta corrente ${r.digits(5)}-${r.digits(1)}`;
    return T.text[code] ? r.pick(T.text[code]) : `Informações sobre ${f.label.toLowerCase()}.`;
  }
  const L = () => String.fromCharCode(65 + r.int(0, 25));
  if (code === 'placa') return `${L()}${L()}${L()}${r.digits(1)}${L()}${r.digits(2)}`;
  if (code === 'renavam' || code === 'registro_cnh') return `${r.int(1, 9)}${r.digits(10)}`;
  if (code === 'auto_infracao') return `${L()}${r.digits(8)}`;
  if (code.startsWith('escola')) return r.pick(T.schools);
  if (code === 'setor_anfitriao') return r.pick(T.sectors);
  if (code === 'entidade') return r.pick(T.entities);
  if (code === 'estudante') return `${r.pick(T.first)} ${c.name.split(' ').at(-1)}`;
  if (code.startsWith('nome')) return r.chance(0.8) ? c.name : `${r.pick(T.first)} ${c.name.split(' ').at(-1)}`;
  return f.label;
}

type Ev = { action: string; from: RequestStatus | null; to: RequestStatus | null; at: number; actor: number; data: unknown };
const RUNNING = new Set<RequestStatus>(CLOCK_STATUSES);
const FORCED: [RequestStatus, boolean][] = [
  ['submitted', false],
  ['in_analysis', false],
  ['in_service', false],
  ['rejected', false],
  ['concluded', false],
  ['evaluated', false],
  ['submitted', true],
  ['in_analysis', true],
  ['in_service', true],
];
const WEIGHTS: [RequestStatus, number][] = [
  ['submitted', 12],
  ['in_analysis', 12],
  ['in_service', 14],
  ['rejected', 12],
  ['concluded', 18],
  ['evaluated', 32],
];

/**
 * Inserts `rows` in batches of `size` (far below PostgreSQL's 65535 parameters)
 * through `insert`, and gives back what each batch returned, in order.
 */
async function inBatches<Row, Out>(rows: Row[], size: number, insert: (batch: Row[]) => Promise<Out[]>): Promise<Out[]> {
  const out: Out[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await insert(rows.slice(i, i + size))));
  return out;
}

/** A step answer before its request has an id; `answered_at` in epoch ms until then. */
type AnswerDraft = Omit<Insertable<StepAnswerTable>, 'request_id' | 'answered_at'> & { answered_at: number };

export async function seedDemo(db: Kysely<Database>, opts: { now: Date; holidays: ReadonlySet<string>; timeZone: string; requests?: number }): Promise<void> {
  const charter = loadCharter();
  const r = prng(20261128);
  const now = opts.now.getTime();
  const iso = (t: number) => new Date(t).toISOString();
  const isoOrNull = (t: number | null) => (t === null ? null : iso(t));
  const total = opts.requests ?? 300;

  await db.transaction().execute(async (tx) => {
    // Institutions, users, memberships.
    const institutionRows = charter.institutions.map((i) => ({ acronym: i.acronym, name: i.name, units: JSON.stringify(i.units) }));
    const insts = await inBatches(institutionRows, 100, (b) => tx.insertInto('institutions').values(b).returningAll().execute());
    const instId = new Map<string, number>(insts.map((i) => [i.acronym, i.id]));
    const userRows = DEMO_USERS.map((u) => ({
      sub: u.sub,
      name: u.name,
      email: u.email,
      created_at: iso(u.role === 'citizen' ? now - r.int(130, 400) * DAY : now - 400 * DAY),
    }));
    const users = await inBatches(userRows, 100, (b) => tx.insertInto('users').values(b).returningAll().execute());
    const userId = new Map<string, number>(users.map((u) => [u.sub, u.id]));
    const admin = DEMO_USERS.find((u) => u.role === 'admin')!;
    const staff = new Map<number, { attendants: number[]; manager: number }>();
    const memberships = DEMO_USERS.filter((u) => u.role !== 'citizen' && u.institution).map((u, i) => {
      const m = DEMO_MEMBERSHIPS.find((x) => x.sub === u.sub);
      const inst = instId.get(u.institution!)!;
      const s = staff.get(inst) ?? { attendants: [], manager: 0 };
      staff.set(inst, s);
      if (u.role === 'attendant') s.attendants.push(userId.get(u.sub)!);
      if (u.role === 'manager') s.manager = userId.get(u.sub)!;
      const manager = DEMO_USERS.find((x) => x.role === 'manager' && x.institution === u.institution);
      const grantor = u.role === 'admin' ? null : u.role === 'manager' ? admin.sub : (manager?.sub ?? admin.sub);
      return {
        user_id: userId.get(u.sub)!,
        institution_id: inst,
        role: u.role,
        unit: m?.unit ?? null,
        granted_by: grantor ? userId.get(grantor)! : null,
        granted_at: iso(now - (390 - i * 3) * DAY),
        ordinance: m?.ordinance ?? null,
        revoked_at: null,
      };
    });
    await inBatches(memberships, 100, (b) => tx.insertInto('memberships').values(b).execute());

    // Services: version 1 of each; the first service of each institution also has a version 2.
    type Ver = {
      id: number;
      version: number;
      publishedAt: number;
      fields: ServiceField[];
      documents: RequiredDocument[];
      steps: { id: number; title: string }[];
    };
    const services: { id: number; institutionId: number; deadline: Deadline; versions: Ver[] }[] = [];
    const versionRows: Insertable<Database['service_versions']>[] = [];
    const stepTitles = new Map<string, string[]>();
    for (const inst of charter.institutions) {
      for (const [k, s] of inst.services.entries()) {
        const created = now - 300 * DAY + services.length * HOUR;
        const drafts = [{ ...s }];
        if (k === 0) {
          const hasPhone = s.fields.some((f) => f.format === 'phone');
          const contact = hasPhone
            ? (['email_contato', 'E-mail para contato', 'email'] as const)
            : (['telefone_contato', 'Telefone para contato', 'phone'] as const);
          drafts.push({
            ...s,
            steps: [...s.steps, 'Comunicar o resultado ao requerente pelo portal'],
            fields: [...s.fields, { code: contact[0], label: contact[1], datatype: 'string', format: contact[2], required: false }],
          });
        }
        const v2At = now - 45 * DAY + services.length * HOUR;
        const [row] = await tx
          .insertInto('services')
          .values({
            institution_id: instId.get(inst.acronym)!,
            status: 'published',
            published_version_id: null,
            created_at: iso(created),
            updated_at: iso(drafts.length > 1 ? v2At : created),
          })
          .returning('id')
          .execute();
        services.push({ id: row.id, institutionId: instId.get(inst.acronym)!, deadline: s.deadline, versions: [] });
        // The institution's manager wrote and published its charter.
        const manager = staff.get(instId.get(inst.acronym)!)?.manager || null;
        drafts.forEach((d, v) => {
          const at = v ? v2At : created;
          stepTitles.set(`${row.id}/${v + 1}`, d.steps);
          versionRows.push({
            service_id: row.id,
            version: v + 1,
            name: d.name,
            description: d.description,
            audience: d.audience,
            requirements: d.requirements,
            legal_basis: d.legalBasis,
            lgpd_basis: d.lgpdBasis,
            cost: d.cost,
            delivery: JSON.stringify(d.delivery),
            area: JSON.stringify(d.area),
            address: d.address,
            hours: d.hours,
            deadline_days: d.deadline.days,
            deadline_kind: d.deadline.kind,
            fields: JSON.stringify(d.fields),
            documents: JSON.stringify(d.documents),
            created_at: iso(at - 2 * DAY),
            created_by: manager,
            updated_at: iso(at - DAY),
            published_at: iso(at),
            published_by: manager,
          });
        });
      }
    }
    const versions = await inBatches(versionRows, 100, (b) => tx.insertInto('service_versions').values(b).returningAll().execute());
    const stepRows = versions.flatMap((v) =>
      stepTitles.get(`${v.service_id}/${v.version}`)!.map((title, i) => ({ service_version_id: v.id, position: i + 1, title })),
    );
    const steps = await inBatches(stepRows, 200, (b) => tx.insertInto('service_steps').values(b).returningAll().execute());
    for (const s of services) {
      for (const v of versions.filter((x) => x.service_id === s.id).sort((a, b) => a.version - b.version)) {
        s.versions.push({
          id: v.id,
          version: v.version,
          publishedAt: Date.parse(v.published_at!),
          fields: JSON.parse(v.fields),
          documents: JSON.parse(v.documents),
          steps: steps.filter((x) => x.service_version_id === v.id).sort((a, b) => a.position - b.position),
        });
      }
      await tx
        .updateTable('services')
        .set({ published_version_id: s.versions.at(-1)!.id })
        .where('id', '=', s.id)
        .execute();
    }

    // Requests: pick status first, then a filing time that fits it.
    const citizens: Citizen[] = DEMO_USERS.filter((u) => u.role === 'citizen' && !u.email.endsWith('.gov.br')).map((u) => ({
      id: userId.get(u.sub)!,
      name: u.name,
      email: u.email,
      cpf: fakeCpf(r),
      phone: `(${r.pick(T.ddd)}) 9${r.digits(4)}-${r.digits(4)}`,
      cep: `${r.int(1, 9)}${r.digits(4)}-${r.digits(3)}`,
    }));
    const weightSum = WEIGHTS.reduce((a, [, w]) => a + w, 0);
    const plans = Array.from({ length: total }, (_, i) => {
      let status: RequestStatus = 'submitted';
      let overdue: boolean;
      if (i < FORCED.length) [status, overdue] = FORCED[i];
      else {
        let x = r.next() * weightSum;
        for (const [s, w] of WEIGHTS)
          if ((x -= w) < 0) {
            status = s;
            break;
          }
        overdue = RUNNING.has(status) && r.chance(0.12);
      }
      const svc = r.pick(services);
      const due = (filed: number) => dueDate(new Date(filed), svc.deadline, opts.holidays, opts.timeZone).getTime();
      const span = (svc.deadline.kind === 'calendar' ? svc.deadline.days : Math.ceil((svc.deadline.days * 7) / 5)) * DAY;
      let filed: number;
      if (!RUNNING.has(status)) filed = now - r.range(3 * DAY, 120 * DAY);
      else if (!overdue) {
        let age = r.range(30 * MIN, Math.min(span, 120 * DAY));
        while (due(now - age) < now && age > 30 * MIN) age = Math.max(age / 2, 30 * MIN);
        filed = now - age;
      } else {
        let age = Math.min(r.range(span + 2 * DAY, 120 * DAY), 120 * DAY);
        while (due(now - age) >= now) age += 5 * DAY;
        filed = now - age;
      }
      return { svc, status, filed: Math.round(filed), due: due(filed), citizen: r.pick(citizens) };
    }).sort((a, b) => a.filed - b.filed);

    const counters = new Map<number, number>();
    const requestRows: Insertable<Database['requests']>[] = [];
    const later: {
      protocol: string;
      citizen: number;
      answers: AnswerDraft[];
      audit: Ev[];
      evaluation: Omit<Insertable<EvaluationTable>, 'request_id'> | null;
      files: Omit<Insertable<FileTable>, 'request_id'>[];
      messages: { kind: string; author_id: number; body: string; at: number }[];
    }[] = [];
    for (const p of plans) {
      const inst = p.svc.institutionId;
      const ver = [...p.svc.versions].reverse().find((v) => v.publishedAt <= p.filed)!;
      const year = Number(localDate(new Date(p.filed), opts.timeZone).slice(0, 4));
      counters.set(year, (counters.get(year) ?? 0) + 1);
      const protocol = `${year}/${String(counters.get(year)).padStart(6, '0')}`;
      const c = p.citizen;
      const formData: Record<string, unknown> = {};
      for (const f of ver.fields) if (f.required || r.chance(0.6)) formData[f.code] = formValue(f, c, p.filed, r, opts.timeZone);

      const { attendants } = staff.get(inst)!;
      const analyst = r.pick(attendants);
      const order = ['submitted', 'in_analysis', 'in_service', 'concluded', 'evaluated'];
      const reach = p.status === 'rejected' ? 1.5 : order.indexOf(p.status);
      const onTime = r.chance(0.85);
      const limit = !RUNNING.has(p.status) && onTime ? Math.min(p.due, now - HOUR) : now - 10 * MIN;
      const events: Ev[] = [{ action: 'file', from: null, to: 'submitted', at: p.filed, actor: c.id, data: null }];
      const answers: AnswerDraft[] = [];
      let t = p.filed;
      let status: RequestStatus = 'submitted';
      const push = (action: string, to: RequestStatus, actor: number, data: unknown = null) => {
        events.push({ action, from: status, to, at: t, actor, data });
        status = to;
      };
      const messages: { kind: string; author_id: number; body: string; at: number }[] = [];
      let pausedAt: number | null = null;
      /** A follow-up: its audit entry points at it by index until ids are known. */
      const say = (action: string, kind: string, actor: number, body: string, to: RequestStatus = status) => {
        messages.push({ kind, author_id: actor, body, at: t });
        push(action, to, actor, { followUpIndex: messages.length - 1 });
      };
      let decidedAt: number | null = null,
        justification: string | null = null,
        assignee: number | null = null;
      let concludedAt: number | null = null,
        conclusion: string | null = null;
      /** The evaluation, its moderation time as a fraction of the time between it and now until its time is known. */
      let rated: { row: Omit<Insertable<EvaluationTable>, 'request_id' | 'created_at' | 'moderated_at'>; moderatedAfter: number | null } | null = null;
      if (reach >= 1) {
        t += Math.max(MIN, r.range(0.02, reach > 1 ? 0.3 : 0.8) * (limit - t));
        push('start_analysis', 'in_analysis', analyst);
        const n = ver.steps.length;
        const failAt = p.status === 'rejected' ? r.int(0, n - 1) : -1;
        const count = p.status === 'in_analysis' ? r.int(0, n - 1) : failAt >= 0 ? failAt + 1 : n;
        /** Steps answered "Não" that an approval goes ahead despite (its audit entry names them). */
        const confirmedSteps: { id: number; title: string; answer: 'no' }[] = [];
        for (let k = 0; k < count; k++) {
          t += r.int(2, 25) * MIN;
          const no = k === failAt || (failAt < 0 && r.chance(0.05));
          const note = k === failAt ? r.pick(T.noNotes) : no ? r.pick(p.status === 'in_analysis' ? T.noNotes : T.noButOk) : null;
          const step = ver.steps[k];
          answers.push({ step_id: step.id, answer: no ? 'no' : 'yes', note, answered_by: analyst, answered_at: t });
          push('answer_step', 'in_analysis', analyst, { stepId: step.id, title: step.title, answer: no ? 'no' : 'yes', ...(note ? { note } : {}) });
          if (no) confirmedSteps.push({ id: step.id, title: step.title, answer: 'no' });
          if (k === failAt) justification = `Solicitação reprovada na etapa "${step.title}". ${note} ${r.pick(T.rejectTails)}`;
        }
        if (justification) {
          t += r.int(5, 90) * MIN;
          decidedAt = t;
          push('reject', 'rejected', analyst, { justification });
        } else if (reach >= 2) {
          t += r.int(5, 90) * MIN;
          decidedAt = t;
          assignee = r.chance(0.5) ? analyst : r.pick(attendants);
          push('approve', 'in_service', analyst, { assigneeId: assignee, confirmedSteps });
          // A conversation through follow-ups in about half of the attended requests.
          if (r.chance(0.5)) {
            t += r.int(10, 120) * MIN;
            say('follow_up', 'message', assignee, r.pick(CHAT.staff));
            if (r.chance(0.3)) say('internal_note', 'internal_note', assignee, r.pick(CHAT.notes));
            t += r.int(30, 600) * MIN;
            say('follow_up', 'message', c.id, r.pick(CHAT.citizen));
          }
          if (p.status === 'in_service' && r.chance(0.3)) {
            t += r.int(10, 120) * MIN;
            say('ask_citizen', 'info_request', assignee, r.pick(CHAT.ask), 'awaiting_citizen');
            pausedAt = t;
          }
          if (reach >= 3) {
            t += Math.max(HOUR, r.range(0.1, 0.9) * (limit - t));
            concludedAt = t;
            conclusion = r.pick(T.conclusions);
            push('conclude', 'concluded', assignee);
          }
          if (reach >= 4) {
            t += Math.max(10 * MIN, r.next() * (Math.min(now - 5 * MIN, t + 10 * DAY) - t));
            const hide = r.chance(0.12);
            const verdict = hide || r.chance(0.15) ? 'rejected' : 'approved';
            // A rating is required (issue #13): where the demo once drew none, a middling one.
            const rating = hide ? 1 : r.chance(0.05) ? (verdict === 'approved' ? 4 : 2) : verdict === 'approved' ? r.int(3, 5) : r.int(1, 3);
            const [hiddenComment, reason] = r.pick(T.hidden);
            const written = hide ? hiddenComment : r.chance(0.3) ? null : r.pick(verdict === 'approved' ? T.praise : T.complaints);
            // One in five comments gives the citizen's own phone and CPF (what the moderator sees highlighted).
            const comment = written && !hide && c.id % 5 === 0 ? `${written} Meu telefone é ${c.phone} e meu CPF ${c.cpf}.` : written;
            const mod = hide ? 'rejected' : r.chance(0.35) ? 'pending' : 'approved';
            // Approved comments with personal data are published masked.
            const spans = comment ? findPersonalData(comment, { citizenName: c.name }) : [];
            const masked = mod === 'approved' && spans.length > 0;
            rated = {
              row: {
                institution_id: inst,
                service_id: p.svc.id,
                verdict,
                rating,
                comment,
                status: mod,
                moderated_by: mod === 'pending' ? null : r.pick(attendants),
                moderation_reason: hide ? (reason.includes('ofensiva') ? 'offensive' : 'sensitive_data') : null,
                moderation_text: null,
                masked: masked ? 1 : 0,
                published_text: mod === 'approved' && comment ? (masked ? maskSpans(comment, spans) : comment) : null,
              },
              moderatedAfter: mod === 'pending' ? null : r.next(),
            };
            push('evaluate', 'evaluated', c.id, { verdict, rating });
          }
        }
      }
      // Squeeze a history that overran `now` (very recent filings) back into (filed, now).
      const last = events.at(-1)!.at;
      if (last > now - MIN) {
        const k = (now - MIN - p.filed) / (last - p.filed);
        for (const e of events) e.at = Math.round(p.filed + (e.at - p.filed) * k);
        for (const a of answers) a.answered_at = Math.round(p.filed + (a.answered_at - p.filed) * k);
        for (const m of messages) m.at = Math.round(p.filed + (m.at - p.filed) * k);
        if (pausedAt !== null) pausedAt = events.find((e) => e.action === 'ask_citizen')!.at;
        decidedAt = decidedAt && events.find((e) => e.action === 'approve' || e.action === 'reject')!.at;
        concludedAt = concludedAt && events.find((e) => e.action === 'conclude')!.at;
      }
      for (const e of events) e.at = Math.round(e.at);
      for (const m of messages) m.at = Math.round(m.at);
      if (pausedAt !== null) pausedAt = events.find((e) => e.action === 'ask_citizen')!.at;
      const evaluatedAt = events.at(-1)!.at;
      const evaluation = rated && {
        ...rated.row,
        created_at: iso(evaluatedAt),
        moderated_at: rated.moderatedAfter === null ? null : iso(evaluatedAt + rated.moderatedAfter * (now - evaluatedAt)),
      };

      // About a third of all requests carry their documents (half of those whose service asks for any).
      const files =
        !ver.documents.length || !r.chance(0.5)
          ? []
          : (() => {
              const docs = ver.documents.filter((d) => d.required);
              return (docs.length ? docs : ver.documents.slice(0, 1)).map((d) => {
                const content = tinyPdf([d.name, `Solicitação ${protocol}`, `Requerente: ${c.name}`, 'Documento fictício de demonstração - Atende']);
                return {
                  follow_up_id: null,
                  label: d.name,
                  file_name: fileName(d.name),
                  content_type: 'application/pdf',
                  size: content.length,
                  sha256: createHash('sha256').update(content).digest('hex'),
                  content,
                  uploaded_by: c.id,
                  created_at: iso(p.filed),
                };
              });
            })();
      requestRows.push({
        protocol,
        institution_id: inst,
        service_id: p.svc.id,
        service_version_id: ver.id,
        citizen_id: c.id,
        citizen_name: c.name,
        search_text: fold(`${protocol} ${c.name}`.toLowerCase()),
        form_data: JSON.stringify(formData),
        status,
        assignee_id: assignee,
        filed_at: iso(p.filed),
        due_at: iso(p.due),
        paused_at: isoOrNull(pausedAt),
        resume_status: pausedAt === null ? null : 'in_service',
        decided_at: isoOrNull(decidedAt),
        justification,
        concluded_at: isoOrNull(concludedAt),
        conclusion,
        // As the app counts: filing is version 1, each transition adds one; messages and notes add none.
        version: 1 + events.filter((e) => (REQUEST_ACTIONS as readonly string[]).includes(e.action)).length,
        updated_at: iso(events.at(-1)!.at),
      });
      later.push({ protocol, citizen: c.id, answers, audit: events, evaluation, files, messages });
    }

    const inserted = await inBatches(requestRows, 100, (b) => tx.insertInto('requests').values(b).returningAll().execute());
    const requestId = new Map<string, number>(inserted.map((x) => [x.protocol, x.id]));
    await indexRequestTerms(tx, inserted);
    const instOf = new Map<string, number>(requestRows.map((x) => [x.protocol, x.institution_id]));
    const answerRows = later.flatMap((l) => l.answers.map((a) => ({ ...a, request_id: requestId.get(l.protocol)!, answered_at: iso(a.answered_at) })));
    await inBatches(answerRows, 200, (b) => tx.insertInto('step_answers').values(b).execute());
    // Demo citizens hold no role: whoever else writes is the institution's staff.
    const sideIn = (l: { citizen: number }, who: number) => (who === l.citizen ? ('citizen' as const) : ('staff' as const));
    const messageRows = later.flatMap((l) =>
      l.messages.map((m) => ({
        request_id: requestId.get(l.protocol)!,
        author_id: m.author_id,
        author_side: sideIn(l, m.author_id),
        kind: m.kind,
        body: m.body,
        created_at: iso(m.at),
      })),
    );
    // Ids are given in VALUES order within each statement; RETURNING's own order is not guaranteed.
    const messageIds = (await inBatches(messageRows, 100, (b) => tx.insertInto('follow_ups').values(b).returning('id').execute()))
      .map((x) => x.id)
      .sort((a, b) => a - b);
    let nextMessage = 0;
    for (const l of later) {
      const base = nextMessage;
      for (const e of l.audit) {
        const d = e.data as { followUpIndex?: number } | null;
        if (d?.followUpIndex !== undefined) e.data = { followUpId: messageIds[base + d.followUpIndex] };
      }
      nextMessage += l.messages.length;
    }
    const audit = later
      .flatMap((l) => l.audit.map((e, i) => ({ e, i, l, request_id: requestId.get(l.protocol)!, institution_id: instOf.get(l.protocol)! })))
      .sort((a, b) => a.e.at - b.e.at || a.request_id - b.request_id || a.i - b.i)
      .map(({ e, l, request_id, institution_id }) => ({
        request_id,
        institution_id,
        actor_id: e.actor,
        actor_side: sideIn(l, e.actor),
        action: e.action,
        from_status: e.from,
        to_status: e.to,
        data: e.data === null ? null : JSON.stringify(e.data),
        at: iso(e.at),
      }));
    await inBatches(audit, 200, (b) => tx.insertInto('audit_log').values(b).execute());
    const evaluationRows = later.flatMap((l) => (l.evaluation ? [{ ...l.evaluation, request_id: requestId.get(l.protocol)! }] : []));
    await inBatches(evaluationRows, 100, (b) => tx.insertInto('evaluations').values(b).execute());
    // Each evaluated request's evaluation is its current one.
    await tx
      .updateTable('requests')
      .set((eb) => ({
        evaluation_id: eb
          .selectFrom('evaluations as e')
          .select((x) => x.fn.max('e.id').as('id'))
          .whereRef('e.request_id', '=', 'requests.id'),
      }))
      .where('status', '=', 'evaluated')
      .execute();
    const fileRows = later.flatMap((l) => l.files.map((f) => ({ ...f, request_id: requestId.get(l.protocol)! })));
    await inBatches(fileRows, 50, (b) => tx.insertInto('files').values(b).execute());
    const counterRows = [...counters].map(([year, last]) => ({ year, last }));
    await inBatches(counterRows, 100, (b) => tx.insertInto('protocol_counters').values(b).execute());
    await seedMeetings(tx, inserted, { now, timeZone: opts.timeZone });
  });
}

/**
 * A day agenda to look at: per institution, up to four requests in attendance
 * get a video meeting with their attendant today (local time: 09:00, 10:30,
 * 14:00, 16:00; one of them cancelled), one tomorrow at 09:00, and the first
 * attendant's first one starts at the next quarter hour (so "Acessar" opens in
 * the demo). Rooms are random, never derived from the protocol.
 */
async function seedMeetings(
  tx: Kysely<Database>,
  requests: readonly { id: number; protocol: string; institution_id: number; status: string; assignee_id: number | null }[],
  opts: { now: number; timeZone: string },
): Promise<void> {
  const today = localDate(opts.now, opts.timeZone);
  const quarter = 15 * 60 * 1000;
  const soon = Math.ceil((opts.now + 5 * 60 * 1000) / quarter) * quarter;
  const slots = ['09:00', '10:30', '14:00', '16:00'].map((t) => zonedInstant(today, t, opts.timeZone).getTime());
  const tomorrow = zonedInstant(addDays(today, 1), '09:00', opts.timeZone).getTime();
  const subjects = [
    'Conferência dos documentos',
    'Dúvidas sobre o pedido, com vírgula, "aspas" e acentuação',
    'Entrevista para a análise',
    'Orientação sobre a entrega',
  ];
  const byInstitution = new Map<number, typeof requests>();
  for (const q of requests) {
    if (q.assignee_id === null || (q.status !== 'in_service' && q.status !== 'awaiting_citizen')) continue;
    byInstitution.set(q.institution_id, [...(byInstitution.get(q.institution_id) ?? []), q]);
  }
  const rows: Insertable<MeetingTable>[] = [];
  const audit: Insertable<Database['audit_log']>[] = [];
  const created = new Date(opts.now - 60 * 60 * 1000).toISOString();
  let first = true;
  // One meeting per host at a time (the booking rule, bff/domain/meetings.ts overlaps).
  const booked = new Map<number, { startsAt: string; endsAt: string }[]>();
  for (const list of byInstitution.values()) {
    list.slice(0, 5).forEach((q, i) => {
      const duration = i === 1 ? 45 : 30;
      const cancelled = i === 2;
      let slot = meetingSlot(new Date(first ? soon : i < 4 ? slots[i]! : tomorrow).toISOString(), duration);
      first = false;
      const hosts = booked.get(q.assignee_id!) ?? [];
      if (hosts.some((b) => overlaps(b, slot))) slot = meetingSlot(new Date(tomorrow + i * 60 * 60 * 1000).toISOString(), duration);
      if (!cancelled) booked.set(q.assignee_id!, [...hosts, slot]);
      const m = {
        request_id: q.id,
        institution_id: q.institution_id,
        host_id: q.assignee_id!,
        room: `atende-${randomBytes(16).toString('hex')}`,
        starts_at: slot.startsAt,
        ends_at: slot.endsAt,
        duration_minutes: duration,
        subject: subjects[i % subjects.length]!,
        status: cancelled ? 'cancelled' : 'scheduled',
        cancel_reason: cancelled ? 'O cidadão pediu outra data.' : null,
        cancelled_by: cancelled ? q.assignee_id : null,
        cancelled_at: cancelled ? new Date(opts.now - DAY).toISOString() : null,
        created_by: q.assignee_id!,
        created_at: created,
        updated_at: cancelled ? new Date(opts.now - DAY).toISOString() : created,
      };
      rows.push(m);
      const data = { startsAt: m.starts_at, endsAt: m.ends_at, subject: m.subject };
      const entry = {
        request_id: q.id,
        institution_id: q.institution_id,
        actor_id: q.assignee_id,
        actor_side: 'staff' as const,
        from_status: null,
        to_status: null,
      };
      audit.push({ ...entry, action: 'meeting_scheduled', data: JSON.stringify(data), at: created });
      if (cancelled) audit.push({ ...entry, action: 'meeting_cancelled', data: JSON.stringify({ ...data, reason: m.cancel_reason }), at: m.cancelled_at! });
    });
  }
  if (!rows.length) return;
  const ids = await inBatches(rows, 100, (b) => tx.insertInto('meetings').values(b).returning(['id', 'request_id', 'starts_at']).execute());
  const idOf = new Map(ids.map((x) => [`${x.request_id}|${x.starts_at}`, x.id]));
  for (const e of audit) {
    const d = JSON.parse(e.data as string) as { startsAt: string };
    e.data = JSON.stringify({ meetingId: idOf.get(`${e.request_id}|${d.startsAt}`), ...d });
  }
  await inBatches(audit, 200, (b) => tx.insertInto('audit_log').values(b).execute());
}
