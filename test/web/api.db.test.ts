/**
 * The JSON API against a real server and a real SQLite file: the same
 * result as `kalkyle evaluate`, the case resource round trip, every error
 * as `{ errors: [ { path, code, message } ] }`, and a fuzz of malformed
 * bodies that must never get a 5xx or pollute Object.prototype.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES_DIR } from "../../src/examples.js";
import { startTestServer, type TestServer } from "./harness.js";

type ApiError = { path: string; code: string; message: string };
type Json = Record<string, unknown>;

/** A valid case with two alternatives, both kinds of factors, costs, a carbon price and stage D. */
function sampleCase(title = "Kontorstoler, rådhuset"): Json {
  return {
    schema: "kalkyle.case/1",
    title,
    analysis: { startYear: 2026, years: 10, discountRate: 0.04, carbonPrice: "default" },
    alternatives: [
      {
        id: "A",
        name: "Nye stoler",
        emissions: [
          { label: "Stålramme", kind: "material", factor: "material.metals.construction.primary", quantity: "1200 kg" },
          { label: "Levering", kind: "delivery", factor: "freight.road.van-diesel-average", quantity: "140 tkm", count: 4 },
        ],
        costs: [
          { label: "Innkjøp", kind: "acquisition", amount: "180000 NOK" },
          { kind: "residual", amount: 5000 },
        ],
      },
      {
        id: "B",
        name: "Ombrukte stoler",
        wasteLevel: "reuse",
        emissions: [
          { label: "Trekk", kind: "fixed", factor: { value: 10, unit: "kgCO2e/unit" }, quantity: "1" },
          { label: "Gjenbruk", kind: "material", factor: { value: -5, unit: "kgCO2e/kg" }, quantity: "10 kg", stage: "D" },
        ],
        costs: [
          { kind: "acquisition", amount: "90000 NOK" },
          { kind: "maintenance", amount: 1000, every: 1, escalation: 0.02 },
        ],
      },
    ],
  };
}

let server: TestServer;
const workDir = mkdtempSync(join(tmpdir(), "kalkyle-api-test-"));
const sampleFile = join(workDir, "sample.json");
writeFileSync(sampleFile, JSON.stringify(sampleCase()));
/** Every example case, and the sample above, each evaluated by the command line. */
const cliFiles = [...readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".json")).sort().map((f) => join(EXAMPLES_DIR, f)), sampleFile];
const cliResults = new Map<string, unknown>();

const cliEvaluate = (file: string): unknown => JSON.parse(execFileSync(process.execPath, ["bin/kalkyle.js", "evaluate", file, "--format", "json"], { encoding: "utf8", timeout: 60_000 }));

