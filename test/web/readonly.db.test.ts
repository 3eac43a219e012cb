import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TestClient, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe("a database that has become read-only", () => {
  it("answers writes with 503 and a clear page, and reads go on", async () => {
    const client = new TestClient(server.url);
    const list = await client.get("/");
    const id = /<th scope="row"><a href="\/cases\/([^"/]+)"/.exec(list.html)![1]!;
    const signedInBefore = new TestClient(server.url);
    await signedInBefore.get("/");
    server.store.db.pragma("query_only = ON");
    try {
      const write = await client.postForm(`/cases/${id}/duplicate`, {});
      expect(write.status).toBe(503);
      expect(write.headers.get("retry-after")).toBe("30");
      const body = await write.text();
      expect(body).toContain("Lagringen er ikke tilgjengelig");
      expect(body).not.toMatch(/SQLITE|at .*\.ts:\d+/);
      const api = await fetch(`${server.url}/api/v1/cases/${id}`, { method: "DELETE" });
      expect(api.status).toBe(503);
      expect((await client.get(`/cases/${id}`)).res.status).toBe(200);
      expect((await client.get("/")).res.status).toBe(200);
      // Another user signed in before still reads, although the time of their visit cannot be stored.
      expect((await signedInBefore.get(`/cases/${id}`)).res.status).toBe(200);
    } finally {
      server.store.db.pragma("query_only = OFF");
    }
  });
});
