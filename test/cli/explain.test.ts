import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PLANTED, qar, scratch, STACK_LINE, YEAR } from "./qar.js";

const tmp = scratch("explain");
afterAll(tmp.remove);

/** planted/valid.csv without P2's seat on R2: one peer seat of R2 is empty, nothing is broken. */
function shortAllocation(): string {
  const file = join(tmp.dir, "short.csv");
  const lines = readFileSync(join(PLANTED, "valid.csv"), "utf8").split("\n");
  writeFileSync(file, lines.filter((line) => !/^R2,.*,peer,P2,/.test(line)).join("\n"));
  return file;
}

describe("qar explain", () => {
  it("qar explain <year> planted/valid.csv", async () => {
    const { code, out, err } = await qar("explain", YEAR, join(PLANTED, "valid.csv"));
    expect(err).toBe("");
    expect(out).toBe("every seat is filled\n");
    expect(code).toBe(0);
  });

  it("qar explain <year> <allocation with R2 one peer short>", async () => {
    const { code, out } = await qar("explain", YEAR, shortAllocation());
    const [heading, why, funnel, ...rest] = out.trim().split("\n");
    expect(heading).toBe("R2 (host S3): 1 peer seat empty");
    expect(why).toMatch(/^ {2}why: \S/);
    expect(funnel).toMatch(/^ {2}funnel: reviewers 8 > own-school \d+ > /);
    expect(rest.filter((line) => line.startsWith("  would fill it: ")).length).toBeGreaterThan(0);
    expect(rest.at(-1)).toBe("1 empty seat on 1 review: 1 short of peers");
    expect(out).not.toContain(STACK_LINE);
    expect(code).toBe(0);
  });

  it("qar explain <year> <allocation with R2 one peer short> --json", async () => {
    const { code, out } = await qar("explain", YEAR, shortAllocation(), "--json");
    const explanation = JSON.parse(out) as { seats: { reviewId: string; role: string; missing: number; remedies: string[] }[]; certificates: unknown[] };
    expect(explanation.seats.map(({ reviewId, role, missing }) => ({ reviewId, role, missing }))).toEqual([{ reviewId: "R2", role: "peer", missing: 1 }]);
    expect(explanation.seats[0]!.remedies.length).toBeGreaterThan(0);
    expect(code).toBe(0);
  });

  it("qar explain <year> <missing allocation> exits 1 naming the file", async () => {
    const file = join(tmp.dir, "no-such.csv");
    const { code, out, err } = await qar("explain", YEAR, file);
    expect(err).toContain(`error: ${file}: does not exist`);
    expect(`${out}${err}`).not.toContain(STACK_LINE);
    expect(code).toBe(1);
  });
});
