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
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
