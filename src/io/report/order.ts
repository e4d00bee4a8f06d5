/** The report's orders: tables and charts list their rows the same way on every run, whatever the locale. */
import type { ReviewInfo } from "../../model/year.js";

/** Code-unit order (never locale-dependent), with runs of digits compared as numbers: H2 before H10. */
export function naturalCompare(a: string, b: string): number {
  const parts = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    if (numeric && Number(p) !== Number(q)) return Number(p) - Number(q);
    return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Code-unit order of two ids. */
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Reviews by start day, then id. */
export const byStartThenId = (a: ReviewInfo, b: ReviewInfo) => a.span.from - b.span.from || compareIds(a.id, b.id);
