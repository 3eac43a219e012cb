/**
 * A TCP relay between a client and a server, for tests that need the server
 * to vanish or to stop answering without stopping it: `cut()` closes every
 * relayed connection and refuses new ones (as a stopped server or a closed
 * port does), `blackhole()` keeps every connection open and accepts new
 * ones but drops every byte (as a lost route or a frozen server does),
 * `restore()` closes what is open and relays again on the same port.
 */
import { createConnection, createServer, type Server, type Socket } from "node:net";

export type TcpProxy = { port: number; cut(): Promise<void>; blackhole(): void; restore(): Promise<void>; close(): Promise<void> };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let mode: "relay" | "blackhole" = "relay";
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const serve = (): Server =>
    createServer((client) => {
      track(client);
      const upstream = createConnection(target);
      track(upstream);
      // Bytes are dropped, not relayed, while the proxy is a black hole; the connections stay open.
      client.on("data", (bytes) => void (mode === "relay" && upstream.write(bytes)));
      upstream.on("data", (bytes) => void (mode === "relay" && client.write(bytes)));
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
  const listen = (server: Server, port: number) => new Promise<number>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
  let server: Server | null = serve();
  const port = await listen(server, 0);
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const stop = async () => {
    const closing = server;
    server = null;
    dropAll();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  return {
    port,
    cut: stop,
    blackhole() {
      mode = "blackhole";
    },
    async restore() {
      mode = "relay";
      dropAll();
      if (!server) {
        server = serve();
        await listen(server, port);
      }
    },
    close: stop,
  };
}
