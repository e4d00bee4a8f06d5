/**
 * One writer at a time in an output folder: the lock file `.qar-lock`, and telling a live
 * writer from one that died and left its lock (or its temporary files) behind.
 */
import * as nodeFs from "node:fs";
import { join } from "node:path";
import { LOCK, OutputInTheWay, type Disk } from "./disk.js";

/** A lock older than this is left by a dead process (a write takes well under a second). */
const STALE_LOCK_MS = 60_000;

/** A process's state and start time from /proc (Linux), or `undefined` where there is none. */
function procStat(pid: number): { state: string; start: string } | undefined {
  try {
    const text = nodeFs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (command) state ppid ...": the command may hold spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", start: fields[19] ?? "" };
  } catch {
    return undefined;
  }
}

const hasProc = () => process.platform === "linux" && nodeFs.existsSync("/proc/self/stat");

/** This process's start time (Linux), written into its lock so that a reused pid is not taken for it. */
const ownStart = () => (hasProc() ? procStat(process.pid)?.start : undefined);

/** Whether the process that wrote a lock still runs: not a zombie, not a later process under the same pid. */
function holderAlive(holder: { pid?: unknown; start?: unknown }): boolean {
  const pid = holder.pid;
  if (typeof pid !== "number" || !Number.isInteger(pid) || pid <= 0) return false;
  if (hasProc()) {
    const stat = procStat(pid);
    if (!stat || stat.state === "Z" || stat.state === "X") return false;
    if (typeof holder.start === "string") return stat.start === holder.start;
    // A lock without a start time (an older qar, or planted): alive only if a JavaScript runtime holds the pid.
    try {
      return /node|qar|bun|deno/i.test(nodeFs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
    } catch {
      return false;
    }
  }
  return pidAlive(pid);
}

export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the folder's write lock (one writer at a time), waiting for a live writer to finish. A
 * lock its writer left behind (a process that died, was killed or is a zombie, or a lock older
 * than a minute) is taken over, and `notice` says so.
 */
export function lock(folder: string, fs: Disk, notice?: (message: string) => void): () => void {
  const path = join(folder, LOCK);
  const start = ownStart();
  for (;;) {
    try {
      fs.writeFileSync(path, JSON.stringify({ pid: process.pid, at: Date.now(), ...(start !== undefined ? { start } : {}) }), { flag: "wx" });
      return () => {
        try {
          fs.rmSync(path, { force: true });
        } catch {
          // A dead disk: the next writer sees a lock of a dead process and takes it over.
        }
      };
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
      const found = fs.lstatSync(path, { throwIfNoEntry: false });
      if (found && !found.isFile() && !found.isSymbolicLink()) throw new OutputInTheWay(`holds ${LOCK}, which qar keeps for itself, as a folder; rename or move it`);
      let holder: { pid?: unknown; at?: unknown; start?: unknown } = {};
      try {
        // Read only a lock file of our own kind: a link is stale whatever it points to.
        if (found?.isFile()) holder = JSON.parse(fs.readFileSync(path, "utf8")) as typeof holder;
      } catch {
        // Half-written by a writer killed at that instant: stale.
      }
      const at = typeof holder.at === "number" ? holder.at : 0;
      const age = Date.now() - at;
      // Writes are synchronous: a lock naming this very process was left by an interrupted write.
      const dead = holder.pid === process.pid || !holderAlive(holder);
      if (dead || age > STALE_LOCK_MS || age < -STALE_LOCK_MS) {
        fs.rmSync(path, { force: true });
        const who = typeof holder.pid === "number" ? `process ${holder.pid}` : "a process";
        if (holder.pid !== process.pid) notice?.(`took over the write lock ${path}, left by ${who} that ${dead ? "is no longer running" : "has held it for over a minute"}`);
      } else {
        sleep(100);
      }
    }
  }
}
