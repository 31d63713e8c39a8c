// Entry of the provider plugin `pulumi-resource-apiidentity`: serves the protocol on 127.0.0.1 at a
// free port and prints that port, alone on a line, on stdout, which is how the engine learns where
// to connect. The engine's arguments (its address, --logtostderr, -v=N, --tracing) are not needed:
// this plugin calls nothing back. Logs go to stderr only.
import { serve } from "./server.js";

try {
  const { port } = await serve();
  process.stdout.write(`${port}\n`);
} catch (e) {
  process.stderr.write(`apiidentity plugin: could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
