// Pulumi's generated resource-provider protocol stubs and the gRPC library they were generated for,
// loaded from @pulumi/pulumi's own install: the stubs are CommonJS without named ESM exports, and
// taking @grpc/grpc-js through @pulumi/pulumi's resolution gives the very copy the stubs use, with no
// second dependency of ours to keep in step with theirs.
import { createRequire } from "node:module";
import type * as GrpcModule from "@grpc/grpc-js";
import type * as AnyModule from "google-protobuf/google/protobuf/any_pb.js";
import type * as EmptyModule from "google-protobuf/google/protobuf/empty_pb.js";
import type * as StructModule from "google-protobuf/google/protobuf/struct_pb.js";
import type * as PluginModule from "@pulumi/pulumi/proto/plugin_pb.js";
import type * as ProviderGrpcModule from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import type * as ProviderModule from "@pulumi/pulumi/proto/provider_pb.js";
import type * as StatusModule from "@pulumi/pulumi/proto/status_pb.js";

const fromHere = createRequire(import.meta.url);
const fromPulumi = createRequire(fromHere.resolve("@pulumi/pulumi/package.json"));

export const grpc = fromPulumi("@grpc/grpc-js") as typeof GrpcModule;
export const providerRpc = fromPulumi("./proto/provider_grpc_pb.js") as typeof ProviderGrpcModule;
export const provider = fromPulumi("./proto/provider_pb.js") as typeof ProviderModule;
export const plugin = fromPulumi("./proto/plugin_pb.js") as typeof PluginModule;
export const status = fromPulumi("./proto/status_pb.js") as typeof StatusModule;
export const struct = fromPulumi("google-protobuf/google/protobuf/struct_pb.js") as typeof StructModule;
export const empty = fromPulumi("google-protobuf/google/protobuf/empty_pb.js") as typeof EmptyModule;
export const any = fromPulumi("google-protobuf/google/protobuf/any_pb.js") as typeof AnyModule;

export type { GrpcModule, ProviderModule };
