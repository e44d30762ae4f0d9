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

export class Pages<T> {
  /** Older pages appended by "Carregar mais", for the first page's institution. */
  private older: T[] = [];
  private next: number | null = null;
  private readonly first: Task<readonly [number | undefined, number], { institutionId: number; page: Page<T> }>;
  private readonly more: Task<[number, number], Page<T>>;

  constructor(host: ReactiveControllerHost, args: () => readonly [number | undefined, number], fetch: Fetch<T>) {
    this.first = new Task(host, {
      args,
      task: async ([institutionId], { signal }) => {
        if (institutionId === undefined) return initialState;
        const page = await fetch(institutionId, undefined, signal);
        this.older = [];
        this.next = page.nextBefore;
        return { institutionId, page };
      },
    });
    this.more = new Task(host, {
      autoRun: false,
      task: async ([institutionId, before], { signal }) => {
        const page = await fetch(institutionId, before, signal);
        if (this.first.value?.institutionId === institutionId) {
          this.older = [...this.older, ...page.items];
          this.next = page.nextBefore;
        }
        return page;
      },
    });
  }

  /** The rows of `institutionId` loaded so far; undefined until its first page arrives. */
  itemsOf(institutionId: number | undefined): T[] | undefined {
    const v = this.first.value;
    if (!v || v.institutionId !== institutionId || this.first.status === TaskStatus.INITIAL) return undefined;
    return [...v.page.items, ...this.older];
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

  /** Why the last "Carregar mais" failed, if it did. */
  get moreError(): unknown {
    return this.more.status === TaskStatus.ERROR ? this.more.error : undefined;
  }

  /** Reads the first page again (older pages loaded are dropped once it answers). */
  reload(): void {
    void this.first.run();
  }

  /** Loads the next older page; answers how many rows it added (0 when it failed or was not for this institution). */
  async loadMore(): Promise<number> {
    const institutionId = this.first.value?.institutionId;
    if (institutionId === undefined || this.next === null || this.loadingMore) return 0;
    void this.more.run([institutionId, this.next]);
    try {
      return (await this.more.taskComplete).items.length;
    } catch {
      return 0;
    }
  }
}
