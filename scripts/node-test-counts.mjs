// A node:test reporter for `npm test` (scripts/test.mjs): counts the results
// from the runner's own events instead of reading the spec reporter's text,
// and writes one JSON line when the run ends:
//   {"passed":N,"failed":N,"skipped":N,"failures":["file › test", …]}
// A missing line means the runner died before the end.
//
// What counts: every leaf test (one with no subtests), whether it passed,
// failed, was cancelled (a timeout, a failed `before` hook, a file whose
// process exited early) or was skipped/todo; a suite or a parent test counts
// only when it fails for a reason of its own (a hook, code after its subtests,
// a file that crashed while loading), not when it merely reports that a
// subtest failed.

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* countResults(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  // Per file, per nesting level: whether a test at that level finished since
  // the last one a level up, i.e. whether the next test to finish one level up
  // is a parent. Events for one file arrive in order, children before parents.
  const finishedAt = new Map();

  for await (const { type, data } of source) {
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    const levels = finishedAt.get(data.file) ?? finishedAt.set(data.file, new Set()).get(data.file);
    const isParent = data.details?.type === 'suite' || levels.has(data.nesting + 1);
    levels.delete(data.nesting + 1);
    levels.add(data.nesting);

    const file = data.file ? relativeName(data.file) : '';
    const where = data.name === data.file || !file ? relativeName(data.name) : `${file} › ${data.name}`;
    if (type === 'test:fail') {
      if (!isParent || data.details?.error?.failureType !== 'subtestsFailed') {
        failed += 1;
        failures.push(where);
      }
    } else if (!isParent) {
      if (data.skip || data.todo) skipped += 1;
      else passed += 1;
    }
  }
  yield `${JSON.stringify({ passed, failed, skipped, failures })}\n`;
}

function relativeName(file) {
  const cwd = `${process.cwd()}/`;
  return file.startsWith(cwd) ? file.slice(cwd.length) : file;
}
