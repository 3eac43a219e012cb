/**
 * The server under hostile load: each measured attack gets a bounded answer
 * (a refusal that names the limit, or a result), the server's own thread
 * stays free to answer while the heaviest allowed case is evaluated, a mix of
 * attacks and ordinary requests gets no server error, and the evaluation
 * cache keeps the heap within its bound. One server for the whole file,
 * started with a small cache; the heavy documents are made once.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORK_LIMITS } from "../../src/case/work-budget.js";
import { EXAMPLES_DIR } from "../../src/examples.js";
import { evaluationCacheUse } from "../../src/web/evaluation.js";
import { startTestServer, TestClient, type TestServer } from "./harness.js";

type ApiError = { path: string; code: string; message: string };
type Json = Record<string, unknown>;

/** Small enough that a handful of the heaviest allowed cases overflows it (each is about 11 MiB in the cache's estimate). */
const CACHE_BYTES = 48 * 1024 * 1024;
/** The one timing bound: a health check answered within this while evaluations run. */
const HEALTH_MS = 100;

/** A valid case of `alternatives` × `items` costs, each paid every year of `years` (201 occurrences an item over 200 years). */
function yearlyCosts(options: { alternatives: number; items: number; years: number; kind?: "operation" | "energy"; title?: string }): Json {
  return {
    schema: "kalkyle.case/1",
    title: options.title ?? "Yearly costs",
    analysis: { startYear: 2026, years: options.years, discountRate: 0.04 },
    ranking: "lcc",
    alternatives: Array.from({ length: options.alternatives }, (_, a) => ({
      id: `A${a}`,
      name: `Alternative ${a}`,
      costs: Array.from({ length: options.items }, (_, i) => ({ kind: options.kind ?? "operation", amount: options.kind === "energy" ? 1 : 1000 + i, every: 1 })),
    })),
  };
}

/** 25 × 1 000 waste items, each with two units of its own ("1 kg^7", inline factor "t^7"): 50 000 distinct unit texts. */
function distinctUnits(): Json {
  return {
    schema: "kalkyle.case/1",
    title: "Distinct units",
    analysis: { startYear: 2026, years: 1 },
    alternatives: Array.from({ length: 25 }, (_, a) => ({
      id: `A${a}`,
      name: `A${a}`,
      emissions: Array.from({ length: 1000 }, (_, i) => ({ kind: "waste", factor: { value: 1, unit: `t^${a * 1000 + i}` }, quantity: `1 kg^${a * 1000 + i}` })),
    })),
  };
}

// The measured attack: 50 × 1 000 × 201 = 10 050 000 occurrences in 2.25 MB, past the 2 MB body limit.
const overBudget = JSON.stringify(yearlyCosts({ alternatives: 50, items: 1000, years: 200 }));
// The same written tighter ({"kind":"energy","amount":1,"every":1}) to pass the body limit and meet the work budget:
// 995 items × 201 = 199 995 occurrences fit, the 996th (costs[995]) passes the limit.
const overBudgetTight = JSON.stringify(yearlyCosts({ alternatives: 50, items: 1000, years: 200, kind: "energy" }));
// 50 × 19 × 201 = 190 950 occurrences: just inside the budget, the heaviest case of this shape a request may send.
const heaviestAllowed = (title = "Heaviest allowed") => JSON.stringify(yearlyCosts({ alternatives: 50, items: 19, years: 200, title }));
const units = JSON.stringify(distinctUnits());
const nested5MB = "[".repeat(5 * 1024 * 1024);
const nestedUnderBodyLimit = "[".repeat(1_500_000);
const examples = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".json")).sort().map((f) => readFileSync(join(EXAMPLES_DIR, f), "utf8"));

let server: TestServer;

const mb = (text: string) => `${(text.length / 1e6).toFixed(2)} MB`;
const post = (path: string, body: string) => fetch(`${server.url}/api/v1${path}`, { method: "POST", body, headers: { "content-type": "application/json" } });
const errorsOf = async (res: Response) => ((await res.json()) as { errors: ApiError[] }).errors;

