/**
 * `qar-allocator/node`: the core (`src/core.ts`) plus what touches files: reading a year folder
 * or workbook, and writing output folders and files all or nothing.
 *
 * The examples of these names are written here, at their export, while `src/io/` and
 * `src/worker/` are reworked in other branches.
 *
 * @example
 * import { readYear, solve, solveOutputs, explain, writeOutputFolder } from "qar-allocator/node";
 * const year = await readYear("fixtures/years/tiny");
 * if (year.ok) {
 *   const result = await solve(year.value, { seed: 1 });
 *   writeOutputFolder("out/tiny", solveOutputs(result, explain(result.year, result.allocation)));
 * }
 */
export * from "./core.js";
export {
  readYear,
  readYearFolder,
  readYearTable,
  /**
   * A file's bytes (`-`: standard input), or an input error naming it: never a device, a pipe
   * or a file over the size limit.
   *
   * @example
   * const read = readBytes("year.xlsx");
   * if ("error" in read) console.log(formatInputError(read.error));
   */
  readBytes,
  /**
   * `writeOutputFolder` under its first name, kept for callers of 0.1.
   *
   * @example
   * writeFolderAtomically("2025-26", closedYearFiles(closed.value));
   */
  writeFolderAtomically,
} from "./io/files.js";
export { tableContents } from "./io/workbook.js";
export {
  resultsWorkbook,
  workbookOf,
  /**
   * What `results.xlsx` is made from: the solve's year, allocation and check, the explanation,
   * and the letters, notices and reach where the caller has them.
   *
   * @example
   * const xlsx = await resultsWorkbook({ ...result, explanation: explain(result.year, result.allocation) } satisfies ResultsInput);
   */
  type ResultsInput,
  /**
   * One sheet of a workbook: its name and its table.
   *
   * @example
   * const sheets: SheetTable[] = [{ name: "allocation", table: allocationTable(result.year, result.allocation) }];
   * writeOutputFile("allocation.xlsx", await workbookOf(sheets));
   */
  type SheetTable,
} from "./io/results-workbook.js";
export {
  /**
   * `qar init`'s `year.xlsx` for the academic year starting in `first`: a sheet per file with
   * every column and an example row, and a "read me" sheet.
   *
   * @example
   * writeOutputFile("my-year/year.xlsx", await templateWorkbook(2025)); // 2025-26
   */
  templateWorkbook,
} from "./io/template.js";
export {
  /**
   * Everything that would make a write into `out` fail or harm an input, found before any work
   * is done: input errors, empty when the write can go.
   *
   * @example
   * const problems = checkOutputFolder({ out: "results", protect: ["my-year"], names: ["allocation.csv", "summary.json"] });
   * if (problems.length > 0) console.log(problems.map(formatInputError).join("\n"));
   */
  checkOutputFolder,
  OutputInTheWay,
  /**
   * Finishes or clears what an interrupted write left in a folder (the new outputs complete, or the old ones untouched).
   *
   * @example
   * recoverOutputFolder("results"); // after a crash or a power cut, before reading the folder
   */
  recoverOutputFolder,
  /**
   * Writes one file all or nothing: a temporary file beside it, renamed over it.
   *
   * @example
   * writeOutputFile("report.html", renderReport({ ...result, solve: result, explanation: explain(result.year, result.allocation) }));
   */
  writeOutputFile,
  writeOutputFolder,
  /**
   * What `checkOutputFolder` checks: the output folder, the folders it must keep out of, the
   * names and subfolders it will write, the input files it must never overwrite.
   *
   * @example
   * const check: OutputFolderCheck = { out: "results", protect: ["my-year"], names: Object.keys(files) };
   * const problems = checkOutputFolder(check);
   */
  type OutputFolderCheck,
  /**
   * How `writeOutputFolder` tells what it did besides writing: taking over the write lock a dead or stalled writer left.
   *
   * @example
   * writeOutputFolder("results", files, undefined, { notice: (message) => console.warn(message) } satisfies WriteOptions);
   */
  type WriteOptions,
} from "./io/out-folder.js";
export { readCohortFolder } from "./io/groups/read-cohort-folder.js";
export {
  solveInWorker,
  /**
   * `solveInWorker`'s options: `solve`'s, and how long an aborted worker may take to hand back its best (`graceMs`).
   *
   * @example
   * const result = await solveInWorker(problem, { seed: 1, signal: controller.signal, graceMs: 200 } satisfies WorkerSolveOptions);
   */
  type WorkerSolveOptions,
} from "./worker/solve-in-worker.js";
import { runHighsInWorkers } from "./worker/highs-host.js";

// In Node, HiGHS runs in worker threads, so that a time limit or an abort stops a solve at once
// and the calling thread stays free (see `useHighsHost`); `qar-allocator/core` leaves it in the
// calling thread.
runHighsInWorkers();