beforeAll(async () => {
  // Before the server starts: execFileSync blocks this process, server included, and a kept-alive
  // connection that times out meanwhile would reset the next request.
  for (const file of cliFiles) cliResults.set(file, cliEvaluate(file));
  server = await startTestServer();
}, 300_000);
afterAll(async () => {
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

function api(path: string, init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const hasBody = init.body !== undefined || init.raw !== undefined;
  const headers = { ...(hasBody ? { "content-type": "application/json" } : {}), ...init.headers };
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  return fetch(`${server.url}/api/v1${path}`, { method: init.method ?? (hasBody ? "POST" : "GET"), headers, body });
}

async function errorsOf(res: Response): Promise<ApiError[]> {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { errors: ApiError[] };
  expect(Array.isArray(body.errors)).toBe(true);
  expect(body.errors.length).toBeGreaterThan(0);
  for (const e of body.errors) {
    expect(typeof e.path).toBe("string");
    expect(e.path.length).toBeGreaterThan(0);
    expect(typeof e.code).toBe("string");
    expect(typeof e.message).toBe("string");
  }
  return body.errors;
}

describe("POST /api/v1/evaluate gives exactly what `kalkyle evaluate` prints", () => {
  it.each(cliFiles)("%s", async (file) => {
    const res = await api("/evaluate", { raw: readFileSync(file, "utf8") });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toStrictEqual(cliResults.get(file));
  });
});

describe("errors name every problem's path", () => {
  it("a case with schema problems: an unknown field and negative years, both reported", async () => {
    const doc = sampleCase();
    (doc.analysis as Json).years = -3;
    (doc.alternatives as Json[])[0]!.colour = "red";
    const res = await api("/evaluate", { body: doc });
    expect(res.status).toBe(400);
    const errors = await errorsOf(res);
    expect(errors.map((e) => e.path).sort()).toEqual(["alternatives[0].colour", "analysis.years"]);
    expect(errors.find((e) => e.path === "alternatives[0].colour")).toMatchObject({ code: "unknown-field", message: 'unknown field "colour" (check the spelling)' });
  });

  it("a case with factor-set problems: a bad unit, an unknown factor and a baseline naming no alternative, all reported", async () => {
    const doc = sampleCase();
    doc.baseline = "Z";
    const emissions = (doc.alternatives as { emissions: Json[] }[])[0]!.emissions;
    emissions[0]!.quantity = "12 parsecs";
    emissions[1]!.factor = "no.such.factor";
    const res = await api("/evaluate", { body: doc });
    expect(res.status).toBe(400);
    const errors = await errorsOf(res);
    expect(errors.map((e) => e.path).sort()).toEqual(["alternatives[0].emissions[0].quantity", "alternatives[0].emissions[1].factor", "baseline"]);
    expect(errors.map((e) => e.code).sort()).toEqual(["unknown-baseline", "unknown-factor", "unknown-unit"]);
  });

  it("speaks bokmål with Accept-Language: nb or ?lang=nb, English by default", async () => {
    const doc = { ...sampleCase(), colour: "red" };
    const english = await errorsOf(await api("/evaluate", { body: doc }));
    const byHeader = await errorsOf(await api("/evaluate", { body: doc, headers: { "accept-language": "nb-NO,nb;q=0.9,en;q=0.5" } }));
    const byQuery = await errorsOf(await api("/evaluate?lang=nb", { body: doc }));
    expect(english[0]!.message).toBe('unknown field "colour" (check the spelling)');
    expect(byHeader[0]!.message).toBe("ukjent felt «colour» (sjekk stavemåten)");
    expect(byQuery[0]!.message).toBe(byHeader[0]!.message);
    const notFound = await errorsOf(await api("/cases/nope", { headers: { "accept-language": "nb" } }));
    expect(notFound[0]!.message).toBe("Fant ikke siden eller saken.");
  });

  it("malformed JSON, a bare scalar, an empty or missing body → 400 at (document)", async () => {
    for (const raw of ["{", '{"schema": }', "NaN", '"just text"', "123", "\u0000"]) {
      const res = await api("/evaluate", { raw });
      expect(res.status, raw).toBe(400);
      expect((await errorsOf(res))[0]!.path).toBe("(document)");
    }
    const empty = await api("/evaluate", { raw: "" });
    expect(empty.status).toBe(400);
    expect((await errorsOf(empty)).map((e) => e.path)).toContain("schema");
  });

  it("a body that is not application/json → 415 (none, text/plain, a form, multipart), before anything is read", async () => {
    const before = (await (await api("/cases")).json()) as { total: number };
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      for (const path of ["/evaluate", "/cases"]) {
        const res = await api(path, { raw: JSON.stringify(sampleCase()), headers: { "content-type": contentType } });
        expect(res.status, `${contentType} ${path}`).toBe(415);
        expect((await errorsOf(res))[0]!.code).toBe("api.unsupportedMediaType");
      }
    }
    const untyped = await fetch(`${server.url}/api/v1/cases`, { method: "POST", body: new Uint8Array(0) });
    expect(untyped.status).toBe(415);
    const after = (await (await api("/cases")).json()) as { total: number };
    expect(after.total).toBe(before.total);
  });

  it("a 6 MB body → 413 JSON naming the 2 MB limit, and the server answers afterwards", async () => {
    const big = JSON.stringify({ ...sampleCase(), title: "x".repeat(6 * 1024 * 1024) });
    for (const path of ["/evaluate", "/cases"]) {
      const res = await api(path, { raw: big });
      expect(res.status).toBe(413);
      expect((await errorsOf(res))[0]).toMatchObject({ path: "(document)", code: "limit-body", message: "the case is larger than 2 MB, the most one request may send" });
    }
    expect((await api("/cases")).status).toBe(200);
  });

  it("an unknown API path or method → 404 JSON, not the HTML app's CSRF check", async () => {
    for (const [method, path] of [["GET", "/nope"], ["POST", "/nope"], ["PATCH", "/cases/x"], ["GET", "/evaluate"]] as const) {
      const res = await api(path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await errorsOf(res))[0]!.code).toBe("error.notFound");
    }
  });
});

