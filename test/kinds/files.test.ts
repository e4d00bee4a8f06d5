import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatInputError, type InputError } from "../../src/io/errors.js";
import { parseYear, type YearFileContents } from "../../src/io/read-year.js";
import { serializeYear } from "../../src/io/write-year.js";
import { DEFAULT_KINDS } from "../../src/model/kinds.js";
import { DEFAULT_POLICY, makePolicy } from "../../src/model/policy.js";
import { indexYear } from "../../src/model/year.js";

// The kinds in the files: reviews.csv's kind and trust_id, reviewers.csv's and leads.csv's
// kinds, and the policy's kinds table.

const baseDir = new URL("../bad-inputs/base/", import.meta.url).pathname;
const base: Record<string, string> = Object.fromEntries(
  ["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"].map((file) => [file, readFileSync(join(baseDir, file), "utf8")]),
);
// The base year's S3 is in "Oak Trust"; a TPR of it, and kinds for two people.
const REVIEWS = `${base["reviews.csv"]!.trimEnd().replace("id,school_id,start,days,seats", "id,school_id,start,days,seats,kind,trust_id")}\nT1,,2024-02-12,3,,TPR,Oak Trust\nM1,S4,2024-02-19,3,2,mlqar,\n`;
const REVIEWERS = base["reviewers.csv"]!.replace("max_reviews,conflicts\n", "max_reviews,conflicts,kinds\n").replace("2024-01-08..2024-03-29,2,\n", "2024-01-08..2024-03-29,2,,qar;tpr\n");
const LEADS = base["leads.csv"]!.replace("lat,lon\n", "lat,lon,kinds\n").replace("51.7000,-1.0000\n", "51.7000,-1.0000,Tpr ; mlqar\n");
const mixed = { ...base, "reviews.csv": REVIEWS, "reviewers.csv": REVIEWERS, "leads.csv": LEADS };

function errorsOf(files: YearFileContents): readonly InputError[] {
  const result = parseYear(files);
  return result.ok ? [] : result.errors;
}
const where = (errors: readonly InputError[]) => errors.map((e) => [e.file, e.row, e.column]);

