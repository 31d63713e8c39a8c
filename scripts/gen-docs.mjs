// Writes the Inputs and Outputs tables of each resource page (docs/resources/<Kind>.md) from the
// declarations, between the page's `inputs:start`/`inputs:end` and `outputs:start`/`outputs:end`
// markers; the prose around them is hand-written (a kind without a page gets one with its description
// and the two tables). `--check` fails when a table is stale or a page is missing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadModel, root, writeOrCheck } from "./declarations.mjs";

const marker = (name, end) => (end ? `<!-- ${name}:end -->` : `<!-- ${name}:start (generated from the declarations by npm run gen; edit provider/vendors/*/inputs.ts) -->`);

/** A JSON Schema type in words a reader of the docs knows. */
function typeText(js) {
  if (Array.isArray(js.type)) return js.type.filter((t) => t !== "null").map((t) => typeText({ ...js, type: t })).join(" or ") + (js.type.includes("null") ? " or null" : "");
  if (js.anyOf || js.oneOf) {
    const alts = js.anyOf ?? js.oneOf;
    return alts.filter((a) => a.type !== "null").map(typeText).join(" or ") + (alts.some((a) => a.type === "null") ? " or null" : "");
  }
  if (js.enum) return js.enum.map((v) => `\`${v}\``).join(" or ");
  if (js.type === "array") return `${typeText(js.items ?? {})}[]`;
  if (js.type === "object") return js.typeName ? `${js.typeName} (${Object.keys(js.properties ?? {}).map((k) => `\`${k}\``).join(", ")})` : "object";
  if (js.type === "integer") return "number";
  return js.type ?? "any";
}

const cell = (s) => String(s).replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
const CHANGE = { update: "updates in place", replace: "**replaces**", none: "never a diff" };

function inputsTable(r) {
  const rows = r.inputs.map((p) =>
    [
      `\`${p.name}\``,
      typeText(p.js),
      p.required ? "yes" : "no",
      p.default === undefined ? "—" : `\`${JSON.stringify(p.default)}\``,
      CHANGE[p.onChange],
      p.secret ? "**yes**" : "no",
      cell(p.description),
    ].join(" | "),
  );
  return ["| input | type | required | default | on change | secret | description |", "|---|---|---|---|---|---|---|", ...rows.map((r) => `| ${r} |`)].join("\n");
}

function outputsTable(r) {
  const rows = r.outputs.map((p) => [`\`${p.name}\``, typeText(p.js) + (p.required ? "" : ", optional"), p.secret ? "**yes**" : "no", cell(p.description)].join(" | "));
  return ["| output | type | secret | description |", "|---|---|---|---|", ...rows.map((r) => `| ${r} |`)].join("\n");
}

/** `text` with the section between the markers of `name` set to `body`. */
function replaceSection(text, name, body, page) {
  const start = marker(name, false);
  const end = marker(name, true);
  const s = text.indexOf(start);
  const e = text.indexOf(end);
  if (s < 0 || e < s) {
    console.error(`${page} lacks the markers ${start} … ${end}: put them where the ${name} table goes.`);
    process.exit(1);
  }
  return text.slice(0, s + start.length) + "\n\n" + body + "\n\n" + text.slice(e);
}

/** The page of a kind that has none yet: its description and the two tables, for the prose to grow around. */
const newPage = (r) => `# ${r.kind}\n\n${r.description}\n\n## Inputs\n\n${marker("inputs", false)}\n${marker("inputs", true)}\n\n## Outputs\n\n${marker("outputs", false)}\n${marker("outputs", true)}\n`;

const model = await loadModel();
const files = {};
for (const r of model.resources) {
  const page = `docs/resources/${r.kind}.md`;
  let text = existsSync(join(root, page)) ? readFileSync(join(root, page), "utf8") : newPage(r);
  text = replaceSection(text, "inputs", inputsTable(r), page);
  text = replaceSection(text, "outputs", outputsTable(r), page);
  files[page] = text;
}
if (!writeOrCheck(files, "Resource tables in docs/resources")) process.exit(1);
