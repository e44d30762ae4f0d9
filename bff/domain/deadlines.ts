// Deadlines (prazos) in calendar or business days. Business days skip
// Saturdays, Sundays and the configured holidays. Days are counted in the
// state's time zone (TIME_ZONE, contract/time.ts) and a deadline ends at
// 23:59:59.999 local time of its last day.
import { addDays, endOfLocalDay, localDate } from '../../contract/time.js';
import { CLOCK_STATUSES, type Deadline } from '../../contract/types.js';

function isBusinessDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** When a request filed at `filedAt` is due under `deadline`. */
export function dueDate(filedAt: Date, deadline: Deadline, holidays: ReadonlySet<string>, timeZone: string): Date {
  let date = localDate(filedAt, timeZone);
  if (deadline.kind === 'calendar') return endOfLocalDay(addDays(date, deadline.days), timeZone);
  let left = deadline.days;
  while (left > 0) {
    date = addDays(date, 1);
    if (isBusinessDay(date, holidays)) left--;
  }
  return endOfLocalDay(date, timeZone);
}

const RUNNING = new Set<string>(CLOCK_STATUSES);

/** Whether the deadline clock runs in this status (it stops while awaiting the citizen and once decided). */
function deadlineRuns(status: string): boolean {
  return RUNNING.has(status);
}

/** `now`: a Date, or its ISO string when many rows are checked against one instant. */
export function isOverdue(status: string, dueAt: string, now: Date | string): boolean {
  return RUNNING.has(status) && (typeof now === 'string' ? now : now.toISOString()) > dueAt;
}

/**
 * The deadline after a pause: the clock stood still from `pausedAt` (the
 * request for information) to `resumedAt` (the citizen's reply), so the
 * deadline moves by that long.
 */
export function shiftDue(dueAt: string, pausedAt: string | null, resumedAt: string): string {
  if (!pausedAt) return dueAt;
  const paused = Date.parse(resumedAt) - Date.parse(pausedAt);
  return new Date(Date.parse(dueAt) + Math.max(0, paused)).toISOString();
}

/** The instant a list of requests stops being right with no write: when the first of them becomes overdue. */
export function validUntil(items: readonly { status: string; dueAt: string; overdue: boolean }[]): string {
  let until = '9999-12-31T23:59:59.999Z';
  for (const item of items) if (!item.overdue && deadlineRuns(item.status) && item.dueAt < until) until = item.dueAt;
  return until;
}

/** Parses a holiday list such as "2026-12-25,2027-01-01". */
export function parseHolidays(list: string | undefined): Set<string> {
  const days = (list ?? '').split(/[\s,]+/).filter(Boolean);
  for (const d of days) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`HOLIDAYS: "${d}" is not a YYYY-MM-DD date`);
  }
  return new Set(days);
}

/** National holidays with fixed dates, the default list (years around now). */
export function defaultHolidays(now = new Date()): Set<string> {
  const fixed = ['01-01', '04-21', '05-01', '09-07', '10-12', '11-02', '11-15', '11-20', '12-25'];
  const year = now.getUTCFullYear();
  const out = new Set<string>();
  for (let y = year - 2; y <= year + 2; y++) for (const md of fixed) out.add(`${y}-${md}`);
  return out;
}
