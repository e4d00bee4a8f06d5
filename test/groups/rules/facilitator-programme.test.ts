import { describe, it } from "vitest";
import { CLEAN, cohortWith, expectClean, expectExactly, facilitator } from "./fixture.js";

describe("facilitator-programme", () => {
  it("passes facilitators who list the programme (any case) or none", () => {
    expectClean("facilitator-programme", cohortWith({ facilitators: [facilitator("F1", { programmes: [" p "] }), facilitator("F2")] }), CLEAN);
  });

  it("reports a facilitator trained for another programme only", () => {
    const cohort = cohortWith({ facilitators: [facilitator("F1", { programmes: ["SEND Developmental Peer Review"] }), facilitator("F2")] });
    expectExactly(cohort, CLEAN, "facilitator-programme", [{ rule: "facilitator-programme", groupId: "G1", facilitatorId: "F1", mentions: ["P"] }]);
  });
});
