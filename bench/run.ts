/**
 * `npm run bench`: every method on every fixture, one table. Each run is a fresh process (its
 * own peak memory); times are shown as ratios to the greedy baseline measured in this run.
 *
 *   npm run bench                      all fixtures, all methods, the exact MIP as reference
 *   npm run bench -- --quick --gate    the CI gate: 2018-19, small-tight and tight, quality checks only
 *   npm run bench -- --fixtures tight,short --methods greedy,auto
 *   npm run bench -- --render           the last full run's table again (after bench:optimum), running nothing
 *   npm run bench -- --x10             also the generated national-x10 year (scale)
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { FIXTURES } from "./fixtures.js";

interface Row {
  fixture: string;
  method: string;
  engine: string;
  valid: boolean;
  violations: number;
  reviews: number;
  seats: number;
  filled: number;
  filledShare: number;
  fullTeams: number;
  fullTeamShare: number;
  withinTolerance: number;
  meetingCommitment: number;
  reciprocityDeviation: number;
  reciprocityBound: number;
  phaseMatch: number;
  meanTravelKm: number;
  sameSchoolPairs?: number;
  reciprocalPairs?: number;
  preferencesHonoured?: number;
  preferencesStated?: number;
  goalsTier?: number;
  goalsTierBest?: number;
  goalBests?: Record<string, number | undefined>;
  bound: number;
  boundMethod: string;
  gap: number;
  proven: boolean;
  stoppedBy: string;
  wallMs: number;
  peakMemoryMb: number;
  timeRatio?: number;
  /** Wall time as a share of the exact MIP's in the same run (the MIP row's own is 1). */
  mipRatio?: number;
  /** A year with kinds of review: each kind's reviews, seats, filled seats and full teams. */
  kinds?: Record<string, { reviews: number; seats: number; filled: number; fullTeams: number }>;
  trustsInBalance?: number;
}

/** The CI gate's threshold on the main solver's gap to its own bound (filled seats). */
export const GAP_THRESHOLD = 0.005;
const GATE_FIXTURES = ["2018-19", "small-tight", "tight"];
const MAIN = "auto";
/** Cap on the exact reference, seconds; it proves far sooner on small years. */
const REFERENCE_SECONDS = Number(process.env.BENCH_REFERENCE_SECONDS ?? 180);

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = flag("--quick");
const fixtures = value("--fixtures")?.split(",") ?? (quick ? GATE_FIXTURES : [...FIXTURES, ...(flag("--x10") ? ["national-x10"] : [])]);
const methods = value("--methods")?.split(",") ?? (quick ? ["self-selection", "greedy", MAIN] : ["self-selection", "greedy", MAIN, "mip"]);
const here = new URL(".", import.meta.url).pathname;

