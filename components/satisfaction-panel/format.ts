// Numbers and months as people read them in the panel: "4,3", "83%", "dez/2026".
import type { Locale } from '../internal/i18n.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function memo<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = cache.get(key) as F | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** An average with one decimal: "4,3" (pt-BR), "4.3" (en). */
export function formatAverage(locale: Locale, n: number): string {
  return memo(`avg/${locale}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(n);
}

/** A whole number: "1.234" (pt-BR). */
export function formatCount(locale: Locale, n: number): string {
  return memo(`int/${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(n);
}

/** A share 0–1 as a percentage: "83%" (pt-BR), "83%" (en). */
export function formatShare(locale: Locale, share: number): string {
  return memo(`pct/${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

function monthDate(month: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15)) : undefined;
}

/** A month `YYYY-MM` short: "dez/2026" (pt-BR), "Dec 2026" (en). */
export function formatMonth(locale: Locale, month: string): string {
  const d = monthDate(month);
  if (!d) return month;
  const name = memo(`mon/${locale}`, () => new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }))
    .format(d)
    .replace('.', '');
  return locale === 'pt-BR' ? `${name}/${d.getUTCFullYear()}` : `${name} ${d.getUTCFullYear()}`;
}

/** A month `YYYY-MM` in full, for the text alternative: "dezembro de 2026", "December 2026". */
export function formatMonthLong(locale: Locale, month: string): string {
  const d = monthDate(month);
  return d ? memo(`month/${locale}`, () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(d) : month;
}
