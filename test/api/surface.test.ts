/**
 * The public surface (issue 27 item 5): every name the entries export has a TSDoc comment with
 * an example (on its declaration, or at the entry's export of it); docs/api.md's table lists
 * exactly the entries' names, the Node-only row exactly what the core lacks; and every name the
 * README, the docs and the shipped examples import from the package is exported by the entry
 * they import it from.
 */
import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const ENTRIES = { "qar-allocator": "src/index.ts", "qar-allocator/core": "src/core.ts", "qar-allocator/node": "src/node.ts" } as const;

// One program over the three entries and the sources they reach, never type-checked: the
// packages they import and the standard library are left out (names and comments are all this
// reads), which keeps the test to a few seconds.
const options: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noLib: true, types: [], noEmit: true };
const host = ts.createCompilerHost(options);
host.resolveModuleNameLiterals = (literals, containing, _redirected, opts) =>
  literals.map((literal) => (literal.text.startsWith(".") ? ts.resolveModuleName(literal.text, containing, opts, host) : { resolvedModule: undefined }));
const program = ts.createProgram(Object.values(ENTRIES).map((file) => ROOT + file), options, host);
const checker = program.getTypeChecker();

function exportsOf(file: string): ts.Symbol[] {
  const source = program.getSourceFile(ROOT + file);
  if (!source) throw new Error(`${file} is not in the program`);
  return checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);
}

/** The symbol and every re-export on the way to its declaration: an example may sit on any of them. */
function aliasChain(symbol: ts.Symbol): ts.Symbol[] {
  const chain = [symbol];
  while (chain.at(-1)!.flags & ts.SymbolFlags.Alias) chain.push(checker.getImmediateAliasedSymbol(chain.at(-1)!)!);
  return chain;
}

const hasTag = (symbol: ts.Symbol, tag: string) => aliasChain(symbol).some((s) => s.getJsDocTags(checker).some((t) => t.name === tag && ts.displayPartsToString(t.text).trim() !== ""));
const hasSummary = (symbol: ts.Symbol) => aliasChain(symbol).some((s) => ts.displayPartsToString(s.getDocumentationComment(checker)).trim() !== "");

const names = (file: string) => exportsOf(file).map((s) => s.name).sort();

/** The backticked names of docs/api.md's surface table, by row. */
function surfaceTable(): Map<string, string[]> {
  const doc = readFileSync(ROOT + "docs/api.md", "utf8");
  const section = /## The surface\n([\s\S]*?)\n## /.exec(doc)?.[1] ?? "";
  const rows = new Map<string, string[]>();
  for (const line of section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| |"))) {
    const [title, ...cells] = line.split("|").slice(1, -1);
    rows.set(title!.trim(), cells.flatMap((cell) => [...cell.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1]!)));
  }
  return rows;
}

/** Every `import { ... } from "qar-allocator..."` in the README, the docs and the shipped examples. */
function documentedImports(): { file: string; entry: keyof typeof ENTRIES; name: string }[] {
  const files = ["README.md", ...readdirSync(ROOT + "docs").filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`), ...readdirSync(ROOT + "docs/examples").map((f) => `docs/examples/${f}`)];
  return files.flatMap((file) =>
    [...readFileSync(ROOT + file, "utf8").matchAll(/import\s*\{([^}]*)\}\s*from\s*"(qar-allocator(?:\/core|\/node)?)"/g)].flatMap(([, list, entry]) =>
      list!
        .split(",")
        .map((part) => part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!)
        .filter(Boolean)
        .map((name) => ({ file, entry: entry as keyof typeof ENTRIES, name })),
    ),
  );
}

describe("the public surface", () => {
  it("qar-allocator is qar-allocator/node, which is the core and the file functions", () => {
    expect(names("src/index.ts")).toEqual(names("src/node.ts"));
    expect(names("src/node.ts")).toEqual(expect.arrayContaining(names("src/core.ts")));
  });

  it("is short: a few hundred names became the functions a service calls, their options and results, the model and the errors", () => {
    // 370 names before issue 27; the table in docs/api.md is the list.
    expect(names("src/node.ts").length).toBeLessThanOrEqual(240);
  });

  it.each(Object.values(ENTRIES))("every export of %s has a summary and an @example", (file) => {
    const missing = exportsOf(file).filter((symbol) => !hasSummary(symbol) || !hasTag(symbol, "example"));
    expect(missing.map((symbol) => symbol.name)).toEqual([]);
  });

  it("docs/api.md's table lists every name of the entries once, and the Node-only row what the core lacks", () => {
    const rows = surfaceTable();
    const listed = [...rows.values()].flat();
    expect(listed.filter((name, i) => listed.indexOf(name) !== i)).toEqual([]);
    expect([...listed].sort()).toEqual(names("src/node.ts"));
    const nodeRow = [...rows].find(([title]) => title.startsWith("Files (Node only"))?.[1] ?? [];
    const core = new Set(names("src/core.ts"));
    expect([...nodeRow].sort()).toEqual(names("src/node.ts").filter((name) => !core.has(name)));
  });

  it("every name the README, the docs and the shipped examples import from the package is exported by that entry", () => {
    const imports = documentedImports();
    expect(imports.length).toBeGreaterThan(30);
    const exported = Object.fromEntries(Object.entries(ENTRIES).map(([entry, file]) => [entry, new Set(names(file))]));
    expect(imports.filter(({ entry, name }) => !exported[entry]!.has(name))).toEqual([]);
  });
});
