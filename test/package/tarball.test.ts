/**
 * What `npm pack` ships (issue 19 item 5): a LICENSE, repository fields, links in the shipped
 * Markdown that resolve inside the tarball (or are web addresses), examples that import the
 * package by name, no source maps, and JSON Schemas that match the zod schemas they come from.
 */
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, inject, it } from "vitest";
import type {} from "../helpers/pack-once.js";
import { jsonSchemas } from "../../src/model/json-schemas.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const shipped = new Set(inject("packed").files);
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;

describe("the packed package", () => {
  it("ships a LICENSE, the README, the schemas, and names its repository", () => {
    for (const file of ["LICENSE", "README.md", "package.json", "schema/problem.schema.json", "schema/policy.schema.json", "schema/result.schema.json", "dist/browser.js", "dist/highs.wasm"]) expect(shipped, file).toContain(file);
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toContain("MIT License");
    expect(pkg.license).toBe("MIT");
    expect(pkg.repository).toMatchObject({ type: "git", url: expect.stringMatching(/^git\+https:\/\//) });
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });

  it("ships no source maps", () => {
    expect([...shipped].filter((file) => file.endsWith(".map"))).toEqual([]);
  });

  it("every relative link in a shipped Markdown file points at a shipped file", () => {
    const broken: string[] = [];
    for (const file of [...shipped].filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const path = normalize(join(dirname(file), target!.split("#")[0]!));
        if (!shipped.has(path)) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("the shipped examples import the package by name", () => {
    const examples = [...shipped].filter((f) => f.startsWith("docs/examples/"));
    expect(examples.length).toBeGreaterThan(0);
    for (const file of examples) {
      const text = readFileSync(join(ROOT, file), "utf8");
      expect(text, file).toMatch(/from "qar-allocator(\/node|\/core)?"/);
      expect(text, file).not.toMatch(/from "\.\.?\//);
    }
  });

  it("schema/*.schema.json are the zod schemas as they are now (npm run schemas writes them)", () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(JSON.parse(readFileSync(join(ROOT, "schema", `${name}.schema.json`), "utf8")), name).toEqual(schema);
    }
  });
});
