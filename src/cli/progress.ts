import cliProgress from "cli-progress";
import type { Progress } from "../solver/engine.js";

/** Shows a solve's progress on a terminal; silent when the stream is not one (piped, CI). */
export interface ProgressDisplay {
  readonly update: (progress: Progress) => void;
  readonly stop: () => void;
  /** True when it draws (a terminal): the solve then runs in a worker so that the display keeps moving. */
  readonly live: boolean;
}

/** The display drawing now, if any: Ctrl-C must give the terminal back from it. */
let active: cliProgress.SingleBar | undefined;

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED = 130;

/**
 * Ctrl-C while the display is drawn: the terminal back as it was, then exit 130. Installed only
 * while drawing, so that otherwise Ctrl-C ends `qar` at once (as the signal's default does, which
 * a shell reports as 130 too) even while the solver holds the event loop.
 */
function onInterrupt(stream: NodeJS.WriteStream): () => void {
  const handler = () => {
    restoreTerminal(stream);
    process.exit(INTERRUPTED);
  };
  process.once("SIGINT", handler);
  return () => process.removeListener("SIGINT", handler);
}

/**
 * Gives the terminal back as it was before a live display: the bar stopped, the cursor shown and
 * line wrapping on. Writes nothing when no display was drawn (a pipe, `TERM=dumb`, `--quiet`).
 */
export function restoreTerminal(stream: NodeJS.WriteStream): void {
  if (active === undefined) return;
  active.stop();
  active = undefined;
  stream.write("\u001b[?25h\u001b[?7h\n");
}

/** The live line: the bar's value is the seats filled, its total every seat of the year. */
export const PROGRESS_FORMAT = "{phase} [{bar}] {value}/{total} seats filled{limits} | {elapsed}";

/**
 * The bar's total: every seat of the year once it is indexed (never the bound, which is not known
 * at first, nor 0), else the bound, else what is filled.
 */
export function progressTotal(progress: Progress): number {
  return Math.max(progress.seats ?? progress.bound ?? 0, progress.incumbent, 1);
}

/** The line's words: the bound and the gap only once the bound is known. */
export function progressPayload(progress: Progress): { phase: string; limits: string; elapsed: string } {
  const gap = progress.gap !== undefined ? ` | gap ${(100 * progress.gap).toFixed(2)}%` : "";
  return {
    phase: progress.phase.padEnd(6),
    limits: progress.bound !== undefined ? ` | bound ${progress.bound}${gap}` : "",
    elapsed: `${(progress.elapsedMs / 1000).toFixed(1)}s`,
  };
}

/** Solves shorter than this show no progress at all. */
const SHOW_AFTER_MS = 1000;

/**
 * A one-line live display (phase, seats filled, bound, gap, elapsed) on `stream` when it is a
 * terminal, drawn by cli-progress; nothing at all otherwise, so piped output has no control
 * characters.
 */
export function progressDisplay(stream: NodeJS.WriteStream, enabled: boolean): ProgressDisplay {
  if (!enabled || !stream.isTTY) return { update: () => {}, stop: () => {}, live: false };
  let bar: cliProgress.SingleBar | undefined;
  let release: (() => void) | undefined;
  return {
    live: true,
    update(progress) {
      if (progress.elapsedMs < SHOW_AFTER_MS) return;
      const payload = progressPayload(progress);
      const total = progressTotal(progress);
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: PROGRESS_FORMAT,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, progress.incumbent, payload);
        active = bar;
        release = onInterrupt(stream);
      }
      bar.setTotal(total);
      bar.update(progress.incumbent, payload);
    },
    stop() {
      bar?.stop();
      release?.();
      if (active === bar) active = undefined;
    },
  };
}