function runOne(fixture: string, method: string): Row | undefined {
  // The exact reference is for comparison only: skip it where it cannot finish in the cap.
  const env = { ...process.env, ...(method === "mip" ? { BENCH_TIME_LIMIT_MS: String(REFERENCE_SECONDS * 1000) } : {}) };
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", `${here}one.ts`, fixture, method, "1"], {
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out.trim().split("\n").pop()!) as Row;
  } catch (error) {
    console.error(`bench: ${fixture} / ${method} failed: ${(error as Error).message}`);
    return undefined;
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
/** The exact references, computed offline by `npm run bench:optimum` (bench/optimum.ts). */
interface Reference {
  seats: number;
  seatsProven: boolean;
  deviation?: number;
  goals?: { phaseMatch: number; meanTravelKm: number; sameSchoolPairs: number; reciprocalPairs: number; goalsTier: number; proven: boolean };
}
const optima: Record<string, Reference> = existsSync(`${here}results/optimum.json`) ? (JSON.parse(readFileSync(`${here}results/optimum.json`, "utf8")) as Record<string, Reference>) : {};
/** The gate's quality margins against the exact goals reference: phase match points and travel. */
export const PHASE_POINTS = 0.02;
export const TRAVEL_RATIO = 1.05;
const optimumCell = (r: Row) => {
  const o = optima[r.fixture];
  return o ? `${o.seats}${o.seatsProven ? "" : "?"}` : "";
};
const optimumGap = (r: Row) => {
  const o = optima[r.fixture];
  return o ? pct((o.seats - r.filled) / Math.max(1, o.seats)) : "";
};
const deviationRatio = (r: Row) => {
  const o = optima[r.fixture];
  if (o?.deviation === undefined || r.filled !== o.seats) return String(r.reciprocityDeviation);
  // Where the least possible is 0 a ratio says nothing: the least is shown instead.
  return o.deviation === 0 ? `${r.reciprocityDeviation} (least 0)` : `${r.reciprocityDeviation} (${(r.reciprocityDeviation / o.deviation).toFixed(2)}×)`;
};
// `--render`: the table again from the last run's rows (after the optimum file changed), running nothing.
const rendered = flag("--render");
const rows: Row[] = rendered ? (JSON.parse(readFileSync(`${here}results/latest.json`, "utf8")) as { rows: Row[] }).rows : [];
for (const fixture of rendered ? [] : fixtures) {
  for (const method of methods) {
    // The whole-year MIP of national-x2 (850 reviews) overran its 180 s cap inside HiGHS (stopped
    // after 14 minutes on 2026-11-30), and national-x10's does not fit in WebAssembly's heap.
    if (method === "mip" && (fixture === "national-x10" || fixture === "national-x2")) continue;
    process.stderr.write(`bench: ${fixture} / ${method} ...\n`);
    const row = runOne(fixture, method);
    if (row) rows.push(row);
  }
  const greedy = rows.find((r) => r.fixture === fixture && r.method === "greedy");
  for (const row of rows.filter((r) => r.fixture === fixture)) if (greedy) row.timeRatio = row.wallMs / Math.max(1, greedy.wallMs);
  const exact = rows.find((r) => r.fixture === fixture && r.method === "mip");
  for (const row of rows.filter((r) => r.fixture === fixture)) if (exact) row.mipRatio = row.wallMs / Math.max(1, exact.wallMs);
}

const LEGEND =
  "optimum: the most seats any valid allocation fills (bench/results/optimum.json, computed offline by npm run bench:optimum; ? = not proven). " +
  "bound: the upper bound the run reported, and how (flow, advanced, lp, mip, counting). gap: (bound or optimum − filled) / it. " +
  "deviation: total reciprocity deviation, and at the optimum's fill its ratio to the least possible there. " +
  "phase match, travel km (mean per seat), same-school and reciprocal pairs, preferences honoured, goals (the policy's weighted cost of every goal below the seats): the run's, with the exact whole-year optimum's in brackets (optimum.json, `goals`; ? = the MIP stopped at its cap) and, for the goals, the run's proven bound after `≥`. " +
  "× greedy, × exact MIP: wall time as a multiple of the greedy baseline's, and of the exact whole-year MIP's (capped at BENCH_REFERENCE_SECONDS), in the same run.";
const header = ["fixture", "method", "seats", "filled", "optimum", "gap to optimum", "bound", "gap to bound", "full teams", "meets commitment", "deviation (× optimum's)", "phase match", "travel km", "same-school pairs", "reciprocal pairs", "preferences", "goals", "time", "× greedy", "× exact MIP", "peak MB", "valid"];
/** A figure beside the exact reference's, e.g. `95.2% (97.0%)`. */
const beside = (r: Row, own: string, reference: (g: NonNullable<Reference["goals"]>) => string) => {
  const g = optima[r.fixture]?.goals;
  return g ? `${own} (${reference(g)}${g.proven ? "" : "?"})` : own;
};
const table = rows.map((r) => [
  r.fixture,
  r.method === MAIN ? `${MAIN} (${r.engine})` : r.method,
  String(r.seats),
  `${r.filled} (${pct(r.filledShare)})`,
  optimumCell(r),
  optimumGap(r),
  `${r.bound} (${r.boundMethod})`,
  pct(r.gap),
  pct(r.fullTeamShare),
  pct(r.meetingCommitment),
  deviationRatio(r),
  beside(r, pct(r.phaseMatch), (g) => pct(g.phaseMatch)),
  beside(r, r.meanTravelKm.toFixed(1), (g) => g.meanTravelKm.toFixed(1)),
  beside(r, String(r.sameSchoolPairs ?? ""), (g) => String(g.sameSchoolPairs)),
  beside(r, String(r.reciprocalPairs ?? ""), (g) => String(g.reciprocalPairs)),
  r.preferencesStated ? `${r.preferencesHonoured} / ${r.preferencesStated}` : "",
  r.goalsTier === undefined ? "" : beside(r, `${Math.round(r.goalsTier)}${r.goalsTierBest !== undefined ? ` ≥ ${Math.round(r.goalsTierBest)}` : ""}`, (g) => String(Math.round(g.goalsTier))),
  `${(r.wallMs / 1000).toFixed(2)} s`,
  r.timeRatio !== undefined ? `${r.timeRatio.toFixed(1)}` : "",
  r.mipRatio !== undefined ? `${r.mipRatio.toFixed(2)}` : "",
  r.peakMemoryMb.toFixed(0),
  r.valid ? "yes" : `NO (${r.violations})`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
console.log([line(header), ...table.map(line)].join("\n"));
console.log(`\n${LEGEND}`);

// Years with kinds of review: each kind's fill, method by method (the QARs alone beside them).
const kindRows = rows.flatMap((r) =>
  Object.entries(r.kinds ?? {}).map(([kind, k]) => `| ${r.fixture} | ${r.method === MAIN ? `${MAIN} (${r.engine})` : r.method} | ${kind} | ${k.reviews} | ${k.filled} / ${k.seats} (${pct(k.filled / Math.max(1, k.seats))}) | ${k.fullTeams} |`),
);
const kindsTable =
  kindRows.length > 0
    ? `\n\nBy kind of review (docs/kinds.md); \`mixed-qar\` is the mixed year's QARs alone (its other reviews left out):\n\n| fixture | method | kind | reviews | filled / seats | full teams |\n| --- | --- | --- | --- | --- | --- |\n${kindRows.join("\n")}`
    : "";
const markdown = [
  `| ${header.join(" | ")} |`,
  `| ${header.map(() => "---").join(" | ")} |`,
  ...table.map((row) => `| ${row.join(" | ")} |`),
].join("\n") + kindsTable;
const custom = value("--fixtures") !== undefined || value("--methods") !== undefined;
if (!quick) {
  mkdirSync(`${here}results`, { recursive: true });
  // A run of a chosen subset is kept beside the full table, named after its fixtures.
  const name = custom ? `subset-${fixtures.join("+")}` : "latest";
  const meta = { node: process.version, cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", seed: 1 };
  writeFileSync(`${here}results/${name}.json`, `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
  writeFileSync(`${here}results/${name}.md`, `# ${custom ? `Benchmark of ${fixtures.join(", ")}` : "Latest benchmark"}\n\nNode ${meta.node}, ${meta.cores} cores (${meta.cpu}), seed 1. Produced by \`npm run bench\`.\n\n${markdown}\n\n${LEGEND}\n`);
}

if (flag("--gate")) {
  const failures: string[] = [];
  for (const fixture of fixtures) {
    const main = rows.find((r) => r.fixture === fixture && r.method === MAIN);
    if (!main) {
      failures.push(`${fixture}: the main solver produced no result`);
      continue;
    }
    if (!main.valid) failures.push(`${fixture}: the main solver's allocation breaks ${main.violations} rule(s)`);
    for (const baseline of ["greedy", "self-selection"]) {
      const other = rows.find((r) => r.fixture === fixture && r.method === baseline);
      if (!other) continue;
      if (main.filled < other.filled) failures.push(`${fixture}: main fills ${main.filled} seats, below ${baseline}'s ${other.filled}`);
      if (main.fullTeams < other.fullTeams) failures.push(`${fixture}: main has ${main.fullTeams} full teams, below ${baseline}'s ${other.fullTeams}`);
    }
    if (main.gap > GAP_THRESHOLD) failures.push(`${fixture}: gap to bound ${pct(main.gap)} is above the ${pct(GAP_THRESHOLD)} threshold`);
    const optimum = optima[fixture];
    if (optimum?.seatsProven && main.filled < optimum.seats * (1 - GAP_THRESHOLD)) failures.push(`${fixture}: ${main.filled} seats, more than ${pct(GAP_THRESHOLD)} below the optimum ${optimum.seats}`);
    if (optimum && main.bound < optimum.seats) failures.push(`${fixture}: the bound ${main.bound} is below the optimum ${optimum.seats}: not a bound`);
    // Quality beyond the seats: phase match and travel against the exact whole-year optimum's.
    const goals = optimum?.goals;
    if (goals && main.filled === optimum.seats) {
      if (main.phaseMatch < goals.phaseMatch - PHASE_POINTS) failures.push(`${fixture}: phase match ${pct(main.phaseMatch)}, more than ${100 * PHASE_POINTS} points below the exact ${pct(goals.phaseMatch)}`);
      if (main.meanTravelKm > goals.meanTravelKm * TRAVEL_RATIO) failures.push(`${fixture}: mean travel ${main.meanTravelKm.toFixed(1)} km, more than ${pct(TRAVEL_RATIO - 1)} above the exact ${goals.meanTravelKm.toFixed(1)} km`);
      if (main.goalsTierBest !== undefined && main.goalsTierBest > goals.goalsTier + 1e-6) failures.push(`${fixture}: the goals bound ${main.goalsTierBest} is above the exact optimum's ${goals.goalsTier}: not a bound`);
    }
  }
  if (failures.length > 0) {
    console.error(`\nbench gate FAILED:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
    process.exit(1);
  }
  console.log(`\nbench gate passed: ${fixtures.join(", ")} (valid, not below the baselines, gap <= ${pct(GAP_THRESHOLD)}, phase match within ${100 * PHASE_POINTS} points and travel within ${pct(TRAVEL_RATIO - 1)} of the exact optimum's)`);
}
