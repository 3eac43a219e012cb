/**
 * What a login costs (loopback only): the password check alone (scrypt,
 * median of 20), and whole logins over HTTP (the login form, then the
 * POST that checks the password and starts a session), one at a time and
 * eight at a time, beside the login page alone in the same server as the
 * reference. Prints figures and writes bench/results/login.json; asserts
 * nothing. Runs the server in its own process (bench/web-server.ts).
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { hashPassword, verifyPassword } from "../src/app/passwords.js";

const ROOT = new URL("../", import.meta.url).pathname;
const LOGINS = Number(process.env.BENCH_LOGINS ?? 40);

type Info = { url: string; email: string; password: string };

function startServer(): Promise<{ info: Info; stop(): void }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/web-server.ts", "kalkyle"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", (line) => resolve({ info: JSON.parse(line) as Info, stop: () => child.kill() }));
    child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The login page, then the login itself; true when a session cookie came back. */
async function login(info: Info): Promise<boolean> {
  const form = await fetch(`${info.url}/login`);
  const cookies = form.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const res = await fetch(`${info.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookies, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, email: info.email, password: info.password }),
  });
  await res.arrayBuffer();
  return res.headers.getSetCookie().some((c) => c.startsWith("kalkyle_sid="));
}

async function perSecond(count: number, parallel: number, once: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next++ < count) await once();
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

const hash = await hashPassword("a passphrase for the benchmark");
const checks: number[] = [];
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  await verifyPassword("a passphrase for the benchmark", hash);
  checks.push(performance.now() - start);
}
const checkMs = median(checks);
console.log(`password check (scrypt), median of 20: ${checkMs.toFixed(1)} ms`);

const { info, stop } = await startServer();
try {
  if (!(await login(info))) throw new Error("the benchmark login did not start a session");
  const page = await perSecond(LOGINS * 5, 8, async () => (await fetch(`${info.url}/login`)).arrayBuffer());
  const serial = await perSecond(LOGINS, 1, () => login(info));
  const parallel = await perSecond(LOGINS, 8, () => login(info));
  console.log(`login page alone (reference), 8 at a time: ${page.toFixed(0)} req/s`);
  console.log(`whole logins, one at a time: ${serial.toFixed(1)}/s (${(1000 / serial).toFixed(0)} ms each)`);
  console.log(`whole logins, 8 at a time: ${parallel.toFixed(1)}/s, ${(parallel / page).toFixed(3)} × the login page`);
  writeFileSync(
    new URL("./results/login.json", import.meta.url),
    `${JSON.stringify({ when: new Date().toISOString(), node: process.version, passwordCheckMs: checkMs, loginPagePerSecond: page, loginsPerSecondSerial: serial, loginsPerSecondParallel8: parallel }, null, 2)}\n`,
  );
} finally {
  stop();
}
