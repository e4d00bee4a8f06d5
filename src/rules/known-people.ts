import type { AllocationRule } from "./types.js";

/** Every assignment names a review of the year and a person in a seat of their kind. */
export const knownPeople: AllocationRule = {
  kind: "allocation",
  id: "known-people",
  summary: "Every assignment names a review of the year, and a Lead Reviewer in the lead seat or a reviewer in a peer seat.",
  check: ({ unknown }) => [...unknown],
};
