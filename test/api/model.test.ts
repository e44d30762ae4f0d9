// Model-based test: fast-check drives random sequences of actions by random
// actors through the HTTP API and, after each step, checks that the
// request's status, version (ETag and `version`), history (as staff and as
// its citizen, who does not see internal notes) and audit log agree with a
// pure model. The model predicts each call's outcome with the domain's own
// rules (bff/domain/), so it follows them when they change.
//   MODEL_SEED=<n>  replays a run (the seed is printed);
//   MODEL_RUNS=<n>  sequences (default 30, up to 31 steps each).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { FollowUpKind, RequestAction, RequestStatus, Role } from '../../contract/types.js';
import {
  type Actor,
  type Decision,
  type RequestFacts,
  canBeAssignee,
  decide,
  decideFollowUp,
  hiddenActions,
  storedKind,
} from '../../bff/domain/permissions.js';
import { nextStatus } from '../../bff/domain/request-machine.js';
import { stepsToConfirm, unconfirmedSteps } from '../../bff/domain/steps.js';
import { isPostgresUrl } from '../../db/connect.js';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

const SEED = Number(process.env.MODEL_SEED ?? 20261201);
const RUNS = Number(process.env.MODEL_RUNS ?? 30);
const ENGINE = process.env.DATABASE_URL && isPostgresUrl(process.env.DATABASE_URL) ? 'PostgreSQL' : 'SQLite';

const USERS = ['citizen', 'other', 'attendant', 'attendant2', 'manager', 'attendantB', 'managerB'] as const;
type UserKey = (typeof USERS)[number];
/** 'owner': the request's citizen; 'assigned': its assignee (an attendant when none), resolved when the step runs. */
type ActorKey = UserKey | 'anonymous' | 'owner' | 'assigned';
/** Who files: two citizens, and a staff member of the institution filing as a citizen. */
const FILERS = ['citizen', 'other', 'attendant2'] as const;
/** Who is named to attend: the institution's staff, another institution's, a citizen, nobody known. */
const ASSIGNEES = ['attendant', 'attendant2', 'manager', 'attendantB', 'citizen', 'ghost'] as const;

type Command =
  | { type: 'file'; actor: (typeof FILERS)[number] }
  /** The state's natural next action (analysis, approval, conclusion, evaluation, the citizen's reply), made concrete when the step runs. */
  | { type: 'next'; req: number; ifMatch: IfMatch; pick: number }
  | { type: 'analysis' | 'reject' | 'conclude'; actor: ActorKey; req: number; ifMatch: IfMatch }
  | { type: 'step'; actor: ActorKey; req: number; ifMatch: IfMatch; step: 0 | 1 | 'unknown'; answer: 'yes' | 'no' }
  /** confirm: which steps the approval names — none, those answered "Não" or not answered (as the model sees them), or every step. */
  | { type: 'approve'; actor: ActorKey; req: number; ifMatch: IfMatch; assignee: (typeof ASSIGNEES)[number]; confirm: Confirm }
  /** Name another assignee of a request in attendance (the same rules as approve's). */
  | { type: 'reassign'; actor: ActorKey; req: number; ifMatch: IfMatch; assignee: (typeof ASSIGNEES)[number] }
  | { type: 'evaluate'; actor: ActorKey; req: number; ifMatch: IfMatch; verdict: 'approved' | 'rejected' }
  /** The citizen reopens a request they did not approve (the clock stands still: always within REOPEN_DAYS). */
  | { type: 'reopen'; actor: ActorKey; req: number; ifMatch: IfMatch }
  | { type: 'follow-up'; actor: ActorKey; req: number; kind: FollowUpKind };
type IfMatch = 'none' | 'current' | 'stale';
type Confirm = 'none' | 'pending' | 'all';

interface ModelRequest {
  id: number;
  citizen: UserKey;
  institutionId: number;
  assigneeId: number | null;
  status: RequestStatus;
  resumeStatus: RequestStatus | null;
  version: number;
  /** The steps' answers (by the fixture's step index); missing: not answered. */
  answers: Partial<Record<0 | 1, 'yes' | 'no'>>;
  /** The audit trail: action, from, to, actor. */
  trail: { action: string; from: string | null; to: string | null; actor: number }[];
  /** The current evaluation's verdict (null until evaluated, and after a reopening). */
  verdict?: 'approved' | 'rejected' | null;
}

