// A byte budget shared by everything that holds an upload in memory: a
// base64 JSON filing from its body to its insert, a streamed upload's files
// while they are read back from disk and written as blobs. Waiters are served
// first come, first served; one who waits longer than `waitMs` gets a 503
// with Retry-After instead of growing the heap.
import { ProblemError } from './errors.js';

export interface ByteBudget {
  /** Holds `bytes` (at most the whole budget) until the returned release is called; 503 after waiting `waitMs` (default: the budget's). */
  acquire(bytes: number, waitMs?: number): Promise<() => void>;
  /** Bytes held now (for tests and the benchmark). */
  readonly held: number;
}

export function createByteBudget(totalBytes: number, waitMs: number): ByteBudget {
  let held = 0;
  const queue: { bytes: number; grant: () => void }[] = [];
  const releaser = (bytes: number) => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      held -= bytes;
      pump();
    };
  };
  const pump = () => {
    while (queue.length && held + queue[0].bytes <= totalBytes) {
      const next = queue.shift()!;
      held += next.bytes;
      next.grant();
    }
  };
  return {
    get held() {
      return held;
    },
    acquire(requested, wait = waitMs) {
      const bytes = Math.max(0, Math.min(Math.ceil(requested), totalBytes));
      if (!queue.length && held + bytes <= totalBytes) {
        held += bytes;
        return Promise.resolve(releaser(bytes));
      }
      return new Promise((resolve, reject) => {
        const entry = { bytes, grant: () => (clearTimeout(timer), resolve(releaser(bytes))) };
        const timer = setTimeout(() => {
          queue.splice(queue.indexOf(entry), 1);
          pump();
          reject(busy(wait));
        }, wait);
        queue.push(entry);
      });
    },
  };
}

/** 503 with Retry-After: the server is busy with other uploads. */
export function busy(waitMs: number): ProblemError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new ProblemError(503, 'O servidor está recebendo muitos arquivos agora. Tente de novo em alguns segundos.', undefined, 'busy', seconds);
}
