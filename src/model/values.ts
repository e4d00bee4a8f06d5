/**
 * A blank hub, locality or trust means "none": it equals nothing, another blank included
 * (DOMAIN.md, Clarifications). Comparisons ignore case and surrounding spaces, as spreadsheet
 * exports are inconsistent about both.
 */
export function sameValue(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === b) return a.trim() !== "";
  const left = a.trim().toLowerCase();
  return left !== "" && left === b.trim().toLowerCase();
}

/**
 * A hub, locality or trust as `sameValue` compares it (trimmed, lower case); `undefined` when blank.
 *
 * @example valueKey(" Oak Trust ") // "oak trust"; valueKey("  ") // undefined
 */
export function valueKey(value: string | undefined): string | undefined {
  const key = value?.trim().toLowerCase();
  return key ? key : undefined;
}

/**
 * A school's (or host's) hub, locality and trust as the place rules compare them (`valueKey`:
 * trimmed, lower case; absent when blank): worked out once per person and review, because the
 * candidate lists compare them millions of times on a large year.
 */
export interface PlaceKeys {
  readonly hub?: string | undefined;
  readonly locality?: string | undefined;
  readonly trust?: string | undefined;
}

/** The place keys of a school or host. */
export function placeKeys(place: { readonly hub?: string | undefined; readonly locality?: string | undefined; readonly trust?: string | undefined } | undefined): PlaceKeys {
  return place ? { hub: valueKey(place.hub), locality: valueKey(place.locality), trust: valueKey(place.trust) } : {};
}