/** Mostly who the action is for, sometimes anyone (another institution's staff, another citizen, the anonymous). */
const anyone = fc.constantFrom<ActorKey>(...USERS, 'anonymous', 'owner', 'assigned');
const staffArb = fc.oneof({ weight: 5, arbitrary: fc.constantFrom<ActorKey>('assigned', 'attendant', 'manager') }, { weight: 2, arbitrary: anyone });
const citizenArb = fc.oneof({ weight: 5, arbitrary: fc.constant<ActorKey>('owner') }, { weight: 2, arbitrary: anyone });
const actorArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom<ActorKey>('owner', 'assigned', 'attendant', 'manager') }, { weight: 1, arbitrary: anyone });
const assigneeArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('attendant' as const, 'manager' as const, 'attendant2' as const) },
  { weight: 1, arbitrary: fc.constantFrom(...ASSIGNEES) },
);
const ifMatchArb = fc.constantFrom<IfMatch>('none', 'none', 'current', 'stale');
/** Which of the sequence's requests (from the newest): mostly the newest. */
const reqArb = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 5 }) });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('next' as const), req: reqArb, ifMatch: ifMatchArb, pick: fc.nat({ max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('file' as const), actor: fc.constantFrom(...FILERS) }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('analysis' as const), actor: staffArb, req: reqArb, ifMatch: ifMatchArb }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reject' as const), actor: staffArb, req: reqArb, ifMatch: ifMatchArb }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('conclude' as const), actor: staffArb, req: reqArb, ifMatch: ifMatchArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('step' as const),
      actor: staffArb,
      req: reqArb,
      ifMatch: ifMatchArb,
      step: fc.constantFrom(0 as const, 1 as const, 'unknown' as const),
      answer: fc.constantFrom('yes' as const, 'no' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('approve' as const),
      actor: staffArb,
      req: reqArb,
      ifMatch: ifMatchArb,
      assignee: assigneeArb,
      confirm: fc.constantFrom<Confirm>('none', 'pending', 'pending', 'all'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('reassign' as const), actor: staffArb, req: reqArb, ifMatch: ifMatchArb, assignee: assigneeArb }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('evaluate' as const),
      actor: citizenArb,
      req: reqArb,
      ifMatch: ifMatchArb,
      verdict: fc.constantFrom('approved' as const, 'rejected' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('reopen' as const), actor: citizenArb, req: reqArb, ifMatch: ifMatchArb }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('follow-up' as const),
      actor: actorArb,
      req: reqArb,
      kind: fc.constantFrom<FollowUpKind>('message', 'internal_note', 'info_request'),
    }),
  },
);

const STATUS_OF: Record<Exclude<Decision, 'allow'>, number> = { not_found: 404, forbidden: 403, conflict: 409 };
const ACTIONS: Record<'analysis' | 'reject' | 'conclude' | 'step' | 'approve' | 'reassign' | 'evaluate' | 'reopen', RequestAction> = {
  reopen: 'reopen',
  analysis: 'start_analysis',
  reassign: 'reassign',
  reject: 'reject',
  conclude: 'conclude',
  step: 'answer_step',
  approve: 'approve',
  evaluate: 'evaluate',
};

/** The action that moves a request on from its status, by whom it is for. */
function natural(r: ModelRequest, c: { req: number; ifMatch: IfMatch; pick: number }): Exclude<Command, { type: 'next' }> {
  const { req, ifMatch, pick } = c;
  switch (r.status) {
    case 'submitted':
      return { type: 'analysis', actor: pick === 2 ? 'manager' : 'attendant', req, ifMatch };
    case 'in_analysis':
      return pick === 2
        ? { type: 'step', actor: 'attendant', req, ifMatch, step: 0, answer: 'yes' }
        : { type: 'approve', actor: 'manager', req, ifMatch, assignee: pick === 0 ? 'attendant' : 'attendant2', confirm: 'pending' };
    case 'in_service':
      return pick === 2 ? { type: 'follow-up', actor: 'assigned', req, kind: 'info_request' } : { type: 'conclude', actor: 'assigned', req, ifMatch };
    case 'awaiting_citizen':
      return { type: 'follow-up', actor: 'owner', req, kind: 'message' };
    case 'concluded':
      return { type: 'evaluate', actor: 'owner', req, ifMatch, verdict: pick === 0 ? 'rejected' : 'approved' };
    case 'evaluated':
      return pick === 0 ? { type: 'reopen', actor: 'owner', req, ifMatch } : { type: 'file', actor: FILERS[pick] };
    default:
      return { type: 'file', actor: FILERS[pick] };
  }
}

