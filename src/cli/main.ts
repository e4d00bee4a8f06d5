import { run } from "./program.js";

/** The `qar` entry point used by bin/qar.js. */
export async function main(argv: readonly string[]): Promise<number> {
  return run(argv, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), progress: process.stderr });
}
