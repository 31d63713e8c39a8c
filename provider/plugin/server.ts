// The resource-provider gRPC service: each protocol method translated between the protocol's messages
// and PluginCalls (calls.ts), which does the work. Written here because @pulumi/pulumi's own provider
// server passes no configuration through Configure and sends no detailed diff.
import type { ServerUnaryCall, sendUnaryData, StatusObject, UntypedServiceImplementation } from "@grpc/grpc-js";
import type * as P from "@pulumi/pulumi/proto/provider_pb.js";
import type { PluginCalls } from "./calls.js";
import type { DiffAnswer, DiffKind } from "./diff.js";
import type { NoteSink } from "./notes.js";
import { packageVersion, schemaText } from "./package-info.js";
import { any, empty, grpc, plugin, provider, providerRpc, status } from "./proto.js";
import { fromStruct, toStruct, type Values } from "./struct.js";
import { CreatedButFailedError } from "../error-root.js";
import { messageOf } from "../wording.js";

export interface PluginOptions {
  /** Environment the settings fall back to (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the plugin logs (default: stderr). Never given a secret. */
  log?: (line: string) => void;
  /** Shows a warning on a resource (default: the log). */
  warn?: (message: string, urn: string) => void;
  /**
   * Shows a note on a resource, the lifecycle's and (as warnings) the handlers' advice: main.ts sends
   * them to the engine's log. Default: warnings to `warn`, other notes to the log as the dynamic
   * provider writes them on stderr (`apiidentity: <text>`).
   */
  note?: NoteSink;
}

