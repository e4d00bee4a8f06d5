import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../src/cli/program.js";

const tiny = new URL("../fixtures/years/tiny", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "qar-commands-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function qar(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(["node", "qar", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

type Row = { [column: string]: string };
function rows(file: string): Row[] {
  const [header, ...lines] = readFileSync(file, "utf8").trim().split("\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i]!, cell])));
}
const csv = (list: Row[]) => [Object.keys(list[0]!).join(","), ...list.map((r) => Object.values(r).join(","))].join("\n") + "\n";

describe("commands on the tiny fixture", () => {
  const out = join(scratch, "solved");

  it("qar solve <tiny> --out <dir> --seed 1 writes the four files and exits 0", async () => {
    const { code, out: text } = await qar("solve", tiny, "--out", out, "--seed", "1");
    expect(code).toBe(0);
    expect(text).toContain("seats filled");
    for (const file of ["allocation.csv", "unfilled.csv", "ledger.csv", "summary.json"]) expect(existsSync(join(out, file))).toBe(true);
    expect(readFileSync(join(out, "allocation.csv"), "utf8").split("\n")[0]).toBe("review_id,host_school_id,start,end,role,person_id,person_name,person_school_id,level,status,sequence");
    expect(readFileSync(join(out, "unfilled.csv"), "utf8").split("\n")[0]).toBe("review_id,host_school_id,role,missing,reason");
    expect(readFileSync(join(out, "ledger.csv"), "utf8").split("\n")[0]).toBe("school_id,seats_received,places_sent,balance");
  });

  it("qar check <tiny> <allocation.csv> finds nothing wrong and exits 0", async () => {
    const { code, out: text } = await qar("check", tiny, join(out, "allocation.csv"));
    expect(text).toContain("valid: no rule is broken");
    expect(code).toBe(0);
  });

  // Each planted violation is made from the valid allocation by changing one thing.
  const planted: [string, (year: { schools: Row[]; reviewers: Row[]; reviews: Row[] }, allocation: Row[]) => Row[] | undefined][] = [
    ["same-hub", (y, a) => {
      const seat = a.find((r) => r.role === "peer")!;
      const hub = y.schools.find((s) => s.id === seat.host_school_id)!.hub;
      const local = y.reviewers.find((p) => y.schools.find((s) => s.id === p.school_id)!.hub === hub && p.school_id !== seat.host_school_id);
      return local ? a.map((r) => (r === seat ? { ...r, person_id: local.id! } : r)) : undefined;
    }],
    ["availability", (y, a) => {
      const seat = a.find((r) => r.role === "peer")!;
      const review = y.reviews.find((r) => r.id === seat.review_id)!;
      const start = review.start ?? "";
      const away = y.reviewers.find((p) => !(p.available ?? "").split(";").some((range) => range.split("..")[0]! <= start && start <= (range.split("..")[1] ?? range)));
      return away ? a.map((r) => (r === seat ? { ...r, person_id: away.id! } : r)) : undefined;
    }],
    ["overlap", (_y, a) => {
      const [first, second] = a.filter((r) => r.role === "lead");
      return first && second ? [...a, { ...first }] : undefined;
    }],
    ["home-review", (y, a) => {
      for (const seat of a.filter((r) => r.role === "peer")) {
        const review = y.reviews.find((r) => r.id === seat.review_id)!;
        const sameDays = y.reviews.find((r) => r !== review && r.start === review.start);
        const homeReviewer = sameDays && y.reviewers.find((p) => p.school_id === sameDays.school_id);
        if (homeReviewer) return a.map((r) => (r === seat ? { ...r, person_id: homeReviewer.id! } : r));
      }
      // No two reviews share a start: move one review onto another's dates instead (below).
      return undefined;
    }],
    ["advanced-seat", (y, a) => {
      const advanced = new Set(y.reviewers.filter((p) => p.level === "advanced").map((p) => p.id));
      return a.filter((r) => !(r.role === "peer" && advanced.has(r.person_id!)));
    }],
  ];

  it.each(planted)("qar check <tiny> <allocation with a planted %s violation> exits 2 and names the rule", async (rule, plant) => {
    const year = { schools: rows(join(tiny, "schools.csv")), reviewers: rows(join(tiny, "reviewers.csv")), reviews: rows(join(tiny, "reviews.csv")) };
    const allocation = rows(join(out, "allocation.csv"));
    let folder = tiny;
    let broken = plant(year, allocation);
    if (!broken && rule === "home-review") {
      // Put a review on the dates of one its school's reviewer sits on, keeping the allocation.
      const seat = allocation.find((r) => r.role === "peer")!;
      const reviewerSchool = year.reviewers.find((p) => p.id === seat.person_id)!.school_id;
      const start = year.reviews.find((r) => r.id === seat.review_id)!.start!;
      folder = join(scratch, "moved");
      cpSync(tiny, folder, { recursive: true });
      writeFileSync(join(folder, "reviews.csv"), csv(year.reviews.map((r) => (r.school_id === reviewerSchool ? { ...r, start } : r))));
      broken = allocation;
    }
    expect(broken).toBeDefined();
    const file = join(scratch, `${rule}.csv`);
    writeFileSync(file, csv(broken!));
    const { code, out: text } = await qar("check", folder, file);
    expect(text).toContain(`[${rule}]`);
    expect(code).toBe(2);
  });

  it("qar solve with a malformed reviews.csv exits 1 with file, row and column, and writes nothing", async () => {
    const folder = join(scratch, "malformed");
    cpSync(tiny, folder, { recursive: true });
    const reviews = rows(join(tiny, "reviews.csv"));
    writeFileSync(join(folder, "reviews.csv"), csv(reviews.map((r, i) => (i === 1 ? { ...r, start: "2024-02-30" } : r))));
    const target = join(scratch, "never-written");
    const { code, err } = await qar("solve", folder, "--out", target);
    expect(code).toBe(1);
    expect(err).toContain('reviews.csv, row 3, column "start"');
    expect(err).not.toMatch(/\n\s+at /);
    expect(existsSync(target)).toBe(false);
  });

  it('qar solve <tiny with names like =HYPERLINK("x")> neutralises them in every CSV', async () => {
    const folder = join(scratch, "formulas");
    cpSync(tiny, folder, { recursive: true });
    const reviewers = rows(join(tiny, "reviewers.csv")).map((r) => ({ ...r, name: '=HYPERLINK("x")' }));
    writeFileSync(join(folder, "reviewers.csv"), [Object.keys(reviewers[0]!).join(","), ...reviewers.map((r) => Object.values(r).map((v) => (v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v)).join(","))].join("\n") + "\n");
    const target = join(scratch, "formulas-out");
    expect((await qar("solve", folder, "--out", target)).code).toBe(0);
    const written = readFileSync(join(target, "allocation.csv"), "utf8");
    expect(written).toContain(`"'=HYPERLINK(""x"")"`);
    for (const file of ["allocation.csv", "unfilled.csv", "ledger.csv"]) {
      for (const line of readFileSync(join(target, file), "utf8").split("\n")) {
        for (const cell of line.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+@]/);
      }
    }
    // The allocation still reads back: the guard is undone on reading.
    expect((await qar("check", folder, join(target, "allocation.csv"))).code).toBe(0);
  });

  it("qar solve refuses an --out inside the year folder", async () => {
    const { code, err } = await qar("solve", tiny, "--out", join(tiny, "out"));
    expect(code).toBe(1);
    expect(err).toContain("inside the year folder");
    expect(existsSync(join(tiny, "out"))).toBe(false);
  });

  it("qar explain and qar repair run on the solved tiny year", async () => {
    const explained = await qar("explain", tiny, join(out, "allocation.csv"));
    expect(explained.code).toBe(0);
    const changes = join(scratch, "changes.csv");
    const someone = rows(join(out, "allocation.csv")).find((r) => r.role === "peer")!.person_id;
    writeFileSync(changes, `change,id,value\nwithdraw,${someone},\n`);
    const repaired = await qar("repair", tiny, join(out, "allocation.csv"), "--changes", changes, "--out", join(scratch, "repaired"));
    expect(repaired.code).toBe(0);
    expect(readFileSync(join(scratch, "repaired", "diff.csv"), "utf8")).toContain(`removed,peer,${someone}`);
  });
});
