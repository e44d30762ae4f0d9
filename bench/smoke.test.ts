// The benchmark harness in miniature, so it cannot rot: a tiny generated
// database, the real server in a child process, every scenario for a few
// hundred requests. Asserts that everything ran cleanly and produced numbers;
// it times nothing (benchmarks are not tests).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { isPostgresUrl } from '../db/connect.js';
import { QUICK, runBench } from './run.js';

test('bench smoke: every scenario runs cleanly and yields numbers', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atende-bench-'));
  const base = process.env.DATABASE_URL;
  const pgName = `atende_bench_smoke_${process.pid}`;
  try {
    const report = await runBench({ ...QUICK, sizes: [1000], dataDir: dir, outDir: null, quiet: true, pgName: () => pgName });
    assert.equal(report.sizes.length, 1);
    const size = report.sizes[0];
    assert.ok(size.jwksFetches >= 1, 'tokens were verified through the remote JWKS');
    assert.deepEqual(
      size.scenarios.map((s) => s.key),
      ['queue', 'queue_db', 'status_due', 'worklist', 'deep', 'search_name', 'search_protocol', 'search_protocol_part', 'detail', 'start_analysis'],
    );
    for (const s of size.scenarios) {
      assert.equal(s.errors, 0, `${s.key}: errors`);
      assert.equal(s.timeouts, 0, `${s.key}: timeouts`);
      assert.equal(s.non2xx, 0, `${s.key}: non-2xx ${JSON.stringify(s.status)}`);
      assert.ok(s.responses >= 300, `${s.key}: ${s.responses} responses`);
      for (const [k, v] of Object.entries(s.median)) assert.ok(Number.isFinite(v) && v > 0, `${s.key}: ${k} = ${v}`);
    }
    assert.ok(size.deepDepth > 0, 'the deep page walked the cursor');
    assert.ok(report.targets.length > 0 && report.targets.every((t) => typeof t.met === 'boolean'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (base && isPostgresUrl(base)) {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${pgName} with (force)`);
      await c.end();
    }
  }
});