type Unary<Req, Res> = (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void;

const PROPERTY_DIFF_KIND_OF: Record<DiffKind, P.PropertyDiff.Kind> = {
  add: provider.PropertyDiff.Kind.ADD,
  "add-replace": provider.PropertyDiff.Kind.ADD_REPLACE,
  delete: provider.PropertyDiff.Kind.DELETE,
  "delete-replace": provider.PropertyDiff.Kind.DELETE_REPLACE,
  update: provider.PropertyDiff.Kind.UPDATE,
  "update-replace": provider.PropertyDiff.Kind.UPDATE_REPLACE,
};

function diffResponse(d: DiffAnswer): P.DiffResponse {
  const r = new provider.DiffResponse();
  r.setChanges(d.changes ? provider.DiffResponse.DiffChanges.DIFF_SOME : provider.DiffResponse.DiffChanges.DIFF_NONE);
  r.setReplacesList(d.replaces);
  r.setDiffsList(d.diffs);
  r.setDeletebeforereplace(d.deleteBeforeReplace);
  r.setHasdetaileddiff(true);
  const map = r.getDetaileddiffMap();
  for (const [name, change] of Object.entries(d.detailedDiff)) {
    const pd = new provider.PropertyDiff();
    pd.setKind(PROPERTY_DIFF_KIND_OF[change.kind]);
    pd.setInputdiff(change.inputDiff);
    map.set(name, pd);
  }
  return r;
}

function failures(list: { property: string; reason: string }[]): P.CheckFailure[] {
  return list.map((f) => {
    const c = new provider.CheckFailure();
    c.setProperty(f.property);
    c.setReason(f.reason);
    return c;
  });
}


/**
 * A failure as the engine reads it: the handler's own message (the one the dynamic provider shows).
 * A CreatedButFailedError (a create that failed after its first write) becomes
 * ErrorResourceInitFailed with the id and properties of what it made, so the engine keeps the
 * identity in state instead of losing it.
 */
export function grpcFailure(e: unknown, leftBehind: (props: Values) => Values = (p) => p): Partial<StatusObject> {
  const message = messageOf(e);
  const metadata = new grpc.Metadata();
  if (e instanceof CreatedButFailedError && e.id !== "") {
    const detail = new provider.ErrorResourceInitFailed();
    detail.setId(e.id);
    detail.setProperties(toStruct(leftBehind(e.properties as Values)));
    detail.setReasonsList(e.reasons);
    const packed = new any.Any();
    packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const st = new status.Status();
    st.setCode(grpc.status.UNKNOWN);
    st.setMessage(message);
    st.addDetails(packed);
    metadata.add("grpc-status-details-bin", Buffer.from(st.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: message, metadata };
}

const unimplemented = (name: string): Unary<unknown, unknown> => (_call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: `apiidentity: ${name} is not implemented by this provider` });

/** The service implementation. The handlers and vendor code load on the first call that needs them. */
export function resourceProviderService(opts: PluginOptions = {}): UntypedServiceImplementation {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const version = packageVersion();
  const schema = schemaText();
  let loaded: Promise<PluginCalls> | undefined;
  const warn = opts.warn ?? ((message: string, urn: string) => log(`apiidentity plugin: warning: ${urn}: ${message}`));
  // Without an engine to show it, a passing status is dropped rather than logged.
  const note: NoteSink = opts.note ?? ((message, urn, severity, ephemeral) => (ephemeral ? undefined : severity === "warning" && urn ? warn(message, urn) : log(`apiidentity: ${message}`)));
  const calls = () => (loaded ??= import("./calls.js").then((m) => new m.PluginCalls(opts.env ?? process.env, note)));

  /** A method whose work is async: answers with its result or with the failure, logged by method. */
  function method<Req, Res>(name: string, work: (req: Req, c: PluginCalls) => Promise<Res>, failure = (e: unknown, _req: Req, _c: PluginCalls | undefined): Partial<StatusObject> => grpcFailure(e)): Unary<Req, Res> {
    return (call, callback) => {
      let c: PluginCalls | undefined;
      calls()
        .then((loadedCalls) => {
          c = loadedCalls;
          return work(call.request, loadedCalls);
        })
        .then(
          (res) => callback(null, res),
          (e: unknown) => {
            log(`apiidentity plugin: ${name} failed: ${messageOf(e)}`);
            callback(failure(e, call.request, c));
          },
        );
    };
  }

  const service: Record<string, Unary<never, unknown>> = {
    handshake: ((_call, callback) => {
      const r = new provider.ProviderHandshakeResponse();
      r.setAcceptSecrets(true);
      r.setAcceptResources(true);
      r.setAcceptOutputs(false);
      callback(null, r);
    }) as Unary<P.ProviderHandshakeRequest, P.ProviderHandshakeResponse>,

    getPluginInfo: ((_call, callback) => {
      const r = new plugin.PluginInfo();
      r.setVersion(version);
      callback(null, r);
    }) as Unary<unknown, InstanceType<typeof plugin.PluginInfo>>,

    getSchema: ((_call, callback) => {
      const r = new provider.GetSchemaResponse();
      r.setSchema(schema);
      callback(null, r);
    }) as Unary<P.GetSchemaRequest, P.GetSchemaResponse>,

    checkConfig: method<P.CheckRequest, P.CheckResponse>("CheckConfig", async (req) => {
      const { checkConfig } = await import("./config.js");
      const r = checkConfig(fromStruct(req.getNews()));
      const resp = new provider.CheckResponse();
      resp.setInputs(toStruct(r.inputs));
      resp.setFailuresList(failures(r.failures));
      return resp;
    }),

    diffConfig: method<P.DiffRequest, P.DiffResponse>("DiffConfig", async (req) => {
      const { diffConfig } = await import("./config.js");
      const olds = req.hasOldInputs() ? fromStruct(req.getOldInputs()) : fromStruct(req.getOlds());
      return diffResponse(diffConfig(olds, fromStruct(req.getNews())));
    }),

    configure: method<P.ConfigureRequest, P.ConfigureResponse>("Configure", async (req, c) => {
      const variables = new Map<string, string>();
      req.getVariablesMap().forEach((v, k) => variables.set(k, v));
      c.configure(variables, fromStruct(req.getArgs()));
      const r = new provider.ConfigureResponse();
      r.setAcceptsecrets(true);
      r.setAcceptresources(true);
      r.setAcceptoutputs(false);
      // Create and Update answer a preview themselves, without a vendor call.
      r.setSupportspreview(true);
      return r;
    }),

    invoke: method<P.InvokeRequest, P.InvokeResponse>("Invoke", async (req, c) => {
      const a = await c.invoke(req.getTok(), fromStruct(req.getArgs()));
      const r = new provider.InvokeResponse();
      if ("result" in a) r.setReturn(toStruct(a.result));
      r.setFailuresList(failures(a.failures));
      return r;
    }),

    check: method<P.CheckRequest, P.CheckResponse>("Check", async (req, c) => {
      const a = await c.check(req.getUrn(), fromStruct(req.getOlds()), fromStruct(req.getNews()));
      const r = new provider.CheckResponse();
      r.setInputs(toStruct(a.inputs));
      r.setFailuresList(failures(a.failures));
      return r;
    }),

    diff: method<P.DiffRequest, P.DiffResponse>("Diff", async (req, c) =>
      diffResponse(await c.diff(req.getUrn(), req.getId(), fromStruct(req.getOlds()), fromStruct(req.getNews()), fromStruct(req.getOldInputs()))),
    ),

    create: method<P.CreateRequest, P.CreateResponse>(
      "Create",
      async (req, c) => {
        const a = await c.create(req.getUrn(), fromStruct(req.getProperties()), req.getPreview());
        const r = new provider.CreateResponse();
        r.setId(a.id);
        r.setProperties(toStruct(a.properties));
        return r;
      },
      (e, req, c) => grpcFailure(e, (p) => c?.leftBehind(req.getUrn(), p) ?? p),
    ),

    read: method<P.ReadRequest, P.ReadResponse>("Read", async (req, c) => {
      const a = await c.read(req.getUrn(), req.getId(), fromStruct(req.getProperties()), fromStruct(req.getInputs()));
      const r = new provider.ReadResponse();
      r.setId(a.id);
      if (a.id !== "") {
        r.setProperties(toStruct(a.properties));
        r.setInputs(toStruct(a.inputs));
      }
      return r;
    }),

    update: method<P.UpdateRequest, P.UpdateResponse>(
      "Update",
      async (req, c) => {
        const outs = await c.update(req.getUrn(), req.getId(), fromStruct(req.getOlds()), fromStruct(req.getNews()), req.getPreview());
        const r = new provider.UpdateResponse();
        r.setProperties(toStruct(outs));
        return r;
      },
      (e, req, c) => grpcFailure(e, (p) => c?.leftBehind(req.getUrn(), p) ?? p),
    ),

    delete: method<P.DeleteRequest, InstanceType<typeof empty.Empty>>("Delete", async (req, c) => {
      await c.delete(req.getUrn(), req.getId(), fromStruct(req.getProperties()));
      return new empty.Empty();
    }),

    // Nothing runs in the background between calls, so there is nothing to stop.
    cancel: ((_call, callback) => callback(null, new empty.Empty())) as Unary<unknown, InstanceType<typeof empty.Empty>>,
    attach: ((_call, callback) => callback(null, new empty.Empty())) as Unary<unknown, InstanceType<typeof empty.Empty>>,

    // No other provider's resources map to ours (mappings are for converting Terraform programs).
    getMapping: ((_call, callback) => {
      const r = new provider.GetMappingResponse();
      r.setProvider("");
      r.setData("");
      callback(null, r);
    }) as Unary<P.GetMappingRequest, P.GetMappingResponse>,
    getMappings: ((_call, callback) => callback(null, new provider.GetMappingsResponse())) as Unary<P.GetMappingsRequest, P.GetMappingsResponse>,

    parameterize: unimplemented("Parameterize"),
    construct: unimplemented("Construct"),
    call: unimplemented("Call"),
  };
  return service as UntypedServiceImplementation;
}

export interface RunningPlugin {
  port: number;
  close(): Promise<void>;
}

/** Serves the provider on 127.0.0.1 at a port the system picks. */
export async function serve(opts: PluginOptions = {}): Promise<RunningPlugin> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.max_send_message_length": 400 * 1024 * 1024 });
  server.addService(providerRpc.ResourceProviderService, resourceProviderService(opts));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p)));
  });
  return {
    port,
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}
