/**
 * `qar-allocator/node`: the core (`src/core.ts`) plus what touches files: reading a year folder
 * or workbook, and writing output folders and files all or nothing.
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
export { readYear, readYearFolder, readYearTable, readBytes, writeFolderAtomically, writeFileAtomically } from "./io/files.js";
export { tableContents } from "./io/workbook.js";
export { resultsWorkbook, workbookOf, RESULTS_WORKBOOK, DATE_FORMAT, type ResultsInput, type SheetTable } from "./io/results-workbook.js";
export { templateWorkbook, templateCsvFiles, templateTables, academicYear, TEMPLATE_WORKBOOK } from "./io/template.js";
export { checkOutputFolder, OutputInTheWay, recoverOutputFolder, writeOutputFile, writeOutputFolder, type OutputFolderCheck, type WriteOptions } from "./io/out-folder.js";
export { readCohortFolder } from "./io/groups/read-cohort-folder.js";
export { solveInWorker } from "./worker/solve-in-worker.js";
import { runHighsInWorkers } from "./worker/highs-host.js";

export { runHighsInWorkers };

// In Node, HiGHS runs in worker threads, so that a time limit or an abort stops a solve at once
// and the calling thread stays free (see `useHighsHost`); `qar-allocator/core` leaves it in the
// calling thread.
runHighsInWorkers();
