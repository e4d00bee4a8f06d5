/**
 * Embedding qar-allocator in a scheduling service: an HTTP endpoint that takes a year's CSV
 * files as JSON, solves, and answers with the allocation and its figures. Run it with
 * `npx tsx docs/examples/service.ts` and POST to http://localhost:8080/solve (`PORT` changes
 * the port). Bundled with esbuild for Node it runs the same (test/package/bundled-service.test.ts).
 *
 * In this repository "qar-allocator" resolves to the sources (tsconfig `paths`, vitest `alias`);
 * in your service it is the installed package.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { formatInputError, parseYear, solveInWorker, type Allocation } from "qar-allocator";

/** The request: the year folder's files by name, and solver options. */
export interface SolveRequest {
  readonly files: Record<string, string>;
  readonly seed?: number;
  readonly timeLimitMs?: number;
}

/** Solves one request; input problems come back as a 422 with file, row and column. */
export async function handleSolve(request: SolveRequest, signal?: AbortSignal): Promise<{ status: number; body: unknown }> {
  const year = parseYear(request.files);
  if (!year.ok) return { status: 422, body: { errors: year.errors.map((e) => ({ ...e, text: formatInputError(e) })) } };
  // In a worker thread: the server keeps answering while it solves, and a hang-up stops it at once.
  const result = await solveInWorker(year.value, {
    seed: request.seed ?? 1,
    ...(request.timeLimitMs !== undefined ? { timeLimitMs: request.timeLimitMs } : {}),
    ...(signal ? { signal } : {}),
  });
  const allocation: Allocation = result.allocation;
  return {
    status: 200,
    body: {
      allocation: allocation.assignments,
      filled: result.check.metrics.filled,
      seats: result.check.metrics.seats,
      fullTeams: result.check.metrics.fullTeams,
      bound: result.bound,
      gap: result.gap,
      stoppedBy: result.stoppedBy,
    },
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** The HTTP wrapper: a client that hangs up aborts its solve (the worker is ended; its answer goes nowhere). */
export function createSolveServer() {
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST" || req.url !== "/solve") {
      res.writeHead(404).end();
      return;
    }
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    try {
      const { status, body } = await handleSolve((await readJson(req)) as SolveRequest, controller.signal);
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    } catch {
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "the body must be JSON: { files: { \"schools.csv\": \"...\", ... } }" }] }));
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // PORT=0 picks a free port; the line printed says which.
  const server = createSolveServer().listen(Number(process.env.PORT ?? 8080), "127.0.0.1", () => {
    const { port } = server.address() as { port: number };
    console.log(`POST year files to http://127.0.0.1:${port}/solve`);
  });
}
