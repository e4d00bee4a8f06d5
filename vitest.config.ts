import { defineConfig } from "vitest/config";

// Examples import the package by name, as a user would; in the repository that is the sources.
const src = (file: string) => new URL(`./src/${file}`, import.meta.url).pathname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^qar-allocator$/, replacement: src("index.ts") },
      { find: /^qar-allocator\/(core|node)$/, replacement: src("$1.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // `npm pack` once for the package tests (inject("packed")).
    globalSetup: ["test/helpers/pack-once.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default leaves one core free; CI has two and the tests are CPU-bound, so use both.
    maxWorkers: 2,
    // The core holds no global state (STYLE.md), so test files can share a worker's loaded modules:
    // loading HiGHS and the sources once per worker instead of once per file takes the suite from
    // 131 s to 57 s on two cores. A test that changes process-wide state restores it itself.
    isolate: false,
  },
});
