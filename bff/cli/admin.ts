// The administrator's command line (issue #15): managers are designated by
// ordinance (portaria), not by a form, so only someone with access to the
// server's database designates or revokes them.
//
//   npm run admin -- designate-manager --sub SUB --institution DETRAN --ordinance "Portaria nº 12/2026" [--name NAME] [--unit UNIT]
//   npm run admin -- revoke-manager --sub SUB --institution DETRAN --reason "Fim da designação"
//   npm run admin -- list-managers [--institution DETRAN]
//
// The database is DATABASE_URL's (or the embedded default, as the server's).
// Arguments are parsed by node:util's parseArgs (strict: unknown options and
// missing values are errors); the writes are bff/access-service.ts's, shared
// with the API, so a designation is audited like any grant.
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { timeZoneOf } from '../config.js';
import { AccessServiceError, designateManager, listManagers, revokeManager } from '../access-service.js';

export const USAGE = `Uso: npm run admin -- <comando> [opções]

Comandos:
  designate-manager  Designa um gestor da instituição (com a portaria).
      --sub SUB                 o identificador do servidor no login do Estado (obrigatório)
      --institution SIGLA|ID    a instituição, pela sigla ou pelo número (obrigatório)
      --ordinance TEXTO         a portaria ou o processo SEI da designação (obrigatório)
      --name NOME               o nome, quando o servidor ainda não entrou no Atende
      --unit UNIDADE            a unidade (lotação)
  revoke-manager     Revoga a designação de um gestor.
      --sub SUB, --institution SIGLA|ID (obrigatórios)
      --reason TEXTO            o motivo (obrigatório)
  list-managers      Lista os gestores em exercício.
      --institution SIGLA|ID    só desta instituição
  help               Mostra esta ajuda.

O banco é o de DATABASE_URL (ou data/atende.db, como o do servidor).`;

export interface AdminIo {
  /** Opens the database, once a command's arguments are good. */
  db: () => Promise<Kysely<Database>>;
  now: () => Date;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Who runs the command, for the audit log (the operating system's user by default). */
  operator?: string;
}

/** A mistake in how the command was called: exit code 2, with the usage. */
class UsageError extends Error {}

const OPTIONS = {
  designate: { sub: { type: 'string' }, institution: { type: 'string' }, ordinance: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' } },
  revoke: { sub: { type: 'string' }, institution: { type: 'string' }, reason: { type: 'string' } },
  list: { institution: { type: 'string' } },
} as const;

/** parseArgs, with its errors in Portuguese. */
function parse<O extends Record<string, { type: 'string' }>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Partial<Record<keyof O, string>>;
  } catch (e) {
    const err = e as Error & { code?: string };
    const opt = /'(-{1,2}[^']*)'/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Opção desconhecida: ${opt}.`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`A opção ${opt.split(' ')[0]} precisa de um valor.`);
    if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`Argumento inesperado: ${opt || err.message}. Use --opção valor.`);
    throw new UsageError(err.message);
  }
}

/** The values of the required options, trimmed; a usage error naming every one missing or blank. */
function required<N extends string>(values: Partial<Record<string, string>>, ...names: N[]): Record<N, string> {
  const missing = names.filter((n) => !values[n]?.trim());
  if (missing.length === 1) throw new UsageError(`Falta a opção --${missing[0]}.`);
  if (missing.length > 1)
    throw new UsageError(
      `Faltam as opções ${missing
        .map((n) => `--${n}`)
        .join(', ')
        .replace(/, ([^,]*)$/, ' e $1')}.`,
    );
  return Object.fromEntries(names.map((n) => [n, values[n]!.trim()])) as Record<N, string>;
}

function optional(values: Record<string, string | undefined>, name: string): string | undefined {
  const v = values[name]?.trim();
  return v ? v : undefined;
}

/** Runs one command; answers the process exit code (0 done, 1 refused, 2 called wrongly). */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  const [command, ...args] = argv;
  const operator = io.operator ?? safeUser();
  try {
    switch (command) {
      case 'designate-manager': {
        const v = parse(args, OPTIONS.designate);
        const { sub, institution, ordinance } = required(v, 'sub', 'institution', 'ordinance');
        const done = await designateManager(await io.db(), {
          sub,
          institution,
          ordinance,
          name: optional(v, 'name'),
          unit: optional(v, 'unit'),
          operator,
          at: io.now(),
          timeZone: timeZoneOf(process.env),
        });
        io.out(`${done.user.name} (${done.user.sub}) designado(a) gestor(a) de ${done.institution.acronym} — ${ordinance}.`);
        return 0;
      }
      case 'revoke-manager': {
        const v = parse(args, OPTIONS.revoke);
        const done = await revokeManager(await io.db(), {
          ...required(v, 'sub', 'institution', 'reason'),
          operator,
          at: io.now(),
          timeZone: timeZoneOf(process.env),
        });
        io.out(`Designação de ${done.user.name} (${done.user.sub}) como gestor(a) de ${done.institution.acronym} revogada.`);
        if (done.unassigned.length) {
          io.out(`${done.unassigned.length} solicitação(ões) em atendimento ficaram sem atendente: ${done.unassigned.map((r) => r.protocol).join(', ')}.`);
        }
        return 0;
      }
      case 'list-managers': {
        const v = parse(args, OPTIONS.list);
        const rows = await listManagers(await io.db(), { institution: optional(v, 'institution'), now: io.now() });
        if (!rows.length) io.out('Nenhum gestor em exercício.');
        for (const r of rows) io.out(`${r.acronym}\t${r.sub}\t${r.name}\t${r.ordinance ?? '(sem portaria)'}\tdesde ${r.grantedAt.slice(0, 10)}`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        (command === undefined ? io.err : io.out)(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Comando desconhecido: ${command}.`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Erro: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    // The service's refusals are sentences in Portuguese; anything else is a fault worth its stack.
    if (e instanceof AccessServiceError) {
      io.err(`Erro: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'desconhecido';
  }
}

// Run as a program: open the database, migrate it (as the server does), run, close.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { connect } = await import('../../db/connect.js');
  const { migrateToLatest } = await import('../../db/migrate.js');
  const { databaseUrlOf } = await import('../config.js');
  let database: ReturnType<typeof connect> | null = null;
  let code = 1;
  try {
    code = await runAdmin(process.argv.slice(2), {
      // Opened only for a well-formed command: a usage mistake touches no database.
      db: async () => {
        database = connect(databaseUrlOf(process.env), { poolSize: 1 });
        await migrateToLatest(database.db);
        return database.db;
      },
      now: () => new Date(),
      out: (l) => console.log(l),
      err: (l) => console.error(l),
    });
  } catch (e) {
    console.error(`Erro inesperado: ${(e as Error).stack ?? e}`);
  } finally {
    await (database as { close(): Promise<void> } | null)?.close();
  }
  process.exitCode = code;
}
