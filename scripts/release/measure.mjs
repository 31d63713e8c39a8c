// The figures of docs/plugin.md's "Standalone binary": the size of each target's binary the release
// directory holds, uncompressed and as its .tar.gz, and the linux-amd64 binary's start to "port
// printed" beside the npm bin's (bin/pulumi-resource-apiidentity running dist/ with this Node), each
// the median of --runs starts, the two interleaved so both see the same machine. Needs
// `npm run release` (at least `-- --targets linux-amd64`) and a built dist/ first.
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { archiveName, binaryName, TARGETS } from "./targets.mjs";
import { packageVersion } from "./version.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values: args } = parseArgs({ options: { release: { type: "string" }, runs: { type: "string" } } });
const runs = Number(args.runs ?? 10);
const out = resolve(root, args.release ?? "release");
const target = TARGETS.find((t) => t.name === "linux-amd64");
const binary = join(out, "build", target.name, binaryName(target));
const archive = join(out, archiveName(packageVersion(root), target));
const npmBin = join(root, "bin", "pulumi-resource-apiidentity");

for (const [file, how] of [[binary, "npm run release -- --targets linux-amd64"], [archive, "npm run release -- --targets linux-amd64"], [join(root, "dist", "provider", "plugin", "main.js"), "tsc -p tsconfig.build.json"]]) {
  if (!existsSync(file)) {
    process.stderr.write(`measure: ${file} is missing; run ${how} first\n`);
    process.exit(1);
  }
}

/** Milliseconds from spawning `file` until it prints its port line, as the engine waits for it. */
function startTime(file, env) {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(file, ["127.0.0.1:1"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    let ms;
    child.stdout.on("data", (d) => {
      stdout += d;
      if (ms === undefined && /^\d+\n/.test(stdout)) {
        ms = performance.now() - t0;
        child.kill();
      }
    });
    child.on("exit", (code) => (ms !== undefined ? done(ms) : fail(new Error(`${file} exited ${code} before printing its port\n${stderr}`))));
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const contenders = [
  // No node on PATH for the binary: it must not need one.
  { name: "standalone binary (linux-amd64)", file: binary, env: { PATH: "/nonexistent" }, times: [] },
  { name: "npm bin (Node " + process.versions.node + ")", file: npmBin, env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` }, times: [] },
];
for (let i = 0; i < runs; i++) for (const c of contenders) c.times.push(await startTime(c.file, c.env));

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(3)} s`;
for (const t of TARGETS) {
  const file = join(out, "build", t.name, binaryName(t));
  const tgz = join(out, archiveName(packageVersion(root), t));
  if (existsSync(file) && existsSync(tgz)) console.log(`${t.name} binary: ${mb(statSync(file).size)} uncompressed, ${mb(statSync(tgz).size)} as ${archiveName(packageVersion(root), t)}`);
  else console.log(`${t.name} binary: not in ${out}`);
}
console.log(`start to "port printed", ${runs} starts each, interleaved:`);
for (const c of contenders) console.log(`  ${c.name}: median ${s(median(c.times))} (first ${s(c.times[0])}, min ${s(Math.min(...c.times))}, max ${s(Math.max(...c.times))})`);
console.log(`load average while measuring: ${loadavg().map((l) => l.toFixed(2)).join(", ")} on ${availableParallelism()} cores`);
