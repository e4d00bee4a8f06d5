import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { ledgerCsv } from "../../src/io/write-outputs.js";
import type { Problem } from "../../src/model/problem.js";
import type { Assignment } from "../../src/model/schema.js";
import { covers } from "../../src/model/dates.js";
import { indexYear } from "../../src/model/year.js";
import { allowedPair, mostWithoutOverlap } from "../../src/rules/index.js";
import { closeYear } from "../../src/years/close-year.js";
import { reachWarnings, reciprocityReach } from "../../src/years/reach.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";
import { randomYear } from "../helpers/random-year.js";

/**
 * The school: S owes 3 places from earlier years and hosts a 5-seat review; its three
 * reviewers offer one review each. Its target is 5 + 3 = 8, its reviewers can give 3.
 * T hosts nothing and has two reviewers of 2 reviews; U has a reviewer with no dates and one
 * whose only possible review is in U's own hub.
 */
function owingYear(policy: Parameters<typeof problem>[0]["policy"] = {}): Problem {
  return problem({
    schools: [school("S", { carryOver: 3, phase: "secondary", pupils: 2000 }), school("T"), school("U", { hub: "HX" }), school("V", { hub: "HX" })],
    reviewers: [
      reviewer("S1", "S", { maxReviews: 1 }),
      reviewer("S2", "S", { maxReviews: 1 }),
      reviewer("S3", "S", { maxReviews: 1 }),
      reviewer("T1", "T", { maxReviews: 2 }),
      reviewer("T2", "T", { maxReviews: 2 }),
      reviewer("U1", "U", { available: [] }),
      reviewer("U2", "U", { available: [{ from: "2024-06-03", to: "2024-06-07" }] }),
    ],
    leads: [lead("L1")],
    reviews: [
      review("RS", "S", "2024-03-04", { seats: 5 }),
      review("RT", "T", "2024-04-08", { seats: 0 }),
      review("RU", "U", "2024-05-06", { seats: 2 }),
      review("RV", "V", "2024-06-03", { seats: 2 }),
      review("RW", "T", "2024-09-09", { seats: 2 }),
    ],
    policy,
  });
}