describe("the case resource", () => {
  it("create, read, list, update with If-Match, conflict, delete", async () => {
    const doc = sampleCase(`API round trip ${Date.now()}`);
    const created = await api("/cases", { body: doc });
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    const body = (await created.json()) as { id: string; version: number; updatedAt: string; document: Json };
    expect(location).toBe(`/api/v1/cases/${body.id}`);
    expect(created.headers.get("etag")).toBe('"1"');
    expect(body.version).toBe(1);
    expect(body.document).toStrictEqual(doc);

    const read = await fetch(server.url + location);
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"1"');
    expect(await read.json()).toMatchObject({ id: body.id, title: doc.title, version: 1, updatedAt: body.updatedAt, document: doc });

    const listed = (await (await api(`/cases?q=${encodeURIComponent(doc.title as string)}`)).json()) as { total: number; cases: { id: string; version: number; href: string }[] };
    expect(listed.total).toBe(1);
    expect(listed.cases[0]).toMatchObject({ id: body.id, version: 1, href: location });

    const renamed = { ...doc, title: `${doc.title} (2)` };
    const updated = await api(`/cases/${body.id}`, { method: "PUT", body: renamed, headers: { "if-match": '"1"' } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get("etag")).toBe('"2"');
    expect(await updated.json()).toMatchObject({ version: 2, title: renamed.title, document: renamed });

    const stale = await api(`/cases/${body.id}`, { method: "PUT", body: doc, headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(409);
    expect((await errorsOf(stale))[0]!.code).toBe("api.conflict");
    expect((await (await fetch(server.url + location)).json()) as Json).toMatchObject({ version: 2, title: renamed.title });

    const bad = await api(`/cases/${body.id}`, { method: "PUT", body: { ...doc, alternatives: [] } });
    expect(bad.status).toBe(400);
    expect((await errorsOf(bad))[0]!.path).toBe("alternatives");
    const badMatch = await api(`/cases/${body.id}`, { method: "PUT", body: doc, headers: { "if-match": "yesterday" } });
    expect(badMatch.status).toBe(400);
    expect((await errorsOf(badMatch))[0]!.path).toBe("If-Match");

    const unconditional = await api(`/cases/${body.id}`, { method: "PUT", body: doc });
    expect(unconditional.status).toBe(200);
    expect(((await unconditional.json()) as Json).version).toBe(3);

    const deleted = await api(`/cases/${body.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    expect((await fetch(server.url + location)).status).toBe(404);
    expect((await api(`/cases/${body.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("POST /cases refuses an invalid case with every problem and stores nothing", async () => {
    const before = (await (await api("/cases")).json()) as { total: number };
    const res = await api("/cases", { body: { ...sampleCase(), colour: "red", analysis: { startYear: 2026, years: -1 } } });
    expect(res.status).toBe(400);
    expect((await errorsOf(res)).map((e) => e.path).sort()).toEqual(["analysis.years", "colour"]);
    expect(((await (await api("/cases")).json()) as { total: number }).total).toBe(before.total);
  });

  it("an unknown id → 404 JSON for GET, PUT and DELETE", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const res = await api("/cases/does-not-exist", method === "PUT" ? { method, body: sampleCase() } : { method });
      expect(res.status, method).toBe(404);
      expect((await errorsOf(res))[0]).toMatchObject({ path: "(request)", code: "error.notFound" });
    }
  });

  it("the list takes limit and offset within bounds, and names a bad parameter", async () => {
    for (let i = 0; i < 3; i++) expect((await api("/cases", { body: sampleCase(`Paging ${i}`) })).status).toBe(201);
    const page = (await (await api("/cases?q=Paging&limit=2&offset=1")).json()) as { total: number; limit: number; offset: number; cases: unknown[] };
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.cases).toHaveLength(2);
    for (const [query, path] of [["limit=0", "limit"], ["limit=101", "limit"], ["limit=abc", "limit"], ["offset=-1", "offset"], ["offset=1000001", "offset"], ["limit=1&limit=2", "limit"], [`q=${"x".repeat(201)}`, "q"]]) {
      const res = await api(`/cases?${query}`);
      expect(res.status, query).toBe(400);
      expect((await errorsOf(res))[0]!.path).toBe(path);
    }
  });
});

describe("fuzz: malformed bodies never get a 5xx", () => {
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  /** Bodies sent per route; some mutations stay valid, so more are sent than the 2,000 malformed ones required. */
  const RUNS = 2500;
  const MALFORMED = 2000;
  const base = sampleCase("Fuzz");

  /** Every path to a value inside the sample case, as keys. */
  function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
    if (value && typeof value === "object") return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
    return [prefix];
  }
  const basePaths = pathsOf(base).filter((p) => p.length > 0);
  const RAW = "@@raw@@";

  /** Values a client could send in place of any field; RAW tokens become unquoted JSON text. */
  const replacement = fc.oneof(
    fc.jsonValue({ maxDepth: 3, stringUnit: "grapheme" }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom(`${RAW}1e309`, `${RAW}-1e309`, `${RAW}123456789012345678901234567890`, `${RAW}-0.000000000000000000000000000001`, "1.234,5", "1 234,5", "−12 kg", "NaN", "Infinity", "12 parsecs", "1e999 kg", "ton", ""),
    fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, -1, 0.1 + 0.2, 2 ** 53 + 1),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    fc.constant("x".repeat(100_000)),
    fc.constant("\u2028<script>window.__xss=1</script>\u2029"),
  );

  function withProtoKeys(value: unknown): unknown {
    const o = value && typeof value === "object" && !Array.isArray(value) ? { ...(value as Json) } : {};
    Object.defineProperty(o, "__proto__", { value: { polluted: "yes", toString: "x" }, enumerable: true, configurable: true, writable: true });
    Object.assign(o, { constructor: { prototype: { polluted: "yes" } } });
    return o;
  }

  function mutated(path: (string | number)[], value: unknown, proto: boolean): Json {
    const doc = structuredClone(base);
    let target = doc as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    target[last] = proto ? withProtoKeys(value) : value;
    return doc;
  }

  const toText = (doc: unknown): string => JSON.stringify(doc).replace(new RegExp(`"${RAW}([^"]*)"`, "g"), "$1");

  /** A malformed body: a mutated valid case, random JSON, random text, or truncated JSON. */
  const body = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...basePaths), replacement, fc.boolean()).map(([path, value, proto]) => toText(mutated(path, value, proto))) },
    { weight: 2, arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 4, stringUnit: "grapheme" }), fc.boolean()).map(([v, proto]) => toText(proto ? withProtoKeys(v) : v)) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 1, arbitrary: fc.nat({ max: 2000 }).map((n) => JSON.stringify(base).slice(0, n)) },
  );

  async function fuzz(path: string): Promise<{ statuses: Map<number, number>; rejectedWithoutPath: number }> {
    const bodies = fc.sample(body, { numRuns: RUNS, seed });
    const statuses = new Map<number, number>();
    let rejectedWithoutPath = 0;
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const raw = bodies[next++]!;
        const res = await api(path, { raw });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const text = await res.text();
        if (res.status >= 500) throw new Error(`seed ${seed}: ${res.status} for ${raw.slice(0, 300)}: ${text}`);
        if (res.status === 400) {
          const errors = (JSON.parse(text) as { errors?: ApiError[] }).errors;
          if (!errors?.length || errors.some((e) => typeof e.path !== "string" || e.path === "" || typeof e.message !== "string")) rejectedWithoutPath++;
        }
        expect(text).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)|node_modules|\/work\//);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return { statuses, rejectedWithoutPath };
  }

  const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
  let keysBefore: string[];
  beforeAll(() => {
    keysBefore = prototypeKeys();
  });

  it.each(["/evaluate", "/cases"])(`POST %s: ≥ ${MALFORMED} malformed bodies, 0 responses ≥ 500, every 400 names its fields`, async (path) => {
    const { statuses, rejectedWithoutPath } = await fuzz(path);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(RUNS);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(rejectedWithoutPath).toBe(0);
    const rejected = [...statuses].filter(([s]) => s >= 400).reduce((a, [, n]) => a + n, 0);
    expect(rejected).toBeGreaterThanOrEqual(MALFORMED);
    console.info(`fuzz POST /api/v1${path} (seed ${seed}): ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  }, 120_000);

  it("leaves Object.prototype unpolluted and the server answering", async () => {
    expect(prototypeKeys()).toEqual(keysBefore);
    expect(({} as Json).polluted).toBeUndefined();
    expect((await api("/cases")).status).toBe(200);
  });
});
