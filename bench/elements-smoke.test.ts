// The element measurements in miniature, so they cannot rot: bundle sizes,
// two first renders of the queue and one round of interactions in Chromium,
// no throttling. Asserts only that every measurement produced a number; it
// times nothing (benchmarks are not tests).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureElements, rows, toMarkdown } from './elements.js';

test('element bench smoke: every measurement yields a finite positive number', { timeout: 120_000 }, async () => {
  const results = await measureElements({ runs: 1, quick: true, out: null, quiet: true });
  const all = rows(results);
  assert.ok(
    all.some((r) => r.measurement.startsWith('Whole bundle')),
    'the whole bundle was measured',
  );
  assert.ok(
    all.some((r) => r.measurement.includes('request-queue.js')),
    'the queue element was measured',
  );
  assert.ok(
    all.some((r) => r.measurement.startsWith('Queue first render')),
    'the first render was measured',
  );
  for (const name of ['next page', 'previous page', 'status filter', 'sort']) {
    assert.ok(
      all.some((r) => r.measurement.startsWith(name)),
      `the ${name} interaction was measured`,
    );
  }
  for (const r of all) assert.ok(Number.isFinite(r.value) && r.value > 0, `${r.measurement}: ${r.value}`);
  assert.match(toMarkdown(results), /\| Measurement \| Value \|/);
});
