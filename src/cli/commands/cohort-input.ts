import { relative, resolve } from "node:path";
import { formatInputError, type InputError } from "../../io/errors.js";
import { readCohortFolder } from "../../io/groups/read-cohort-folder.js";
import type { Cohort } from "../../groups/model.js";
import { EXIT, type CommandContext, type Io } from "../shared.js";

/** Prints input problems the way every `qar` command does, and sets exit code 1 (nothing written). */
export function failInput(io: Io, state: { code: number }, errors: readonly InputError[]): void {
  for (const e of errors) io.err(`error: ${formatInputError(e)}\n`);
  io.err(`${errors.length} problem${errors.length === 1 ? "" : "s"} in the input; nothing was written\n`);
  state.code = EXIT.invalidInput;
}

/** Reads a cohort folder, printing its warnings; the errors when it cannot be read. */
export function loadCohort(io: Io, folder: string, { quiet }: { readonly quiet: boolean }): { cohort: Cohort } | { errors: readonly InputError[] } {
  const read = readCohortFolder(folder);
  if (!read.ok) return { errors: read.errors };
  if (!quiet) for (const w of read.warnings) io.err(`warning: ${formatInputError(w)}\n`);
  return { cohort: read.value };
}

/** Whether `child` is `parent` or inside it (outputs never go into the input folder). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith("/"));
}
