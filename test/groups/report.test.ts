import { describe, expect, it } from "vitest";
import { indexCohort } from "../../src/groups/cohort.js";
import { group } from "../../src/groups/group.js";
import type { Cohort } from "../../src/groups/model.js";
import { renderGroupReport } from "../../src/io/groups/report-groups.js";
import { readCohortFolder } from "../../src/io/groups/read-cohort-folder.js";

const SMALL = new URL("../cli/groups-data/cohort", import.meta.url).pathname;

function hostile(): Cohort {
  const read = readCohortFolder(SMALL);
  if (!read.ok) throw new Error("the test cohort does not read");
  const bad = `<script>alert("x")</script><img src="http://example.com/x.png">`;
  return {
    ...read.value,
    schools: read.value.schools.map((s) => (s.id === "P2" ? { ...s, name: bad, hub: `${bad}hub` } : s)),
    facilitators: read.value.facilitators.map((f) => (f.id === "F1" ? { ...f, name: bad } : f)),
  };
}

describe("group-report.html", async () => {
  const cohort = hostile();
  const result = await group(cohort);
  const html = renderGroupReport({ index: indexCohort(cohort), result, title: "Groups & <b>tests</b>" });
  const metric = (name: string) => new RegExp(`data-metric="${name}">([^<]*)<`).exec(html)?.[1];

  it("shows the checker's figures and the bound", () => {
    expect(metric("placed")).toBe(String(result.check.metrics.placed));
    expect(metric("schools")).toBe(String(result.check.metrics.schools));
    expect(metric("groups")).toBe(String(result.check.metrics.groups));
    expect(metric("journeys")).toBe(String(result.check.metrics.goals.journeys));
    expect(metric("bound-placed")).toBe(String(result.bound.placed));
    expect(metric("without-facilitator")).toBe(String(result.check.metrics.withoutFacilitator));
  });

  it("draws each programme's groups as a map-like chart: one loop per group, one dot per school with coordinates", () => {
    expect(html.match(/<svg class="map"/g)).toHaveLength(1);
    expect(html.match(/<g class="group"/g)).toHaveLength(result.grouping.groups.length);
    expect(html.match(/<circle /g)).toHaveLength(cohort.members.length);
    // The unplaced school is a hollow red dot.
    const left = result.grouping.unplaced[0]!.schoolId;
    expect(html).toMatch(new RegExp(`<circle [^>]*fill="#fff" stroke="#c00"[^>]*data-school="${left}"`));
  });

  it("lists the unplaced schools with their reasons", () => {
    for (const u of result.grouping.unplaced) expect(html).toContain(u.reason);
  });

  it("keeps hostile names inert and loads nothing from anywhere", () => {
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Groups &amp; &lt;b&gt;tests&lt;/b&gt;");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
  });
});
