/**
 * Engine names are one list (issue 27 item 5): the type `EngineName`, the API's check, the
 * command line's `--engine` help and its refusal all read `ENGINE_NAMES`, and `ENGINES` holds an
 * engine under each name but `auto`.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { ENGINE_NAMES, ENGINES, isEngineName, toEngineName, type EngineName } from "../../src/solver/engines/index.js";
import type { SolveOptions } from "../../src/solver/index.js";
import { qar, YEAR } from "../cli/qar.js";

describe("engine names", () => {
  it("EngineName is the union of the real names, and SolveOptions.engine is typed by it", () => {
    expectTypeOf<EngineName>().toEqualTypeOf<"auto" | "greedy" | "lns" | "mip" | "self-selection">();
    expectTypeOf<SolveOptions["engine"]>().toEqualTypeOf<EngineName | undefined>();
  });

  it("ENGINE_NAMES is auto and every engine of ENGINES, each engine under its own name", () => {
    expect([...ENGINE_NAMES].sort()).toEqual(["auto", "greedy", "lns", "mip", "self-selection"]);
    expect(ENGINE_NAMES[0]).toBe("auto");
    for (const [name, engine] of Object.entries(ENGINES)) expect(engine.name).toBe(name);
  });

  it.each(["quantum", "__proto__", "toString", "Auto", ""])("%j is no engine name: refused with the names there are", (name) => {
    expect(isEngineName(name)).toBe(false);
    expect(() => toEngineName(name)).toThrow(`unknown engine "${name}"; use one of auto, greedy, mip, lns, self-selection`);
  });

  it("qar solve --help offers every engine name", async () => {
    const { code, out } = await qar("solve", "--help");
    expect(code).toBe(0);
    expect(out).toContain(`engine: ${ENGINE_NAMES.join(", ")}`);
  });

  it("qar solve <year> --engine Greedy exits 1 naming the engines (names are exact)", async () => {
    const { code, err } = await qar("solve", YEAR, "--out", "/nonexistent/never-written", "--engine", "Greedy");
    expect(code).toBe(1);
    expect(err).toContain('--engine: unknown engine "Greedy"; use one of auto, greedy, mip, lns, self-selection');
  });
});
