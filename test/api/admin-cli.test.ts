// The administrator's command line (issue #15): designating and revoking
// managers by ordinance, audited, with clear errors — on the run's engine
// (SQLite, or PostgreSQL with DATABASE_URL), through runAdmin as the program
// runs it, and once as a real process.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runAdmin } from '../../bff/cli/admin.js';
import { createTestContext, type TestContext } from '../helpers.js';

const run = promisify(execFile);

describe('npm run admin', () => {
  let ctx: TestContext;
  const admin = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(argv, {
      db: async () => ctx.database.db,
      now: () => ctx.clock.now,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      operator: 'root',
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  /** Past the identity cache (IDENTITY_TTL): the command line runs beside the server, not in it. */
  const later = () => (ctx.clock.now = new Date(ctx.clock.now.getTime() + 10_000));

  before(async () => {
    ctx = await createTestContext();
  });
  after(() => ctx.close());

  it('designates a manager by ordinance: they manage the institution, and the history says who, how and by which act', async () => {
    // Before: the attendant is not a manager, so the charter's drafts are refused.
    assert.equal((await ctx.call('GET', `/api/institutions/${ctx.fx.instA}/memberships`, { as: 'attendant' })).status, 403);
    const r = await admin('designate-manager', '--sub', 'attendant', '--institution', 'DETRAN', '--ordinance', 'Portaria nº 77/2026-GAB');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Pessoa attendant \(attendant\) designado\(a\) gestor\(a\) de DETRAN — Portaria nº 77\/2026-GAB\./);
    later();
    const me = await (await ctx.call('GET', '/api/me', { as: 'attendant' })).json();
    assert.ok(
      me.memberships.some(
        (m: { role: string; institution: { acronym: string }; ordinance: string }) =>
          m.role === 'manager' && m.institution.acronym === 'DETRAN' && m.ordinance === 'Portaria nº 77/2026-GAB',
      ),
    );
    assert.equal((await ctx.call('GET', `/api/institutions/${ctx.fx.instA}/memberships`, { as: 'attendant' })).status, 200);
    const history = await (await ctx.call('GET', `/api/institutions/${ctx.fx.instA}/access-history`, { as: 'manager' })).json();
    const entry = history.items.find((e: { event: string }) => e.event === 'manager_designated');
    assert.ok(entry, 'the designation is in the access history');
    assert.equal(entry.source, 'cli');
    assert.equal(entry.actor, null);
    assert.equal(entry.subject.name, 'Pessoa attendant');
    assert.equal(entry.ordinance, 'Portaria nº 77/2026-GAB');
  });

  it('takes the institution by its number too, and registers a servant who never signed in when given --name', async () => {
    const missing = await admin('designate-manager', '--sub', 'nova.gestora', '--institution', String(ctx.fx.instB), '--ordinance', 'Portaria 5/2026');
    assert.equal(missing.code, 1);
    assert.match(missing.err, /nova\.gestora/);
    assert.match(missing.err, /--name/);
    const made = await admin(
      'designate-manager',
      '--sub',
      'nova.gestora',
      '--name',
      'Helena Prado',
      '--institution',
      String(ctx.fx.instB),
      '--ordinance',
      'Portaria 5/2026',
    );
    assert.equal(made.code, 0, made.err);
    assert.match(made.out, /Helena Prado \(nova\.gestora\) designado\(a\) gestor\(a\) de SEFAZ/);
    const list = await admin('list-managers', '--institution', 'SEFAZ');
    assert.equal(list.code, 0);
    assert.match(list.out, /SEFAZ\tnova\.gestora\tHelena Prado\tPortaria 5\/2026/);
    assert.match(list.out, /SEFAZ\tmanagerB\t/);
    assert.doesNotMatch(list.out, /DETRAN/);
  });

  it('refuses, with exit code 1 and a sentence, what cannot be done', async () => {
    const twice = await admin('designate-manager', '--sub', 'manager', '--institution', 'DETRAN', '--ordinance', 'Portaria 1/2026');
    assert.equal(twice.code, 1);
    assert.match(twice.err, /^Erro: .*já é gestor/i);
    const nowhere = await admin('designate-manager', '--sub', 'citizen', '--institution', 'XPTO', '--ordinance', 'Portaria 1/2026');
    assert.equal(nowhere.code, 1);
    assert.match(nowhere.err, /^Erro: .*XPTO/);
    const notManager = await admin('revoke-manager', '--sub', 'citizen', '--institution', 'DETRAN', '--reason', 'Engano');
    assert.equal(notManager.code, 1);
    assert.match(notManager.err, /^Erro: .*não é gestor/i);
  });

  it('answers a wrongly called command with exit code 2, the mistake named and the usage', async () => {
    const cases: [string[], RegExp][] = [
      [['designate-manager', '--sub', 'x', '--institution', 'DETRAN'], /Falta a opção --ordinance\./],
      [['designate-manager', '--sub', 'x', '--institution', 'DETRAN', '--ordinance', '   '], /Falta a opção --ordinance\./],
      [['designate-manager', '--sub', 'x', '--institution', 'DETRAN', '--ordinance', 'P', '--cargo', 'y'], /Opção desconhecida: --cargo\./],
      [['revoke-manager', '--sub'], /A opção --sub precisa de um valor\./],
      [['revoke-manager', 'manager'], /Argumento inesperado/],
      [['promote', '--sub', 'x'], /Comando desconhecido: promote\./],
    ];
    for (const [argv, message] of cases) {
      const r = await admin(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, message, argv.join(' '));
      assert.match(r.err, /Uso: npm run admin -- <comando>/);
    }
    const bare = await admin();
    assert.equal(bare.code, 2);
    assert.match(bare.err, /Comandos:/);
    const help = await admin('help');
    assert.equal(help.code, 0);
    assert.match(help.out, /designate-manager/);
  });

  it('revokes a manager: audited with the reason, and their next manager action is refused', async () => {
    const before = await admin('list-managers', '--institution', 'DETRAN');
    assert.match(before.out, /DETRAN\tattendant\t/);
    const r = await admin('revoke-manager', '--sub', 'attendant', '--institution', 'DETRAN', '--reason', 'Fim da designação (Portaria 80/2026)');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Designação de Pessoa attendant \(attendant\) como gestor\(a\) de DETRAN revogada\./);
    later();
    // Still an attendant there (another membership), no longer a manager.
    assert.equal((await ctx.call('GET', `/api/institutions/${ctx.fx.instA}/memberships`, { as: 'attendant' })).status, 403);
    const history = await (await ctx.call('GET', `/api/institutions/${ctx.fx.instA}/access-history`, { as: 'manager' })).json();
    const entry = history.items.find((e: { event: string }) => e.event === 'manager_revoked');
    assert.ok(entry);
    assert.equal(entry.source, 'cli');
    assert.equal(entry.reason, 'Fim da designação (Portaria 80/2026)');
    assert.doesNotMatch((await admin('list-managers', '--institution', 'DETRAN')).out, /\tattendant\t/);
  });

  it('runs as a program: `npm run admin` designates on the database of DATABASE_URL, and a usage mistake exits 2 in Portuguese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atende-admin-'));
    try {
      const env = { ...process.env, DATABASE_URL: join(dir, 'atende.db') };
      const cli = ['--import', 'tsx', 'bff/cli/admin.ts'];
      const wrong = await run(process.execPath, [...cli, 'designate-manager', '--sub', 'x'], { env }).then(
        () => assert.fail('a usage mistake must fail'),
        (e: { code: number; stderr: string }) => e,
      );
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /Faltam as opções --institution e --ordinance\./);
      // A fresh database has no institution yet: refused with exit code 1, after migrating it.
      const none = await run(process.execPath, [...cli, 'designate-manager', '--sub', 'x', '--name', 'X', '--institution', 'DETRAN', '--ordinance', 'P'], {
        env,
      }).then(
        () => assert.fail('no institution yet'),
        (e: { code: number; stderr: string }) => e,
      );
      assert.equal(none.code, 1);
      assert.match(none.stderr, /DETRAN/);
      const help = await run(process.execPath, [...cli, 'help'], { env });
      assert.match(help.stdout, /revoke-manager/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