describe("kinds in the year's files", () => {
  it("reads a TPR of a trust (school_id blank), an MLQAR and people's kinds, case and spaces aside", () => {
    const year = parseYear(mixed);
    if (!year.ok) throw new Error(year.errors.map(formatInputError).join("\n"));
    const tpr = year.value.reviews.find((r) => r.id === "T1")!;
    expect([tpr.kind, tpr.trustId, tpr.schoolId]).toEqual(["tpr", "Oak Trust", undefined]);
    expect(year.value.reviews.find((r) => r.id === "R1")!.kind).toBeUndefined();
    expect(year.value.reviewers.find((r) => r.id === "P1")!.kinds).toEqual(["qar", "tpr"]);
    expect(year.value.leads.find((l) => l.id === "L1")!.kinds).toEqual(["tpr", "mlqar"]);
    const indexed = indexYear(year.value);
    const info = indexed.reviewById.get("T1")!;
    expect([info.kind.id, info.host.id, info.hostSchool, info.peerSeats]).toEqual(["tpr", "Oak Trust", undefined, 6]);
    expect(indexed.people.peer.get("P2")!.kinds).toEqual(new Set(["qar"]));
    expect(indexed.mixed).toBe(true);
    expect(indexYear(parseYear(base).ok ? (parseYear(base) as { value: Parameters<typeof indexYear>[0] }).value : (undefined as never)).mixed).toBe(false);
  });

  it("an unknown kind is an error naming the file, the row and the column, in every file", () => {
    const errors = errorsOf({
      ...mixed,
      "reviews.csv": REVIEWS.replace("M1,S4,2024-02-19,3,2,mlqar,", "M1,S4,2024-02-19,3,2,mlqr,"),
      "reviewers.csv": REVIEWERS.replace("qar;tpr", "qar;trp"),
      "leads.csv": LEADS.replace("Tpr ; mlqar", "tpr;lead"),
    });
    expect(where(errors)).toEqual([
      ["reviewers.csv", 2, "kinds"],
      ["leads.csv", 2, "kinds"],
      ["reviews.csv", 6, "kind"],
    ]);
    expect(errors.map((e) => e.message).join(" ")).toMatch(/"mlqr" is not a kind of review; the policy's kinds are qar, tpr, mlqar/);
  });

  it("a TPR needs its trust and no school; a QAR or MLQAR needs its school and no trust; the trust must be a school's", () => {
    const errors = errorsOf({
      ...mixed,
      "reviews.csv": REVIEWS.replace("T1,,2024-02-12,3,,TPR,Oak Trust", "T1,S3,2024-02-12,3,,tpr,").replace("M1,S4,2024-02-19,3,2,mlqar,", "M1,,2024-02-19,3,2,mlqar,Oak Trust")
        .replace("R1,S1,2024-01-15,3,", "R1,S1,2024-01-15,3,,,Elm Trust"),
    });
    expect(where(errors)).toEqual([
      ["reviews.csv", 2, "trust_id"],
      ["reviews.csv", 5, "school_id"],
      ["reviews.csv", 6, "trust_id"],
    ]);
    const unknown = errorsOf({ ...mixed, "reviews.csv": REVIEWS.replace("TPR,Oak Trust", "tpr,Elm Trust") });
    expect(unknown.map((e) => [e.code, e.row, e.column])).toEqual([["unknown-reference", 5, "trust_id"]]);
    expect(unknown[0]!.message).toContain('unknown trust "Elm Trust"');
  });

  it("a policy may add a kind, which the files may then name", () => {
    const files = { ...mixed, "reviews.csv": REVIEWS.replace("mlqar,", "send,"), "policy.json": JSON.stringify({ kinds: { send: { name: "SEND Developmental Peer Review", exclude: ["school"] } } }) };
    const year = parseYear(files);
    if (!year.ok) throw new Error(year.errors.map(formatInputError).join("\n"));
    const send = indexYear(year.value).reviewById.get("M1")!;
    expect([send.kind.id, send.kind.name, Object.entries(send.kind.excludes).filter(([, on]) => on).map(([check]) => check), send.kind.label]).toEqual(["send", "SEND Developmental Peer Review", ["school"], "send"]);
  });

  it("what serializeYear writes reads back the same, kinds included; a year of QARs keeps its old columns", () => {
    const year = parseYear(mixed);
    if (!year.ok) throw new Error("mixed year does not read");
    const again = parseYear(serializeYear(year.value));
    expect(again.ok && again.value).toEqual(year.value);
    const plain = parseYear(base);
    if (!plain.ok) throw new Error("base year does not read");
    const files = serializeYear(plain.value);
    expect(files["reviews.csv"]!.split("\n")[0]).toBe("\uFEFFid,school_id,start,days,seats");
    expect(files["reviewers.csv"]!.split("\n")[0]).not.toContain("kinds");
    expect(files["leads.csv"]!.split("\n")[0]).not.toContain("kinds");
  });
});

describe("the policy's kinds table", () => {
  it("has the built-in kinds: qar as the top-level keys say, tpr and mlqar as issue 16 sets them", () => {
    expect(Object.keys(DEFAULT_POLICY.kinds)).toEqual(["qar", "tpr", "mlqar"]);
    const { qar, tpr, mlqar } = DEFAULT_KINDS;
    expect([qar!.seats, qar!.minAdvancedPerTeam, qar!.exclude, qar!.maxPerTrustPerTeam, qar!.reciprocity]).toEqual([undefined, undefined, ["school", "hub", "locality", "trust", "distance"], null, "school"]);
    expect([tpr!.host, tpr!.seats, tpr!.minAdvancedPerTeam, tpr!.exclude, tpr!.maxPerTrustPerTeam, tpr!.reciprocity]).toEqual(["trust", 6, 0, ["trust"], 1, "trust"]);
    expect([mlqar!.host, mlqar!.exclude, mlqar!.require, mlqar!.reciprocity]).toEqual(["school", ["school"], ["hub"], "school"]);
  });

  it("top-level keys keep their meaning for qar: minAdvancedPerTeam and seatBands reach a QAR, not a TPR", () => {
    const policy = makePolicy({ minAdvancedPerTeam: 2 });
    if (!policy.success) throw new Error(policy.error.message);
    const year = parseYear(mixed);
    if (!year.ok) throw new Error("mixed year does not read");
    const indexed = indexYear({ ...year.value, policy: policy.data });
    expect(indexed.reviewById.get("R1")!.kind.minAdvancedPerTeam).toBe(2);
    expect(indexed.reviewById.get("M1")!.kind.minAdvancedPerTeam).toBe(2);
    expect(indexed.reviewById.get("T1")!.kind.minAdvancedPerTeam).toBe(0);
  });

  it("merges a kind's keys over the built-in one, and bands or a number for seats", () => {
    const policy = makePolicy({ kinds: { tpr: { seats: 5, maxPerTrustPerTeam: 2 }, mlqar: { seats: [{ phase: "primary", seats: 2 }, { phase: "secondary", seats: 3 }] } } });
    if (!policy.success) throw new Error(policy.error.message);
    expect([policy.data.kinds.tpr!.seats, policy.data.kinds.tpr!.maxPerTrustPerTeam, policy.data.kinds.tpr!.host]).toEqual([5, 2, "trust"]);
    expect(policy.data.kinds.qar).toEqual(DEFAULT_KINDS.qar);
  });

  it("a policy written back holds only the kinds it changed, and reads back the same; a default policy writes none", () => {
    const year = parseYear({ ...mixed, "policy.json": JSON.stringify({ kinds: { tpr: { seats: 5 } } }) });
    if (!year.ok) throw new Error("mixed year does not read");
    const files = serializeYear(year.value);
    expect(JSON.parse(files["policy.json"]!)).toEqual({ kinds: { tpr: { ...DEFAULT_KINDS.tpr, seats: 5 } } });
    const again = parseYear(files);
    expect(again.ok && again.value.policy).toEqual(year.value.policy);
    const plain = parseYear(mixed);
    expect(plain.ok && serializeYear(plain.value)["policy.json"]).toBeUndefined();
  });

  it("rejects an unknown key in a kind, naming it and the kind, and impossible kinds, naming the kind", () => {
    const errors = errorsOf({ ...base, "policy.json": JSON.stringify({ kinds: { tpr: { maxPerTrust: 1 } } }) });
    expect(errors.map((e) => [e.file, e.column])).toEqual([["policy.json", "kinds.tpr.maxPerTrust"]]);
    expect(errors[0]!.message).toContain('unknown policy key "maxPerTrust"');
    expect(errors[0]!.message).toContain("maxPerTrustPerTeam");
    const impossible = errorsOf({ ...base, "policy.json": JSON.stringify({ kinds: { tpr: { seats: [{ phase: "primary", seats: 2 }] }, mlqar: { exclude: ["hub"] } } }) });
    expect(impossible.map((e) => e.column)).toEqual(["kinds.tpr.seats", "kinds.mlqar.exclude"]);
    const text = impossible.map(formatInputError).join("\n");
    expect(text).toContain("tpr: a kind hosted by a trust needs a number of seats");
    expect(text).toContain("mlqar: the hub cannot be both required and excluded");
    const badId = errorsOf({ ...base, "policy.json": JSON.stringify({ kinds: { Bad: {} } }) });
    expect(badId.map((e) => [e.column, e.message])).toEqual([["kinds.Bad", expect.stringContaining("a kind's id is lower-case")]]);
  });
});
