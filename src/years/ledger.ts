import { yearNumber } from "../model/history.js";
import type { LedgerYear } from "../model/schema.js";

/**
 * One school's record over the closed years.
 *
 * @example
 * const behind: SchoolStanding[] = standings(problem.ledgerYears ?? []).filter((s) => s.balance < 0);
 */
export interface SchoolStanding {
  readonly schoolId: string;
  /** Closed years on record, oldest first, with that year's balance (sent − received). */
  readonly years: readonly { readonly year: string; readonly balance: number }[];
  readonly received: number;
  readonly sent: number;
  /** `sent − received` over every closed year (negative: places owed). */
  readonly balance: number;
  /** The carry-over after the latest closed year: places owed (+) or owed to the school (−). */
  readonly carryOver: number;
  /** Closed years in which the school sent at least as many places as it received. */
  readonly yearsMeetingCommitment: number;
}

/**
 * Year labels in time order: by year number, then as written (labels without one last).
 *
 * @example ["2025-26", "2009-10"].sort(compareYearLabels) // ["2009-10", "2025-26"]
 */
export function compareYearLabels(a: string, b: string): number {
  const x = yearNumber(a) ?? Infinity;
  const y = yearNumber(b) ?? Infinity;
  return x !== y ? (x < y ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every school's record across the closed years, furthest behind on its commitment first: the
 * most places owed now (the latest carry-over), then the lowest balance over the years, then id.
 *
 * @example
 * const behind = standings(problem.ledgerYears ?? []).filter((s) => s.carryOver > 0).slice(0, 10);
 */
export function standings(ledger: readonly LedgerYear[]): SchoolStanding[] {
  const bySchool = new Map<string, LedgerYear[]>();
  for (const row of ledger) bySchool.set(row.schoolId, [...(bySchool.get(row.schoolId) ?? []), row]);
  const rows = [...bySchool].map(([schoolId, list]): SchoolStanding => {
    const years = [...list].sort((a, b) => compareYearLabels(a.year, b.year));
    const received = years.reduce((sum, row) => sum + row.received, 0);
    const sent = years.reduce((sum, row) => sum + row.sent, 0);
    return {
      schoolId,
      years: years.map((row) => ({ year: row.year, balance: row.balance })),
      received,
      sent,
      balance: sent - received,
      carryOver: years[years.length - 1]!.carryOverAfter,
      yearsMeetingCommitment: years.filter((row) => row.balance >= 0).length,
    };
  });
  return rows.sort((a, b) => b.carryOver - a.carryOver || a.balance - b.balance || (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0));
}
