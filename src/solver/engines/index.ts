import type { Engine } from "../engine.js";
import { greedy } from "./greedy.js";
import { lns } from "./lns.js";
import { mip } from "./mip.js";
import { selfSelection } from "./self-selection.js";

/**
 * The engines `solve` runs by name; `auto` picks one from the problem's size. `repair` is not
 * among them: `solve` runs it when given an earlier allocation to start from.
 *
 * @example
 * for (const name of Object.keys(ENGINES)) console.log(name, ENGINES[name as keyof typeof ENGINES].summary);
 */
export const ENGINES = { greedy, mip, lns, "self-selection": selfSelection } as const satisfies Readonly<Record<string, Engine>>;

/**
 * An engine `solve` takes by name: `auto` or one of `ENGINES`.
 *
 * @example
 * const engine: EngineName = "lns";
 * const result = await solve(problem, { seed: 1, engine });
 */
export type EngineName = "auto" | keyof typeof ENGINES;

/**
 * Every engine name `solve` takes, `auto` first: the command line's `--engine` choices and the
 * API's check of `engine` both read this list.
 *
 * @example
 * console.log(ENGINE_NAMES.join(", ")); // "auto, greedy, mip, lns, self-selection"
 */
export const ENGINE_NAMES: readonly EngineName[] = ["auto", ...(Object.keys(ENGINES) as (keyof typeof ENGINES)[])];

/** Whether `name` is one of `ENGINE_NAMES` (an own name only: `__proto__` and `toString` are no engine). */
export function isEngineName(name: string): name is EngineName {
  return (ENGINE_NAMES as readonly string[]).includes(name);
}

/** The words of a refused engine name, the same from the API and the command line. */
export function unknownEngine(name: string): string {
  return `unknown engine "${name}"; use one of ${ENGINE_NAMES.join(", ")}`;
}

/** `name` as an engine name, or a `RangeError` saying which names there are (for scripts reading names from their arguments). */
export function toEngineName(name: string): EngineName {
  if (!isEngineName(name)) throw new RangeError(unknownEngine(name));
  return name;
}
