/**
 * The silences of a solve's progress: every gap over 250 ms between two `onProgress` reports
 * (and the longest), from the call to the answer, on a year folder:
 *
 *   npx tsx bench/silence.ts <year-folder> [time-limit seconds] [engine]
 *   npx tsx bench/silence.ts /tmp/x10 60 auto     # after: npx tsx bench/scale-years.ts national-x10 /tmp/x10
 */
import { readYear } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
import type { Progress } from "../src/solver/engine.js";

const [folder, limit, engine = "auto"] = process.argv.slice(2);
if (folder === undefined) {
  console.error("usage: npx tsx bench/silence.ts <year-folder> [time-limit seconds] [engine]");
  process.exit(2);
}
const loaded = await readYear(folder);
if (!loaded.ok) throw new Error(`${folder}: ${loaded.errors.length} input errors`);
const started = performance.now();
let last = started;
let longest = { ms: 0, before: "" };
const onProgress = (progress: Progress) => {
  const now = performance.now();
  const gap = now - last;
  if (gap > 250) console.log(`${(gap / 1000).toFixed(2)} s silent before "${progress.phase}" at ${((now - started) / 1000).toFixed(2)} s`);
  if (gap > longest.ms) longest = { ms: gap, before: progress.phase };
  last = now;
};
const result = await solve(loaded.value, { seed: 1, engine: engine as never, onProgress, ...(limit !== undefined ? { timeLimitMs: Number(limit) * 1000 } : {}) });
const end = performance.now() - last;
if (end > longest.ms) longest = { ms: end, before: "the answer" };
console.log(`${((performance.now() - started) / 1000).toFixed(2)} s, ${result.check.metrics.filled.total} seats, stopped by ${result.stoppedBy}; longest silence ${(longest.ms / 1000).toFixed(2)} s, before "${longest.before}"`);
