#!/usr/bin/env node
// `npm test`: every test. The API and domain tests (node:test; against SQLite,
// or PostgreSQL when DATABASE_URL=postgres://… names a server: each run
// creates and drops its own database), then the elements in real Chromium
// (@web/test-runner). Installs Debian's Chromium when it is missing. Ends with
// one line CI reads: "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
process.chdir(root);
let passed = 0;
let failed = 0;

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(p).isDirectory()) return findTests(p);
    return name.endsWith('.test.ts') ? [relative(root, p)] : [];
  });
}

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return path;
  console.log(`Chromium não encontrado em ${path}; instalando o pacote Debian "chromium"…`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const sh = (args) => spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  sh(['apt-get', 'update', '-qq']);
  sh(['apt-get', 'install', '-y', '-qq', 'chromium']);
  if (!existsSync(path)) {
    console.error('Não foi possível instalar o Chromium: instale o pacote "chromium" (apt-get install chromium).');
    return null;
  }
  return path;
}

// 1. API, domain, bench smoke (node:test).
const nodeTests = [...findTests('test'), ...findTests('bench')].filter((f) => !f.startsWith(join('test', 'e2e')));
const db = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
console.log(`\n▶ Testes da API e do domínio (${nodeTests.length} arquivos, banco ${db})\n`);
const api = await run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...nodeTests]);
const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)`, 'm').exec(api.out)?.[1] ?? 0);
passed += count('pass');
failed += count('fail') + count('cancelled');
if (api.code !== 0 && count('fail') + count('cancelled') === 0) failed += 1;

// 2. Elements in Chromium.
if (existsSync('web-test-runner.config.js')) {
  const chromium = ensureChromium();
  if (!chromium) {
    failed += 1;
  } else {
    console.log('\n▶ Testes dos elementos no Chromium\n');
    const resultsFile = join(mkdtempSync(join(tmpdir(), 'atende-wtr-')), 'results.json');
    const wtr = await run(join('node_modules', '.bin', 'web-test-runner'), [], { CHROMIUM_PATH: chromium, ATENDE_WTR_RESULTS: resultsFile });
    if (existsSync(resultsFile)) {
      const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
      passed += r.passed;
      failed += r.failed;
      if (wtr.code !== 0 && r.failed === 0) failed += 1;
    } else if (wtr.code !== 0) {
      failed += 1;
    }
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
