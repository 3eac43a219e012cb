/**
 * The real server as its own process, as `npm start` runs it: `node
 * dist/server.js` (the test run builds dist/ first, test/build-once.ts) on a
 * port of its own choosing (PORT=0), read back from its first log line.
 * Each log line it writes is kept, parsed.
 */
import { spawn, type ChildProcess } from "node:child_process";

const ROOT = new URL("../../", import.meta.url);

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  /** Every JSON line written to standard output so far. */
  log: Record<string, unknown>[];
  /** Standard error so far (empty for a healthy server). */
  stderr(): string;
  /** Resolves with the exit code (or the signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the process if it still runs, and waits for it. */
  kill(): Promise<void>;
};

/** Starts the server with `env` added to this process's environment (without DATABASE_URL unless given); resolves once it listens. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, ["dist/server.js"], { cwd: ROOT, env: { ...inherited, LOG_LEVEL: "info", PORT: "0", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const log: Record<string, unknown>[] = [];
  let errors = "";
  let pending = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const listening = new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines.filter((l) => l.trim() !== "")) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        log.push(entry);
        if (typeof entry.port === "number" && String(entry.msg).startsWith("Kalkyle listening")) resolve(entry.port);
      }
    });
    void exited.then(({ code, signal }) => reject(new Error(`the server ended before it listened (code ${code}, signal ${signal}): ${errors}`)));
    setTimeout(() => reject(new Error(`the server did not listen within ${timeoutMs} ms: ${errors}`)), timeoutMs).unref();
  });
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  try {
    const port = await listening;
    return { url: `http://127.0.0.1:${port}`, child, log, stderr: () => errors, exited, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}
