// npm run bench: the shared transport side by side in one run, against the local sandbox with a
// fixed vendor latency. Compares keep-alive pools with a new connection per request, and the
// per-origin concurrency limit at 1 vs 8, for the same bounded number of requests.
import { startSandbox } from "../dist/sandbox/index.js";
import { HttpClient } from "../dist/provider/http/index.js";
import { VENDORS } from "../dist/provider/vendors/index.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 5);

// The first vendor of the registry with a read its HTTP Basic credentials may repeat: no token
// requests mixed into what is measured.
let vendor, basicRead;
for (const v of VENDORS) {
  basicRead = (await v.demo()).basicRead;
  if (basicRead !== undefined) {
    vendor = v;
    break;
  }
}
if (!vendor) throw new Error("transport bench: no vendor module declares demo.basicRead");
const sandbox = await startSandbox();
const entry = sandbox.config().vendors[vendor.name];
sandbox.faults.add({ vendor: vendor.name, method: "GET", effect: { type: "latency", ms: LATENCY_MS } });
const auth = { headers: async () => ({ authorization: "Basic " + Buffer.from(`${entry.username}:${entry.password}`).toString("base64") }) };

async function run(label, { concurrency, close }) {
  // A distinct origin spelling per case, so each case gets its own pool and limiter.
  const host = { "keep-alive": "127.0.0.1", close: "localhost" }[close ? "close" : "keep-alive"];
  const client = new HttpClient({ vendor: vendor.displayName, baseUrl: entry.baseUrl.replace("127.0.0.1", host), auth, concurrency });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, REQUESTS) }, async () => {
      while (next++ < REQUESTS) {
        await client.request({ method: "GET", path: basicRead, headers: close ? { connection: "close" } : {} });
      }
    }),
  );
  const ms = performance.now() - started;
  return { case: label, requests: REQUESTS, "wall ms": Math.round(ms), "req/s": Math.round((REQUESTS / ms) * 1000) };
}

const rows = [];
rows.push(await run("keep-alive, 8 in flight", { concurrency: 8, close: false }));
rows.push(await run("new connection each, 8 in flight", { concurrency: 8, close: true }));
rows.push(await run("keep-alive, 1 in flight", { concurrency: 1, close: false }));
console.log(`transport: ${REQUESTS} GETs of ${vendor.displayName} ${basicRead} per case, sandbox latency ${LATENCY_MS} ms, Node ${process.version}`);
console.table(rows);
await sandbox.close();
process.exit(0);
