// Where the plugin's notes go (provider/notes.ts): the lifecycle's ("adopted …", a lost create answer
// settled, what an earlier send left) and the handlers' advice. A dynamic provider's user reads its
// notes on stderr because the engine shows that plugin's stderr, but a provider plugin's stderr only
// reaches the engine's verbose log, so the plugin sends each note to the engine's Log service,
// attached to the resource whose call wrote it. Notes are secret-free where they are written.
import { createRequire } from "node:module";
import type * as EngineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb.js";
import type * as Engine from "@pulumi/pulumi/proto/engine_pb.js";
import { grpc } from "./proto.js";

/** `ephemeral`: a passing status of the resource (the engine shows it in its progress display, not in the log). */
export type NoteSink = (message: string, urn: string | undefined, severity?: "info" | "warning", ephemeral?: boolean) => void;

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
  return (message, urn, severity = "info", ephemeral = false) => {
    proto ??= fromPulumi("./proto/engine_pb.js") as typeof Engine;
    client ??= new (fromPulumi("./proto/engine_grpc_pb.js") as typeof EngineGrpc).EngineClient(address, grpc.credentials.createInsecure());
    const req = new proto.LogRequest();
    req.setSeverity(severity === "warning" ? proto.LogSeverity.WARNING : proto.LogSeverity.INFO);
    req.setMessage(message);
    if (urn) req.setUrn(urn);
    if (ephemeral) req.setEphemeral(true);
    client.log(req, () => undefined);
  };
}
