#!/usr/bin/env node
// `npm test`: every check, in this order:
//   lint     ESLint over the whole tree (eslint.config.js: the rule sets and the
//            direction of every import between folders);
//   format   Prettier's check over the whole tree (.prettierrc.json, .prettierignore);
//   api      the API, domain and bench smoke tests (node:test; against SQLite,
//            or PostgreSQL when DATABASE_URL=postgres://… names a server: each
//            run creates and drops its own database);
//   browser  the elements in real Chromium (@web/test-runner). Installs
//            Debian's Chromium when it is missing.
// A failing stage does not stop the next ones. Name stages to run only those
// (`node scripts/test.mjs api` is `npm run test:api`). Ends with one line CI
// reads: "N passed, N failed" — the lint and the format check count as one
// result each, each node:test or browser test as one; a runner that dies
// counts as a failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
process.chdir(root);

const STAGES = ['lint', 'format', 'api', 'browser'];
const asked = process.argv.slice(2);
const unknown = asked.filter((s) => !STAGES.includes(s));
if (unknown.length) {
  console.error(`Etapa desconhecida: ${unknown.join(', ')}. Etapas: ${STAGES.join(', ')}.`);
  process.exit(2);
}
const stages = asked.length ? STAGES.filter((s) => asked.includes(s)) : STAGES;

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const scratch = mkdtempSync(join(tmpdir(), 'atende-test-'));

/** A tool's command in node_modules/.bin, here or in a folder above (as npm finds it). */
function bin(name) {
  for (let dir = root; ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', '.bin', name);
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return name;
  }
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(p).isDirectory()) return findTests(p);
    return name.endsWith('.test.ts') ? [relative(root, p)] : [];
  });
}

/** Runs a command with its output on this terminal; resolves to its exit code (1 when killed by a signal). */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (err) => {
      console.error(`${cmd}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** A check with no count of its own (lint, format): one result, passed or failed. */
async function check(name, cmd, args) {
  console.log(`\n▶ ${name}\n`);
  const code = await run(cmd, args);
  if (code === 0) {
    passed += 1;
  } else {
    failed += 1;
    failures.push(name);
  }
}

/** Reads the counts a reporter left in `file`; a missing or unreadable file means the runner died. */
function readCounts(file) {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    return JSON.parse(lines.at(-1));
  } catch {
    return null;
  }
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return path;
  console.log(`Chromium não encontrado em ${path}; instalando o pacote Debian "chromium"…`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const sh = (args) =>
    spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  sh(['apt-get', 'update', '-qq']);
  sh(['apt-get', 'install', '-y', '-qq', 'chromium']);
  if (!existsSync(path)) {
    console.error('Não foi possível instalar o Chromium: instale o pacote "chromium" (apt-get install chromium).');
    return null;
  }
  return path;
}

// 1. Lint: the rule sets and the direction of imports (eslint.config.js).
if (stages.includes('lint')) await check('ESLint', bin('eslint'), ['--max-warnings=0', '.']);

// 2. Format.
if (stages.includes('format')) await check('Prettier', bin('prettier'), ['--check', '--log-level=warn', '.']);

// 3. API, domain, bench smoke (node:test). The spec reporter prints for people;
// scripts/node-test-counts.mjs counts the runner's events into a file.
if (stages.includes('api')) {
  const nodeTests = [...findTests('test'), ...findTests('bench')].filter((f) => !f.startsWith(join('test', 'e2e')));
  const db = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
  console.log(`\n▶ Testes da API e do domínio (${nodeTests.length} arquivos, banco ${db})\n`);
  const countsFile = join(scratch, 'node-test.json');
  const code = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts', 'node-test-counts.mjs')}`,
    `--test-reporter-destination=${countsFile}`,
    ...nodeTests,
  ]);
  const counts = readCounts(countsFile);
  if (!counts) {
    failed += 1;
    failures.push(`node:test terminou sem contagem (código ${code})`);
  } else {
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    failures.push(...counts.failures);
    if (code !== 0 && counts.failed === 0) {
      failed += 1;
      failures.push(`node:test saiu com código ${code}`);
    }
  }
}

// 4. Elements in Chromium; web-test-runner.config.js writes the counts.
if (stages.includes('browser') && existsSync('web-test-runner.config.js')) {
  const chromium = ensureChromium();
  if (!chromium) {
    failed += 1;
    failures.push('Chromium ausente');
  } else {
    console.log('\n▶ Testes dos elementos no Chromium\n');
    const resultsFile = join(scratch, 'wtr.json');
    const code = await run(bin('web-test-runner'), [], { CHROMIUM_PATH: chromium, ATENDE_WTR_RESULTS: resultsFile });
    const counts = readCounts(resultsFile);
    if (!counts) {
      if (code !== 0) {
        failed += 1;
        failures.push(`web-test-runner terminou sem contagem (código ${code})`);
      }
    } else {
      passed += counts.passed;
      failed += counts.failed;
      if (code !== 0 && counts.failed === 0) {
        failed += 1;
        failures.push(`web-test-runner saiu com código ${code}`);
      }
    }
  }
}

rmSync(scratch, { recursive: true, force: true });
if (failures.length) console.log(`\nFalhas:\n${failures.map((f) => `  ✖ ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
