import { forTerminal } from "../model/text.js";
import { run } from "./program.js";
import { runHighsInWorkers } from "../worker/highs-host.js";

/**
 * A reader that went away (`qar solve --help | head`) is not an error: the rest of the output
 * has nowhere to go, so `qar` stops quietly instead of printing a stack trace.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * The `qar` entry point used by bin/qar.js. Everything printed passes through `forTerminal`, so
 * a control character in the input (an ESC in a hub name) never reaches the terminal as one.
 * Ctrl-C during the live display gives the terminal back as it was (cursor shown, line wrap on)
 * and exits 130 (see progress.ts); otherwise the signal ends `qar` at once.
 */
export async function main(argv: readonly string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  // HiGHS in worker threads: a time limit or Ctrl-C stops it at once, and progress keeps coming.
  runHighsInWorkers();
  return run(argv, {
    out: (text) => process.stdout.write(forTerminal(text)),
    err: (text) => process.stderr.write(forTerminal(text)),
    progress: process.stderr,
  });
}