describe("reciprocity a school can meet", () => {
  it("counts what each school's reviewers can give, and names the school and the reason when it is below the target", () => {
    const year = indexYear(owingYear());
    const reach = new Map(reciprocityReach(year).map((r) => [r.schoolId, r]));
    expect(reach.get("S")).toMatchObject({ target: 8, reviewers: 3, offered: 3, reachable: 3 });
    expect(reach.get("S")!.reason).toContain("their max_reviews add up to 3");
    // T: two reviewers of 2 reviews each; RS, RU and RV are open to both (RW is T's own).
    expect(reach.get("T")).toMatchObject({ reviewers: 2, offered: 4, reachable: 4 });
    expect(reach.get("T")!.reason).toBeUndefined();
    // U: U1 gave no dates; U2 is free only in RV's week, and RV is in U's hub.
    expect(reach.get("U")).toMatchObject({ target: 2, reviewers: 2, offered: 1, reachable: 0 });
    expect(reach.get("U")!.reason).toMatch(/U1 gave no dates/);
    expect(reach.get("U")!.reason).toMatch(/U2 may sit on no review/);
    // V has no reviewers at all.
    expect(reach.get("V")!.reason).toMatch(/no reviewers/);
    const warnings = reachWarnings(year, reciprocityReach(year));
    expect(warnings.map((w) => w.message.slice(0, 9))).toEqual(["school S ", "school U ", "school V "]);
    expect(warnings.every((w) => w.code === "warning" && w.file === "schools.csv")).toBe(true);
  });

  it("a debt the school cannot pay does not grow when the year closes (carryOverWithinReach)", () => {
    // S received its 5 peers and sent 3: plainly it would owe 3 + 5 − 3 = 5.
    const assignments: Assignment[] = [
      ...["T1", "T2"].map((p) => ({ reviewId: "RS", role: "peer" as const, personId: p })),
      ...["S1", "S2", "S3"].map((p, i) => ({ reviewId: ["RU", "RV", "RW"][i]!, role: "peer" as const, personId: p })),
    ];
    const plain = closeYear(owingYear({ carryOverWithinReach: false }), { assignments }, { yearLabel: "2023-24" });
    const capped = closeYear(owingYear(), { assignments }, { yearLabel: "2023-24" });
    if (!plain.ok || !capped.ok) throw new Error("not closed");
    const carry = (closed: typeof plain & { ok: true }) => new Map(closed.value.next.schools.map((s) => [s.id, s.carryOver]));
    // Received 2 (T1, T2), sent 3: 3 + 2 − 3 = 2 either way (the debt shrinks).
    expect(carry(plain).get("S")).toBe(2);
    expect(carry(capped).get("S")).toBe(2);
    // T received 1 (S3 at RW) and sent 2: owed 1 either way (credit is never limited).
    expect(carry(plain).get("T")).toBe(-1);
    expect(carry(capped).get("T")).toBe(-1);
    // U received S1 on RU (1) and sent nothing: plainly it owes 1; its reviewers can give 0 beyond
    // its own 2 seats, so the debt does not grow past the 0 it had.
    expect(carry(plain).get("U")).toBe(1);
    expect(carry(capped).get("U")).toBe(0);
  });

  it("the issue's case: owing 3 with reviewers who can give only 3, a fully staffed 5-seat review leaves the debt at 3, not 5", () => {
    const assignments: Assignment[] = ["T1", "T2"].map((p) => ({ reviewId: "RS", role: "peer" as const, personId: p }));
    // Three more peers at RS from a school added for the purpose, with places to spare.
    const base = owingYear();
    const extra: Problem = {
      ...base,
      schools: [...base.schools, school("X")],
      reviewers: [...base.reviewers, ...["X1", "X2", "X3"].map((id) => reviewer(id, "X", { maxReviews: 3 }))],
    };
    const all = [...assignments, ...["X1", "X2", "X3"].map((p) => ({ reviewId: "RS", role: "peer" as const, personId: p })), ...["S1", "S2", "S3"].map((p, i) => ({ reviewId: ["RU", "RV", "RW"][i]!, role: "peer" as const, personId: p }))];
    expect(checkAllocation(extra, { assignments: all }).metrics.filled.peer).toBe(8);
    const plain = closeYear({ ...extra, policy: { ...extra.policy, carryOverWithinReach: false } }, { assignments: all }, { yearLabel: "2023-24" });
    const capped = closeYear(extra, { assignments: all }, { yearLabel: "2023-24" });
    if (!plain.ok || !capped.ok) throw new Error("not closed");
    expect(plain.value.next.schools.find((s) => s.id === "S")!.carryOver).toBe(5);
    expect(capped.value.next.schools.find((s) => s.id === "S")!.carryOver).toBe(3);
  });

  it("property: each reviewer's share of `reachable` is the plain count over every review of the year (all pairs tried, most without overlap, capped at max_reviews)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 2, max: 30 }), fc.boolean(), (seed, reviews, wide) => {
        // Wide years too: reviews of 1 to 5 days, availability in several ranges.
        const year = indexYear(randomYear(seed, { reviews, reviewersPerSchool: 2, wide }));
        const counted = year.reviews.filter((r) => r.kind.reciprocity === "school");
        const plain = new Map<string, number>();
        for (const person of year.reviewers) {
          if (!person.school) continue;
          const open = counted.filter((r) => covers(person.available, r.span) && allowedPair(year, person, r));
          plain.set(person.school.id, (plain.get(person.school.id) ?? 0) + Math.min(person.maxReviews, mostWithoutOverlap(open)));
        }
        for (const r of reciprocityReach(year)) expect(r.reachable, r.schoolId).toBe(plain.get(r.schoolId) ?? 0);
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it("property: a debt grows only up to what the school's reviewers can give beyond its own seats; otherwise the plain arithmetic holds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 2, max: 10 }), fc.array(fc.integer({ min: -2, max: 4 }), { minLength: 40, maxLength: 40 }), (seed, reviews, carries) => {
        const generated = randomYear(seed, { reviews });
        const p: Problem = { ...generated, schools: generated.schools.map((s, i) => ({ ...s, carryOver: carries[i % carries.length]! })) };
        const year = indexYear(p);
        const assignments: Assignment[] = year.reviews.flatMap((r, i) => {
          const person = year.reviewers[(i * 7 + seed) % year.reviewers.length];
          return person ? [{ reviewId: r.id, role: "peer" as const, personId: person.id }] : [];
        });
        const plain = closeYear({ ...p, policy: { ...p.policy, carryOverWithinReach: false } }, { assignments }, { yearLabel: "2023-24" });
        const capped = closeYear(p, { assignments }, { yearLabel: "2023-24" });
        if (!plain.ok || !capped.ok) return;
        const hosted = new Map<string, number>();
        for (const r of year.reviews) hosted.set(r.host.id, (hosted.get(r.host.id) ?? 0) + r.peerSeats);
        const reach = new Map(reciprocityReach(year).map((r) => [r.schoolId, r.reachable]));
        p.schools.forEach((school, i) => {
          const before = school.carryOver;
          const plainAfter = plain.value.next.schools[i]!.carryOver;
          const after = capped.value.next.schools[i]!.carryOver;
          const payable = reach.get(school.id)! - (hosted.get(school.id) ?? 0);
          if (plainAfter <= before) expect(after).toBe(plainAfter);
          else expect(after).toBe(Math.max(before, Math.min(plainAfter, payable)));
        });
      }),
      { numRuns: 40, seed: 3 },
    );
  });
});

describe("the ledger's columns hold what they say", () => {
  it("seats_received is the peers placed at the school's review, target the target, balance places sent minus the target; a school whose whole team declined received 0", () => {
    const p = owingYear();
    const year = indexYear(p);
    // RS's whole team declined: nobody sits there; S's reviewers sit elsewhere.
    const allocation = {
      assignments: ["S1", "S2", "S3"].map((personId, i) => ({ reviewId: ["RU", "RV", "RW"][i]!, role: "peer" as const, personId })),
      declined: ["T1", "T2"].map((personId) => ({ reviewId: "RS", role: "peer" as const, personId })),
    };
    const check = checkAllocation(year, allocation);
    const csv = ledgerCsv(check, reciprocityReach(year)).trim().split("\n");
    expect(csv[0]).toBe("school_id,seats_received,places_sent,balance,target,reachable");
    expect(csv[1]).toBe("S,0,3,-5,8,3");
    // U received S1 at RU; its reviewers can give nothing.
    expect(csv[3]).toBe("U,1,0,-2,2,0");
  });
});
