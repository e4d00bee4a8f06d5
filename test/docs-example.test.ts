import { describe, expect, it } from "vitest";
import { handleSolve } from "../docs/examples/service.js";
import { serializeYear } from "../src/io/write-year.js";
import { randomYear } from "./helpers/random-year.js";

describe("docs/examples/service.ts", () => {
  it("solves a year posted as files and reports input errors with file, row and column", async () => {
    const files = serializeYear(randomYear(3, { reviews: 8 }));
    const ok = await handleSolve({ files, seed: 1 });
    expect(ok.status).toBe(200);
    expect((ok.body as { allocation: unknown[] }).allocation.length).toBeGreaterThan(0);
    const broken = { ...files, "reviews.csv": files["reviews.csv"]!.replace(/2024-\d\d-\d\d/, "2024-02-30") };
    const bad = await handleSolve({ files: broken });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('"file":"reviews.csv"');
    expect(JSON.stringify(bad.body)).toContain('"row":2');
  });
});
