// `apiidentity-sandbox [--port N] [--state FILE] [--tls CA_FILE] [--rate-limits VENDOR --time-scale N]` and `apiidentity-sandbox env --url BASE`.
import { parseArgs } from "node:util";
import { startSandbox, vendorIdOf } from "./server.js";
import { vendorModules } from "./vendors/index.js";

async function env(url: string): Promise<number> {
  const res = await fetch(new URL("/_sandbox/config", url));
  if (!res.ok) {
    process.stderr.write(`apiidentity-sandbox: ${url} answered ${res.status} for /_sandbox/config\n`);
    return 2;
  }
  const cfg = (await res.json()) as { env: Record<string, string> };
  for (const [k, v] of Object.entries(cfg.env)) process.stdout.write(`export ${k}=${shellQuote(v)}\n`);
  return 0;
}

function shellQuote(v: string): string {
  return /^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: "string", default: "0" },
      state: { type: "string" },
      url: { type: "string" },
      profile: { type: "string", multiple: true },
      tls: { type: "string" },
      "rate-limits": { type: "string", multiple: true },
      "time-scale": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(
      "usage: apiidentity-sandbox [--port N] [--state FILE] [--profile VENDOR=GENERATION]... [--tls CA_FILE] [--rate-limits VENDOR[,VENDOR] [--time-scale N]]\n       apiidentity-sandbox env --url http://127.0.0.1:PORT\n" +
        "  --tls CA_FILE  serve HTTPS with a certificate from a CA made for this run, and write that CA (PEM) to CA_FILE\n" +
        "  --rate-limits VENDOR[,VENDOR]  enforce these vendors' published rate limits (429 with Retry-After beyond them)\n" +
        "  --time-scale N  divide the rate limits' windows by N (60: a 5-minute window lasts 5 s)\n",
    );
    return 0;
  }
  if (positionals[0] === "env") {
    if (!values.url) {
      process.stderr.write("apiidentity-sandbox env: --url <sandbox url> is required\n");
      return 2;
    }
    return env(values.url);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`apiidentity-sandbox: --port must be 0..65535, got ${values.port}\n`);
    return 2;
  }
  const profiles: Record<string, string> = {};
  for (const p of values.profile ?? []) {
    const [name, generation] = p.split("=", 2);
    const vendor = name ? vendorIdOf(name, vendorModules) : undefined;
    if (!vendor || !generation) {
      process.stderr.write(`apiidentity-sandbox: --profile takes VENDOR=GENERATION (for example automation-anywhere=legacy), got '${p}'\n`);
      return 2;
    }
    profiles[vendor] = generation;
  }
  const limited = (values["rate-limits"] ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const timeScale = values["time-scale"] === undefined ? 1 : Number(values["time-scale"]);
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    process.stderr.write(`apiidentity-sandbox: --time-scale must be a positive number, got ${values["time-scale"]}\n`);
    return 2;
  }
  let sandbox;
  try {
    sandbox = await startSandbox({ port, profiles, ...(limited.length ? { rateLimits: { vendors: limited, timeScale } } : {}), ...(values.state ? { stateFile: values.state } : {}), ...(values.tls ? { tls: { caFile: values.tls } } : {}) });
  } catch (e) {
    process.stderr.write(`apiidentity-sandbox: ${(e as Error).message}\n`);
    return 2;
  }
  // The first line is a contract (tests and scripts read the URL as its last word).
  process.stdout.write(`apiidentity sandbox listening on ${sandbox.url}\n`);
  if (values.tls) process.stdout.write(`CA certificate written to ${values.tls} (trust it with NODE_EXTRA_CA_CERTS or apiidentity:caCertificates)\n`);
  const played = Object.entries(sandbox.profiles()).filter(([, p]) => p !== "default");
  if (played.length) process.stdout.write(`vendor generations: ${played.map(([v, p]) => `${v} ${p}`).join(", ")}\n`);
  if (limited.length) process.stdout.write(`rate limits enforced: ${limited.join(", ")}${timeScale === 1 ? "" : ` (windows divided by ${timeScale})`}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await sandbox.close();
  return 0;
}
