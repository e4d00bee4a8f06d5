/**
 * `qar` as a process (issue 19 item 3): a closed pipe (`qar solve --help | true`) ends it
 * quietly, and Ctrl-C (SIGINT) during a solve exits 130 soon after. Runs the built CLI
 * (bin/qar.js, dist/ as `npm ci` or `npm run build` left it): starting from the sources through
 * tsx takes seconds on a busy machine.
 */
import { spawn, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { STACK_LINE } from "./qar.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const node = (args: readonly string[]) => [process.execPath, "bin/qar.js", ...args];

describe("qar as a process", () => {
  it("qar solve --help | true: the closed pipe is not an error (no stack trace, exit 0)", () => {
    const command = `${node(["solve", "--help"]).map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")} 2>"$ERR_FILE" | true; echo "exit=\${PIPESTATUS[0]}"; cat "$ERR_FILE"`;
    const run = spawnSync("bash", ["-c", command], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ERR_FILE: `/tmp/qar-epipe-${process.pid}.txt` }, timeout: 30_000 });
    expect(run.stdout).toContain("exit=0");
    expect(run.stdout).not.toContain(STACK_LINE);
    expect(run.stdout).not.toContain("EPIPE");
  });

  it("qar solve fixtures/years/2018-19 --out <dir> (piped), then Ctrl-C: ends at once, as the shell's 130", { timeout: 60_000 }, async () => {
    const [command, ...args] = node(["solve", "fixtures/years/2018-19", "--out", `/tmp/qar-sigint-${process.pid}`, "--time-limit", "60"]);
    const child = spawn(command!, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += String(chunk)));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const signalled = performance.now();
    child.kill("SIGINT");
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    const latency = performance.now() - signalled;
    // Killed by SIGINT (a shell's $? is 130) or, had a display been drawn, exit code 130.
    expect(ended.signal === "SIGINT" || ended.code === 130, JSON.stringify(ended)).toBe(true);
    expect(latency).toBeLessThan(1_000);
    expect(err).not.toContain(STACK_LINE);
  });
});