/** One health check, timed from the request to the parsed answer. */
async function health(): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${server.url}/healthz`);
  expect(await res.text()).toBe(JSON.stringify({ status: "ok" }));
  return performance.now() - started;
}

/** `count` health checks, one every `everyMs`, each timed. */
async function healthChecks(count: number, everyMs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    times.push(await health());
  }
  return times;
}

/** Expose the garbage collector without a command-line flag, so that heap figures are after a full collection. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

beforeAll(async () => {
  server = await startTestServer({ evaluationCacheBytes: CACHE_BYTES });
  // A pool thread starts cold (tsx compiles the worker), the first comparison page compiles its templates
  // (~90 ms, once), and every route's code is compiled on its first requests: send each kind of ordinary
  // request once before anything is timed, as a server that has run for a minute has. The examples' own
  // pages are left unrendered, so the mix below renders them.
  for (const example of examples) expect((await post("/evaluate", example)).status).toBe(200);
  const [first] = (await server.store.cases.list({ limit: 1 })).cases;
  for (const path of [`/cases/${first!.id}`, "/", "/factors", "/api/v1/cases"]) expect((await fetch(server.url + path)).status).toBe(200);
  await health();
});
afterAll(async () => server.close());

describe("each measured attack gets a bounded answer", () => {
  it(`50 alternatives × 1 000 yearly costs over 200 years (${mb(overBudget)}) → 413 naming the 2 MB body limit, the rest unread`, async () => {
    const res = await post("/evaluate", overBudget);
    expect(res.status).toBe(413);
    expect((await errorsOf(res))[0]).toMatchObject({ path: "(document)", code: "limit-body", message: expect.stringContaining("2 MB") });
  });

  it(`the same written tighter (${mb(overBudgetTight)}) → 413 naming the occurrence limit and the item that passes it`, async () => {
    const res = await post("/evaluate", overBudgetTight);
    expect(res.status).toBe(413);
    expect((await errorsOf(res))[0]).toMatchObject({ path: "alternatives[0].costs[995]", code: "limit-occurrences", message: expect.stringContaining("200,000") });
  });

  it("the same shape just inside the budget (50 × 19 yearly costs, 190 950 occurrences) is evaluated, or stopped by the time limit with a clear problem", async () => {
    const res = await post("/evaluate", heaviestAllowed());
    if (res.status === 413) {
      expect((await errorsOf(res))[0]).toMatchObject({ path: "(document)", code: "time-limit", message: expect.stringContaining("seconds") });
      return;
    }
    expect(res.status).toBe(200);
    expect(((await res.json()) as { alternatives: unknown[] }).alternatives).toHaveLength(50);
  });

  it(`50 000 distinct inline units (${mb(units)}) → 413 naming the ${WORK_LIMITS.distinctUnits}-unit limit at the first unit past it`, async () => {
    const res = await post("/evaluate", units);
    expect(res.status).toBe(413);
    // Items 0–249 bring two units each (500); item 250's quantity is the 501st.
    expect((await errorsOf(res))[0]).toMatchObject({ path: "alternatives[0].emissions[250].quantity", code: "limit-units", message: expect.stringContaining("500") });
  });

  it("5 MB of nested arrays → 413 from the body limit, unread; 1.5 MB of them → 413 from the nesting count, before any JSON.parse", async () => {
    const big = await post("/evaluate", nested5MB);
    expect(big.status).toBe(413);
    expect((await errorsOf(big))[0]!.code).toBe("limit-body");
    const deep = await post("/evaluate", nestedUnderBodyLimit);
    expect(deep.status).toBe(413);
    // A parse would have answered 400 "json" (the text never closes); the nesting count answered first.
    expect((await errorsOf(deep))[0]).toMatchObject({ path: "(document)", code: "limit-depth" });
  });
});

describe("editor fields full of spaces", () => {
  const form = (amount: string, title = "Mellomrom"): [string, string][] => [
    ["title", title],
    ["analysis.startYear", "2026"],
    ["analysis.years", "10"],
    ["analysis.discountRate", "4"],
    ["alternatives[0].id", "A"],
    ["alternatives[0].name", "Kjøp"],
    ["alternatives[0].costs[0].label", "Innkjøp"],
    ["alternatives[0].costs[0].kind", "acquisition"],
    ["alternatives[0].costs[0].amount", amount],
    ["action", "save"],
  ];
  const countCases = async () => (await server.store.cases.list({ limit: 1 })).total;

  it("400 000 spaces in an amount → 400 with a message that names the length; nothing saved", async () => {
    const client = new TestClient(server.url);
    await client.get("/cases/new");
    const before = await countCases();
    const res = await client.postForm("/cases", form(" ".repeat(400_000)));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/feltet har 400[\s\u00a0]?000 tegn; det kan ha høyst 80/);
    expect(await countCases()).toBe(before);
  });

  it("«1», 100 000 spaces and «1» as an amount is refused, not saved as 11", async () => {
    const client = new TestClient(server.url);
    await client.get("/cases/new");
    const before = await countCases();
    const res = await client.postForm("/cases", form(`1${" ".repeat(100_000)}1`, "Ett og ett"));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/feltet har 100[\s\u00a0]?002 tegn; det kan ha høyst 80/);
    expect(await countCases()).toBe(before);
    expect((await server.store.cases.list({ search: "Ett og ett", limit: 1 })).total).toBe(0);
  });
});

describe("the server's thread stays free", () => {
  // The one timing assertion the issue asks for: evaluations run in the pool's
  // threads, so the thread that answers requests must stay responsive while the
  // heaviest allowed case is computed. 100 ms is far above a health check's few
  // milliseconds and far below a second of evaluation on the server's thread.
  it(`GET /healthz answers within ${HEALTH_MS} ms, five times, while the heaviest allowed case is evaluated`, async () => {
    let finished = 0;
    const evaluation = post("/evaluate", heaviestAllowed("Health during evaluation")).then(async (res) => {
      finished = performance.now();
      return { status: res.status, body: await res.text() };
    });
    const times = await healthChecks(5, 100);
    const lastCheck = performance.now();
    const { status } = await evaluation;
    console.log(`health checks during the heaviest allowed evaluation (ms): ${times.map((t) => t.toFixed(1)).join(", ")}`);
    expect([200, 413]).toContain(status);
    // All five were answered while the evaluation was still running.
    expect(finished, "the evaluation ended before the fifth health check: the case is lighter than this test assumes").toBeGreaterThan(lastCheck);
    for (const ms of times) expect(ms).toBeLessThan(HEALTH_MS);
  });
});

describe("a hostile mix", () => {
  type Sent = { what: string; expected: number; send: () => Promise<Response> };

  /** Runs every request with at most `concurrency` in flight; each answer's status and Retry-After. */
  async function runBounded(requests: Sent[], concurrency: number): Promise<{ what: string; expected: number; status: number; retryAfter: string | null }[]> {
    const answers: { what: string; expected: number; status: number; retryAfter: string | null }[] = [];
    let next = 0;
    const lane = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const res = await request.send();
        await res.arrayBuffer();
        answers.push({ what: request.what, expected: request.expected, status: res.status, retryAfter: res.headers.get("retry-after") });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return answers;
  }

  it("the heavy documents and about 100 ordinary requests, four at a time: no server error (busy 503 with Retry-After allowed and counted), health checks within 100 ms", async () => {
    const { cases } = await server.store.cases.list({ limit: 20 });
    const page = (path: string): Sent => ({ what: `GET ${path}`, expected: 200, send: () => fetch(server.url + path) });
    const evaluate = (what: string, body: string, expected: number): Sent => ({ what, expected, send: () => post("/evaluate", body) });
    const heavy: Sent[] = [
      evaluate("over budget, 2.25 MB", overBudget, 413),
      evaluate("over budget, tight", overBudgetTight, 413),
      evaluate("50 000 units", units, 413),
      evaluate("5 MB nested", nested5MB, 413),
      evaluate("1.5 MB nested", nestedUnderBodyLimit, 413),
      evaluate("heaviest allowed 1", heaviestAllowed("Mix 1"), 200),
      evaluate("heaviest allowed 2", heaviestAllowed("Mix 2"), 200),
      { what: "save heaviest allowed", expected: 201, send: () => post("/cases", heaviestAllowed("Mix saved")) },
    ];
    const ordinary: Sent[] = [];
    for (let round = 0; ordinary.length < 100; round++) {
      for (const example of examples) ordinary.push(evaluate(`example ${round}`, example, 200));
      for (const stored of cases) ordinary.push(page(`/cases/${stored.id}`));
      ordinary.push(page("/"), page("/factors"), page("/api/v1/cases"));
    }
    // Heavy ones spread through the ordinary ones, so that they overlap.
    const mixed = ordinary.flatMap((request, i) => (i % 12 === 0 && heavy.length > 0 ? [heavy.shift()!, request] : [request])).concat(heavy);

    let running = true;
    const checks = (async () => {
      const times: number[] = [];
      while (running) times.push(...(await healthChecks(1, 100)));
      return times;
    })();
    // Four clients at once: enough for the heavy documents to overlap with each other and with evaluations;
    // the pool's queue, not the number of clients, is what bounds the work behind them.
    const answers = await runBounded(mixed, 4);
    running = false;
    const times = await checks;

    const busy = answers.filter((a) => a.status === 503);
    console.log(`hostile mix: ${answers.length} requests, ${busy.length} busy (503), ${times.length} health checks, slowest ${Math.max(...times).toFixed(1)} ms`);
    expect(busy.every((a) => a.retryAfter === "5"), "every 503 says when to come back").toBe(true);
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503), `server errors (${busy.length} busy answers allowed)`).toEqual([]);
    expect(answers.filter((a) => a.status !== 503 && a.status !== a.expected).map((a) => `${a.what}: ${a.status}`)).toEqual([]);
    expect(Math.max(...times), `slowest of ${times.length} health checks during the mix`).toBeLessThan(HEALTH_MS);
  }, 60_000);
});

describe("the evaluation cache keeps the heap bounded", () => {
  it(`distinct heavy cases viewed one after another: the cache stays within its ${CACHE_BYTES / 2 ** 20} MiB, the heap within start + 2 × cache + 150 MB`, async () => {
    const gc = collector();
    gc();
    const start = process.memoryUsage().heapUsed;
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await post("/cases", heaviestAllowed(`Heap ${i}`));
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    let largest = 0;
    for (const id of ids) {
      const res = await fetch(`${server.url}/cases/${id}`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      const use = evaluationCacheUse(server.ctx);
      expect(use.maxBytes).toBe(CACHE_BYTES);
      expect(use.bytes).toBeLessThanOrEqual(use.maxBytes);
      largest = Math.max(largest, use.bytes);
    }
    // The bound bit: not every case is still kept.
    expect(evaluationCacheUse(server.ctx).entries).toBeLessThan(ids.length);
    gc();
    const end = process.memoryUsage().heapUsed;
    const bound = start + 2 * CACHE_BYTES + 150 * 2 ** 20;
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
    console.log(`heap: start ${mib(start)}, after ${ids.length} heavy cases ${mib(end)}, bound ${mib(bound)}; cache at most ${mib(largest)} in ${evaluationCacheUse(server.ctx).entries} entries`);
    expect(end).toBeLessThan(bound);
  }, 60_000);
});
