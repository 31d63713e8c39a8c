// The notes the lifecycle writes on stderr ("apiidentity: adopted …", a lost create answer settled,
// what an earlier send left): a dynamic provider's user reads them because the engine shows that
// plugin's stderr, but a provider plugin's stderr only reaches the engine's verbose log. So the
// plugin also sends each note to the engine's Log service, attached to the resource whose call wrote
// it. The notes are written secret-free by the lifecycle; nothing else on stderr is forwarded.
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import type * as EngineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb.js";
import type * as Engine from "@pulumi/pulumi/proto/engine_pb.js";
import { grpc } from "./proto.js";

/** The URN of the resource the current call is about (set by server.ts around each call). */
export const currentUrn = new AsyncLocalStorage<string>();

export type NoteSink = (message: string, urn: string | undefined, severity?: "info" | "warning") => void;

const NOTE = "apiidentity: ";

/**
 * Hooks `stream.write` so that each line starting with `apiidentity: ` also goes to `sink`, with the
 * URN of the call that wrote it; everything is still written as before. Returns the undo.
 */
export function forwardNotes(sink: NoteSink, stream: NodeJS.WriteStream = process.stderr): () => void {
  const original = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === "string" ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString("utf8") : "";
    for (const line of text.split("\n")) {
      if (line.startsWith(NOTE)) {
        try {
          sink(line.slice(NOTE.length), currentUrn.getStore());
        } catch {
          // A note that cannot be forwarded is still on stderr.
        }
      }
    }
    return original(chunk, ...rest);
  }) as typeof stream.write;
  return () => {
    stream.write = original as typeof stream.write;
  };
}

/** Whether an argument the engine passes is its address (`127.0.0.1:port`, `localhost:port`). */
export function isEngineAddress(arg: string | undefined): arg is string {
  return arg !== undefined && /^[\w.-]+:\d+$/.test(arg);
}

/** A sink that logs each note as a diagnostic (info unless told) through the engine at `address`. */
export function engineSink(address: string): NoteSink {
  const fromHere = createRequire(import.meta.url);
  const fromPulumi = createRequire(fromHere.resolve("@pulumi/pulumi/package.json"));
  let client: InstanceType<typeof EngineGrpc.EngineClient> | undefined;
  let proto: typeof Engine | undefined;
  return (message, urn, severity = "info") => {
    proto ??= fromPulumi("./proto/engine_pb.js") as typeof Engine;
    client ??= new (fromPulumi("./proto/engine_grpc_pb.js") as typeof EngineGrpc).EngineClient(address, grpc.credentials.createInsecure());
    const req = new proto.LogRequest();
    req.setSeverity(severity === "warning" ? proto.LogSeverity.WARNING : proto.LogSeverity.INFO);
    req.setMessage(message);
    if (urn) req.setUrn(urn);
    client.log(req, () => undefined);
  };
}
