// A loopback CONNECT proxy for the proxy tests, a few lines over node:http: it counts the
// connections made to it and the tunnels it opens, can ask for credentials (407), refuse every
// tunnel by closing the connection, and map an authority to another port (so that the provider is
// configured with an address only the proxy can reach). A decoy listener stands at such an address:
// it counts and drops every connection that comes to it directly.
import { createServer, type IncomingMessage } from "node:http";
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from "node:net";

export interface ConnectProxy {
  /** `http://127.0.0.1:<port>` (no credentials). */
  url: string;
  port: number;
  /** TCP connections made to the proxy. */
  connections: number;
  /** The authority (`host:port`) of each tunnel the proxy opened. */
  tunnels: string[];
  /** Plain (non-CONNECT) requests the proxy was sent: it answers them 405. */
  forwarded: number;
  close(): Promise<void>;
}

export interface ConnectProxyOptions {
  /** `user:password` the proxy asks for (Proxy-Authorization: Basic); without it, none. */
  credentials?: string;
  /** Close every connection that asks for a tunnel, without an answer. */
  closeEveryTunnel?: boolean;
  /** The 127.0.0.1 port a tunnel to an authority really goes to (default: the authority itself). */
  route?: Readonly<Record<string, number>>;
}

function trackSockets(server: { on(event: "connection", l: (s: Socket) => void): unknown }): Set<Socket> {
  const open = new Set<Socket>();
  server.on("connection", (s) => {
    open.add(s);
    s.on("close", () => open.delete(s));
  });
  return open;
}

export async function startConnectProxy(o: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const server = createServer((_req, res) => {
    state.forwarded++;
    res.writeHead(405, { "content-type": "text/plain" }).end("this test proxy only opens CONNECT tunnels");
  });
  const state = { connections: 0, tunnels: [] as string[], forwarded: 0 };
  const open = trackSockets(server);
  server.on("connection", () => state.connections++);
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    client.on("error", () => undefined);
    if (o.closeEveryTunnel) {
      client.destroy();
      return;
    }
    if (o.credentials !== undefined && req.headers["proxy-authorization"] !== `Basic ${Buffer.from(o.credentials).toString("base64")}`) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const authority = req.url ?? "";
    const [host, port] = [authority.slice(0, authority.lastIndexOf(":")), Number(authority.slice(authority.lastIndexOf(":") + 1))];
    state.tunnels.push(authority);
    const routed = o.route?.[authority];
    const upstream = connect(routed ?? port, routed === undefined ? host : "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    open.add(upstream);
    upstream.on("close", () => open.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return state.connections;
    },
    tunnels: state.tunnels,
    get forwarded() {
      return state.forwarded;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of open) s.destroy();
        server.close(() => r());
      }),
  };
}

export interface Decoy {
  port: number;
  /** Connections that came here directly (each dropped at once). */
  connections: number;
  /** Counts from zero again. */
  reset(): void;
  close(): Promise<void>;
}

/** A port where nothing is served: every connection is counted and dropped. */
export async function startDecoy(): Promise<Decoy> {
  let connections = 0;
  const server = createNetServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    reset: () => void (connections = 0),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
