import { describe, expect, it } from "vitest";
import { qar, STACK_LINE } from "./qar.js";

describe("usage", () => {
  it("qar --help", async () => {
    const { code, out } = await qar("--help");
    expect(code).toBe(0);
    for (const command of ["solve", "check", "report", "explain", "repair", "respond"]) expect(out).toContain(command);
  });

  it("qar --help lists examples and the exit codes", async () => {
    const { code, out } = await qar("--help");
    expect(code).toBe(0);
    expect(out).toContain("Examples:");
    expect(out).toContain("qar solve fixtures/years/2018-19 --out out/2018-19");
    expect(out).toContain("Exit codes:");
  });

  it.each([
    ["solve", "qar solve fixtures/years/2018-19 --out out/2018-19"],
    ["check", "qar check fixtures/years/2018-19 out/2018-19/allocation.csv"],
    ["explain", "qar explain"],
    ["repair", "qar repair"],
    ["respond", "qar respond my-year published/allocation.csv --responses responses.csv"],
    ["report", "qar report"],
  ])("qar %s --help lists examples", async (command, example) => {
    const { code, out } = await qar(command, "--help");
    expect(code).toBe(0);
    expect(out).toContain("Examples:");
    expect(out).toContain(example);
  });

  it("qar frobnicate exits 1 with a message", async () => {
    const { code, out, err } = await qar("frobnicate");
    expect(code).toBe(1);
    expect(err).toContain("frobnicate");
    expect(`${out}${err}`).not.toContain(STACK_LINE);
  });

  it("qar check (no arguments) exits 1 with a message", async () => {
    const { code, err } = await qar("check");
    expect(code).toBe(1);
    expect(err).toContain("missing required argument");
  });
});
