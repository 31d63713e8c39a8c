// Writes docs/audit-report.schema.json, the JSON Schema of `apiidentity audit --format json`, from
// the zod schema the command prints and is tested against (cli/audit-report.ts, built into dist/).
// `--check` fails when the file differs from what the zod schema gives.
import { join } from "node:path";
import * as z from "zod";
import { root, writeOrCheck } from "./declarations.mjs";

const { auditReportSchema } = await import(join(root, "dist/cli/audit-report.js"));
const schema = { $id: "https://github.com/apiidentity/pulumi-apiidentity/blob/main/docs/audit-report.schema.json", ...z.toJSONSchema(auditReportSchema, { target: "draft-2020-12" }) };
writeOrCheck({ "docs/audit-report.schema.json": JSON.stringify(schema, null, 2) + "\n" }, "The audit report's JSON Schema");
