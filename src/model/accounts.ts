/**
 * Reciprocity accounts: whom a peer place counts for. A school for the kinds counted by school,
 * a trust for those counted by trust (Trust Peer Reviews); each account's target is the peer
 * seats of the reviews it hosts.
 */
import type { School } from "./schema.js";
import { valueKey } from "./values.js";
import type { PersonInfo, ReviewInfo } from "./year.js";

/** A reciprocity account: a school, or a trust (for kinds whose reciprocity is counted by trust). */
export interface Account {
  /** The key of `Year.target` and of the places sent: the school's id, or `trustAccount(id)`. */
  readonly key: string;
  readonly basis: "school" | "trust";
  /** The school's or the trust's id. */
  readonly id: string;
}

/**
 * The account key of a trust: it starts with a space, which no id can (ids are trimmed), so a
 * trust's account never collides with a school's.
 *
 * @example year.target.get(trustAccount("Oak Trust")!) // the seats of the TPRs Oak Trust hosts
 */
export function trustAccount(trust: string | undefined): string | undefined {
  const key = valueKey(trust);
  return key === undefined ? undefined : ` trust:${key}`;
}

/**
 * The account a person's place on a review counts for: their school for a kind counted by
 * school, their school's trust for one counted by trust (none when the school has no trust).
 *
 * @example accountOf(person, review) === review.account // a place on their own school's review (if the rules allowed it)
 */
export function accountOf(person: PersonInfo, review: ReviewInfo): string | undefined {
  if (!person.school) return undefined;
  return review.kind.reciprocity === "school" ? person.school.id : trustAccount(person.school.trust);
}

/**
 * The reciprocity accounts and their targets: every school; and, when some review counts by
 * trust, every trust of the schools and hosts (by id), each with the seats of those reviews it
 * hosts.
 */
export function reciprocityAccounts(schools: readonly School[], reviews: readonly ReviewInfo[]): { accounts: Account[]; target: Map<string, number> } {
  const target = new Map<string, number>();
  const accounts: Account[] = schools.map((school) => ({ key: school.id, basis: "school", id: school.id }));
  for (const school of schools) target.set(school.id, 0);
  if (reviews.some((info) => info.kind.reciprocity === "trust")) {
    const trusts = new Map<string, string>();
    for (const trust of [...reviews.map((info) => info.host.trust), ...schools.map((school) => school.trust)]) {
      const key = trustAccount(trust);
      if (key !== undefined && !trusts.has(key)) trusts.set(key, trust!.trim());
    }
    for (const [key, id] of [...trusts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      accounts.push({ key, basis: "trust", id });
      target.set(key, 0);
    }
  }
  for (const info of reviews) if (info.account !== undefined) target.set(info.account, (target.get(info.account) ?? 0) + info.peerSeats);
  for (const school of schools) target.set(school.id, Math.max(0, (target.get(school.id) ?? 0) + school.carryOver));
  return { accounts, target };
}
