// A newest-first list the API gives page by page (`{items, nextBefore}`): the
// first page follows the host's arguments (the institution, a generation
// bumped after each decision), "Carregar mais" appends the older ones. While
// the first page is fetched again, the rows already shown stay on screen.
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

export interface Page<T> {
  items: T[];
  nextBefore: number | null;
}

type Fetch<T> = (institutionId: number, before: number | undefined, signal: AbortSignal) => Promise<Page<T>>;

interface First<T> {
  institutionId: number;
  page: Page<T>;
}

export class Pages<T> {
  private readonly first: Task<readonly [number | undefined, number], First<T>>;
  private readonly more: Task<[First<T>, number], Page<T>>;
  /** The older pages "Carregar mais" added after the first page `of`, and why the last one failed. */
  private older?: { of: First<T>; items: T[]; next: number | null; failure?: unknown };

  constructor(
    private readonly host: ReactiveControllerHost,
    args: () => readonly [number | undefined, number],
    fetch: Fetch<T>,
  ) {
    this.first = new Task(host, {
      args,
      task: async ([institutionId], { signal }) =>
        institutionId === undefined ? initialState : { institutionId, page: await fetch(institutionId, undefined, signal) },
    });
    this.more = new Task(host, {
      autoRun: false,
      task: async ([of, before], { signal }) => {
        const page = await fetch(of.institutionId, before, signal);
        const kept = this.older?.of === of ? this.older.items : [];
        this.older = { of, items: [...kept, ...page.items], next: page.nextBefore };
        return page;
      },
    });
  }

  /** The first page shown now, if it is `institutionId`'s. */
  private current(institutionId?: number): First<T> | undefined {
    const v = this.first.value;
    if (!v || this.first.status === TaskStatus.INITIAL || (institutionId !== undefined && v.institutionId !== institutionId)) return undefined;
    return v;
  }

  /** The older pages loaded after the first page on screen. */
  private get added() {
    const v = this.current();
    return v && this.older?.of === v ? this.older : undefined;
  }

  /** The rows of `institutionId` loaded so far; undefined until its first page arrives. */
  itemsOf(institutionId: number | undefined): T[] | undefined {
    const v = this.current(institutionId);
    if (!v) return undefined;
    return [...v.page.items, ...(this.added?.items ?? [])];
  }

  /** Where the next older page starts; null at the end. */
  private get next(): number | null {
    const added = this.added;
    return added ? added.next : (this.current()?.page.nextBefore ?? null);
  }

  /** Whether older rows are there to load. */
  get hasMore(): boolean {
    return this.next !== null;
  }

  get pending(): boolean {
    return this.first.status === TaskStatus.PENDING;
  }

  get loadingMore(): boolean {
    return this.more.status === TaskStatus.PENDING;
  }

  /** Why the first page failed, if it did. */
  get firstError(): unknown {
    return this.first.status === TaskStatus.ERROR ? this.first.error : undefined;
  }

  /** Why the last "Carregar mais" failed, if it did (for the rows on screen). */
  get moreError(): unknown {
    return this.added?.failure;
  }

  /** Reads the first page again (the older pages loaded are dropped once it answers). */
  reload(): void {
    void this.first.run();
  }

  /** Loads the next older page; answers how many rows it added (0 when it failed). */
  async loadMore(): Promise<number> {
    // A first page being read again (a tab shown anew) would drop what this adds when it answers: wait for it.
    if (this.pending) await this.first.taskComplete.catch(() => undefined);
    const of = this.current();
    const next = this.next;
    if (!of || next === null || this.loadingMore) return 0;
    void this.more.run([of, next]);
    try {
      return (await this.more.taskComplete).items.length;
    } catch (error) {
      this.older = { of, items: this.older?.of === of ? this.older.items : [], next, failure: error };
      this.host.requestUpdate();
      return 0;
    }
  }
}
