/**
 * An independent check of each kind's rules, from the raw rows of a problem only (no
 * `indexYear`, no rule module): who serves which kind, TPR teams from distinct trusts none of
 * them the host's, MLQAR teams from the host's hub and never the host school, QAR teams from
 * beyond the host's school, hub, locality and trust. Written apart from `src/rules` so that a
 * slip there cannot hide here.
 */
import type { Problem } from "../../src/model/problem.js";
import type { Allocation } from "../../src/model/schema.js";

const norm = (value: string | undefined) => (value ?? "").trim().toLowerCase();
const kindOf = (review: { kind?: string | undefined }) => norm(review.kind) || "qar";
const serves = (person: { kinds?: readonly string[] | undefined }) => {
  const listed = (person.kinds ?? []).map(norm).filter((k) => k !== "");
  return listed.length > 0 ? listed : ["qar"];
};

/** Every breach of a kind's rules in `allocation`, in words (empty when there is none). */
export function kindBreaches(problem: Problem, allocation: Allocation): string[] {
  const schools = new Map(problem.schools.map((s) => [s.id, s]));
  const reviews = new Map(problem.reviews.map((r) => [r.id, r]));
  const reviewers = new Map(problem.reviewers.map((r) => [r.id, r]));
  const leads = new Map(problem.leads.map((l) => [l.id, l]));
  const found: string[] = [];
  const trustsOnTeam = new Map<string, string[]>();
  for (const a of allocation.assignments) {
    const review = reviews.get(a.reviewId)!;
    const kind = kindOf(review);
    const person = a.role === "lead" ? leads.get(a.personId)! : reviewers.get(a.personId)!;
    if (!serves(person).includes(kind)) found.push(`${a.reviewId}: ${a.personId} does not serve ${kind}`);
    if (a.role === "lead") continue;
    const own = schools.get(reviewers.get(a.personId)!.schoolId)!;
    const host = review.schoolId ? schools.get(review.schoolId) : undefined;
    if (kind === "tpr") {
      if (review.schoolId !== undefined || !review.trustId) found.push(`${a.reviewId}: a TPR names a school or no trust`);
      if (norm(own.trust) !== "" && norm(own.trust) === norm(review.trustId)) found.push(`${a.reviewId}: ${a.personId} is of the host trust`);
      if (norm(own.trust) !== "") {
        const seen = trustsOnTeam.get(a.reviewId) ?? [];
        if (seen.includes(norm(own.trust))) found.push(`${a.reviewId}: two reviewers of trust ${own.trust}`);
        trustsOnTeam.set(a.reviewId, [...seen, norm(own.trust)]);
      }
    } else if (kind === "mlqar") {
      if (!host || norm(host.hub) === "" || norm(own.hub) !== norm(host.hub)) found.push(`${a.reviewId}: ${a.personId} is not of the host's hub`);
      if (host && own.id === host.id) found.push(`${a.reviewId}: ${a.personId} is of the host school`);
    } else if (kind === "qar") {
      const same = (field: "hub" | "locality" | "trust") => norm(own[field]) !== "" && norm(own[field]) === norm(host?.[field]);
      if (!host || own.id === host.id || same("hub") || same("locality") || same("trust")) found.push(`${a.reviewId}: ${a.personId} is local to the QAR's host`);
    }
  }
  return found;
}

/** Filled seats (Lead Reviewer and peers, each team capped at its seats by the caller's count) per kind. */
export function seatsByKind(problem: Problem, allocation: Allocation): Map<string, number> {
  const kinds = new Map(problem.reviews.map((r) => [r.id, kindOf(r)]));
  const filled = new Map<string, number>();
  for (const a of allocation.assignments) {
    const kind = kinds.get(a.reviewId)!;
    filled.set(kind, (filled.get(kind) ?? 0) + 1);
  }
  return filled;
}

/** The problem with only the reviews of `kinds` (their people and schools kept). */
export function onlyKinds(problem: Problem, kinds: readonly string[]): Problem {
  return { ...problem, reviews: problem.reviews.filter((r) => kinds.includes(kindOf(r))) };
}
