/**
 * One page shell, one format module (issue 27, "rooms by idea"): every HTML file qar writes is
 * src/io/html/shell.ts around its own body, so a page cannot drift from the others' head,
 * stylesheet or promise to load nothing; a count reads the same on every page.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src/", import.meta.url).pathname;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith(".ts") ? [join(folder, entry.name)] : []));
}

/** The source files (relative to src/, in order) whose text matches. */
const holding = (pattern: RegExp) =>
  sources(SRC)
    .filter((file) => pattern.test(readFileSync(file, "utf8")))
    .map((file) => relative(SRC, file))
    .sort();

describe("HTML pages", () => {
  it("have one shell: only src/io/html/shell.ts writes a document's doctype, head or stylesheet", () => {
    expect(holding(/<!doctype html/i)).toEqual(["io/html/shell.ts"]);
    expect(holding(/<head\b|<style\b/i)).toEqual(["io/html/shell.ts"]);
  });

  it("have one stylesheet: only src/io/html/style.ts holds CSS rules for the body", () => {
    expect(holding(/\bbody\s*\{/)).toEqual(["io/html/style.ts"]);
  });

  it("count with the one plural, defined in src/model/text.ts", () => {
    expect(holding(/\b(const|function) plural\b/)).toEqual(["model/text.ts"]);
  });
});
