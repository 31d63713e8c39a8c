// Entry of the provider plugin `pulumi-resource-apiidentity`: serves the protocol on 127.0.0.1 at a
// free port and prints that port, alone on a line, on stdout, which is how the engine learns where
// to connect. Of the engine's arguments (its address, --logtostderr, -v=N, --tracing) only the address
// is used, to show the lifecycle's notes and the handlers' advice (notes.ts). Logs go to stderr.
// No top-level await: the standalone binary runs this file bundled as CommonJS (scripts/release/).
import { setPacingNotes } from "../http/index.js";
import { engineSink, isEngineAddress } from "./notes.js";
import { packageVersion } from "./package-info.js";
import { serve } from "./server.js";
import { messageOf } from "../wording.js";

const args = process.argv.slice(2);
const engine = args.find(isEngineAddress);

// `--version` tells which plugin a path or archive holds (the engine never passes it).
if (args.includes("--version")) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const sink = engine ? engineSink(engine) : undefined;
  // The transport's pacing notes belong to no resource: the engine's log, as the provider's own notes.
  if (sink) setPacingNotes({ info: (text) => sink(text, undefined, "info"), warn: (text) => sink(text, undefined, "warning") });
  serve(sink ? { note: sink } : {}).then(
    ({ port }) => {
      process.stdout.write(`${port}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`apiidentity plugin: could not start: ${messageOf(e)}\n`);
      process.exitCode = 1;
    },
  );
}