describe(`model-based: the API agrees with the pure model (${ENGINE})`, () => {
  let t: TestContext;
  const actors = {} as Record<UserKey, Actor>;
  const tokens = {} as Record<UserKey, string>;
  const ids = {} as Record<UserKey | 'ghost', number>;

  before(async () => {
    t = await createTestContext();
    const { users, instA, instB } = t.fx;
    // The roles the fixture grants (test/helpers.ts), as the auth middleware builds them.
    const granted: Partial<Record<UserKey, [number, Role][]>> = {
      attendant: [[instA, 'attendant']],
      attendant2: [[instA, 'attendant']],
      manager: [[instA, 'manager']],
      attendantB: [[instB, 'attendant']],
      managerB: [[instB, 'manager']],
    };
    for (const k of USERS) {
      const roles = new Map<number, Role[]>();
      for (const [inst, role] of granted[k] ?? []) roles.set(inst, [...(roles.get(inst) ?? []), role]);
      actors[k] = { id: users[k].id, roles };
      tokens[k] = await t.token(users[k].sub);
      ids[k] = users[k].id;
    }
    ids.ghost = 2_000_000_000;
  });
  after(() => t.close());

  test(`random action sequences by random actors (seed ${SEED}, ${RUNS} runs)`, async (ctx) => {
    const steps = { total: 0, allowed: 0, refused: 0 };
    const done: Record<string, number> = {};
    const byStatus: Record<number, number> = {};
    const headers = (actor: UserKey | 'anonymous', extra: Record<string, string> = {}) =>
      actor === 'anonymous' ? extra : { ...extra, Authorization: `Bearer ${tokens[actor]}` };
    const facts = (r: ModelRequest): RequestFacts => ({
      institutionId: r.institutionId,
      citizenId: ids[r.citizen],
      assigneeId: r.assigneeId,
      status: r.status,
      resumeStatus: r.resumeStatus,
    });

    /**
     * May this person be named the request's assignee? Those who hold an
     * attending role there and could conclude it once assigned (the
     * domain's rule for attending it).
     */
    const mayAttend = (who: (typeof ASSIGNEES)[number], r: ModelRequest) => {
      if (who === 'ghost') return false;
      const a = actors[who];
      const assigned: RequestFacts = { ...facts(r), status: 'in_service', assigneeId: a.id };
      return canBeAssignee(a.roles.get(r.institutionId) ?? []) && decide(a, assigned, 'conclude') === 'allow';
    };

    /** The system's view of a request agrees with the model's. */
    async function check(r: ModelRequest, what: string) {
      const res = await t.call('GET', `/api/requests/${r.id}`, { as: 'manager' });
      assert.equal(res.status, 200, what);
      const d = await res.json();
      assert.equal(d.status, r.status, `${what}: status`);
      assert.equal(d.version, r.version, `${what}: version`);
      assert.equal(res.headers.get('ETag'), `"${r.version}"`, `${what}: ETag`);
      assert.equal(d.assignee?.id ?? null, r.assigneeId, `${what}: assignee`);
      const trail = (items: { action: string; from: string | null; to: string | null; actor: { id: number } | null }[]) =>
        items.map((e) => ({ action: e.action, from: e.from, to: e.to, actor: e.actor?.id ?? 0 }));
      const staff = await (await t.call('GET', `/api/requests/${r.id}/history`, { as: 'manager' })).json();
      assert.deepEqual(trail(staff.items), r.trail, `${what}: history as staff`);
      const mine = await (await t.call('GET', `/api/requests/${r.id}/history`, { as: r.citizen })).json();
      assert.deepEqual(
        trail(mine.items),
        r.trail.filter((e) => !hiddenActions(actors[r.citizen], facts(r)).includes(e.action)),
        `${what}: history as the citizen`,
      );
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'from_status', 'to_status', 'actor_id'])
        .where('request_id', '=', r.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => ({ action: a.action, from: a.from_status, to: a.to_status, actor: a.actor_id ?? 0 })),
        r.trail,
        `${what}: audit log`,
      );
    }

    await fc.assert(
      // Each sequence starts with a filing, so the actions have a request to act on.
      fc.asyncProperty(fc.array(commandArb, { minLength: 4, maxLength: 30, size: 'max' }), async (rest) => {
        const commands: Command[] = [{ type: 'file', actor: 'citizen' }, ...rest];
        const model: ModelRequest[] = [];
        for (const [n, given] of commands.entries()) {
          steps.total++;
          if (given.type === 'next' && !model.length) continue;
          const cmd = given.type === 'next' ? natural(model[model.length - 1 - (given.req % model.length)], given) : given;
          let what = `step ${n} ${JSON.stringify(cmd)}`;
          if (cmd.type === 'file') {
            const res = await t.call('POST', '/api/requests', { as: cmd.actor, body: filingBody(t.fx.service) });
            assert.equal(res.status, 201, what);
            const { id } = await res.json();
            const r: ModelRequest = {
              id,
              citizen: cmd.actor,
              institutionId: t.fx.instA,
              assigneeId: null,
              status: 'submitted',
              resumeStatus: null,
              version: 1,
              answers: {},
              trail: [{ action: 'file', from: null, to: 'submitted', actor: ids[cmd.actor] }],
            };
            model.push(r);
            steps.allowed++;
            byStatus[201] = (byStatus[201] ?? 0) + 1;
            await check(r, what);
            continue;
          }
          if (!model.length) continue;
          const r = model[model.length - 1 - (cmd.req % model.length)];
          const who: UserKey | 'anonymous' =
            cmd.actor === 'owner' ? r.citizen : cmd.actor === 'assigned' ? (USERS.find((k) => ids[k] === r.assigneeId) ?? 'attendant') : cmd.actor;
          const actor = who === 'anonymous' ? null : actors[who];
          what += ` by ${who} on request ${r.id}`;
          let expected: number;
          let res: Response;
          /** What the model does when the call succeeds. */
          let apply: () => void = () => {};
          /** The fixture's steps as the model sees them on this request. */
          const stepChecks = () => t.fx.steps.map((id, k) => ({ id, title: '', answer: r.answers[k as 0 | 1] ?? null }));
          const confirmed =
            cmd.type !== 'approve' || cmd.confirm === 'none' ? [] : cmd.confirm === 'all' ? t.fx.steps : stepsToConfirm(stepChecks()).map((s) => s.id);

          if (cmd.type === 'follow-up') {
            const form = new FormData();
            form.set('body', 'Mensagem de teste.');
            form.set('kind', cmd.kind);
            res = await t.call('POST', `/api/requests/${r.id}/follow-ups`, { as: who === 'anonymous' ? undefined : who, body: form });
            if (!actor) expected = 401;
            else {
              const decision = decideFollowUp(actor, facts(r), cmd.kind);
              expected = decision === 'allow' ? 201 : STATUS_OF[decision];
              if (decision === 'allow') {
                const kind = storedKind(actor, facts(r), cmd.kind);
                const action =
                  kind === 'info_request' ? 'ask_citizen' : kind === 'reply' ? 'citizen_reply' : kind === 'internal_note' ? 'internal_note' : 'follow_up';
                if (kind === 'info_request' || kind === 'reply') {
                  const d = decide(actor, facts(r), action as RequestAction);
                  const to = nextStatus(r.status, action as RequestAction, r.resumeStatus);
                  if (d !== 'allow') expected = STATUS_OF[d];
                  else if (!to) expected = 409;
                  else
                    apply = () => {
                      r.trail.push({ action, from: r.status, to, actor: actor.id });
                      r.resumeStatus = kind === 'info_request' ? r.status : null;
                      r.status = to;
                      r.version++;
                    };
                } else apply = () => r.trail.push({ action, from: r.status, to: r.status, actor: actor.id });
              }
            }
          } else {
            const action = ACTIONS[cmd.type];
            const ifMatch: Record<string, string> =
              cmd.ifMatch === 'none' ? {} : { 'If-Match': `"${cmd.ifMatch === 'current' ? r.version : r.version > 1 ? r.version - 1 : r.version + 7}"` };
            const path = {
              analysis: `/api/requests/${r.id}/analysis`,
              reject: `/api/requests/${r.id}/reject`,
              conclude: `/api/requests/${r.id}/conclude`,
              step: `/api/requests/${r.id}/steps/${cmd.type === 'step' ? (cmd.step === 'unknown' ? 999_999 : t.fx.steps[cmd.step]) : 0}`,
              approve: `/api/requests/${r.id}/approve`,
              reassign: `/api/requests/${r.id}/reassign`,
              evaluate: `/api/requests/${r.id}/evaluation`,
              reopen: `/api/requests/${r.id}/reopen`,
            }[cmd.type];
            const body =
              cmd.type === 'reject'
                ? { justification: 'Faltou documento.' }
                : cmd.type === 'conclude'
                  ? { text: 'Atendido.' }
                  : cmd.type === 'step'
                    ? { answer: cmd.answer }
                    : cmd.type === 'approve'
                      ? { assigneeId: ids[cmd.assignee], ...(confirmed.length ? { confirmSteps: confirmed } : {}) }
                      : cmd.type === 'reassign'
                        ? { assigneeId: ids[cmd.assignee] }
                        : cmd.type === 'evaluate'
                          ? { verdict: cmd.verdict, rating: 4 }
                          : cmd.type === 'reopen'
                            ? { reason: 'Não resolveu.' }
                            : undefined;
            res = await t.app.request(path, {
              method: cmd.type === 'step' ? 'PUT' : 'POST',
              headers: headers(who, { ...ifMatch, ...(body ? { 'Content-Type': 'application/json' } : {}) }),
              body: body ? JSON.stringify(body) : undefined,
            });
            // The order of the guarded transition (bff/transitions.ts): who → version → what the database must hold → state.
            const d = actor ? decide(actor, facts(r), action) : null;
            const to = nextStatus(r.status, action, r.resumeStatus);
            if (!actor) expected = 401;
            else if (d !== 'allow') expected = STATUS_OF[d!];
            else if (cmd.ifMatch === 'stale') expected = 412;
            else if (cmd.type === 'step' && cmd.step === 'unknown') expected = 404;
            // Reassigning to who attends it now changes nothing: refused, as naming who may not attend it.
            else if (cmd.type === 'reassign' && ids[cmd.assignee] === r.assigneeId) expected = 400;
            else if ((cmd.type === 'approve' || cmd.type === 'reassign') && !mayAttend(cmd.assignee, r)) expected = 400;
            // Steps answered "Não" or not answered must be named (bff/domain/steps.ts).
            else if (cmd.type === 'approve' && unconfirmedSteps(stepChecks(), confirmed).length) expected = 400;
            else if (!to) expected = 409;
            // Reopening needs an evaluation that did not approve (bff/domain/evaluations.ts reopenRefusal).
            else if (cmd.type === 'reopen' && r.verdict !== 'rejected') expected = 409;
            else {
              expected = 200;
              apply = () => {
                r.trail.push({ action, from: r.status, to, actor: actor.id });
                if (cmd.type === 'approve' || cmd.type === 'reassign') r.assigneeId = ids[cmd.assignee];
                if (cmd.type === 'step' && cmd.step !== 'unknown') r.answers[cmd.step] = cmd.answer;
                if (cmd.type === 'evaluate') r.verdict = cmd.verdict;
                if (cmd.type === 'reopen') r.verdict = null;
                r.status = to;
                r.version++;
              };
            }
          }
          byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
          assert.equal(
            res.status,
            expected,
            `${what} on ${JSON.stringify({ status: r.status, version: r.version, citizen: r.citizen, assigneeId: r.assigneeId })}: ${await res.text()}`,
          );
          if (res.status < 300) {
            apply();
            const key = cmd.type === 'follow-up' ? cmd.kind : cmd.type;
            done[key] = (done[key] ?? 0) + 1;
            steps.allowed++;
          } else steps.refused++;
          await check(r, what);
        }
      }),
      { seed: SEED, numRuns: RUNS, includeErrorInReport: true },
    );
    const summary = `model: ${RUNS} runs, ${steps.total} steps (${steps.allowed} done, ${steps.refused} refused as predicted) on ${ENGINE} (seed ${SEED}; statuses ${JSON.stringify(byStatus)}; done ${JSON.stringify(done)})`;
    console.log(summary);
    ctx.diagnostic(summary);
  });
});
