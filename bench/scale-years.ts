/**
 * Writes the scale test years as year folders, for timing `qar solve --time-limit` on them:
 *
 *   npx tsx bench/scale-years.ts national-x10 /tmp/x10   # 4,250 reviews, 10,899 reviewers (ten times 2023-24)
 *   npx tsx bench/scale-years.ts r50k /tmp/r50k          # 36 reviews and 50,000 reviewers
 *
 * `r50k` is a generated year of 36 reviews whose reviewers are copied (new ids and names, the
 * same schools, levels and dates) up to 50,000: a partnership that lists every member's staff.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateYear } from "../fixtures/generator.js";
import { YEAR_SPECS } from "../fixtures/years.js";
import { serializeYear } from "../src/io/write-year.js";

const [name, out] = process.argv.slice(2);
const x10 = YEAR_SPECS["national-x10"]!;
const specs: Record<string, typeof x10> = {
  "national-x10": x10,
  r50k: { ...x10, name: "r50k", seed: 7, schools: 60, hubs: 8, reviews: 36, reviewsShare: 36 / 60, reviewers: 50_000, capacityRatio: 50 },
};
const spec = name !== undefined ? specs[name] : undefined;
if (!spec || out === undefined) {
  console.error(`usage: npx tsx bench/scale-years.ts <${Object.keys(specs).join("|")}> <out-folder>`);
  process.exit(2);
}
const files = serializeYear(generateYear(spec).problem);
if (name === "r50k") {
  const [header, ...rows] = files["reviewers.csv"]!.trimEnd().split("\n");
  const copies: string[] = [];
  for (let i = 0; rows.length + copies.length < 50_000; i++) {
    const cells = rows[i % rows.length]!.split(",");
    cells[0] = `X${String(i).padStart(5, "0")}`;
    cells[1] = `Extra ${i}`;
    copies.push(cells.join(","));
  }
  files["reviewers.csv"] = `${[header, ...rows, ...copies].join("\n")}\n`;
}
mkdirSync(out, { recursive: true });
for (const [file, text] of Object.entries(files)) writeFileSync(join(out, file), text);
console.log(`${name}: written to ${out}`);
