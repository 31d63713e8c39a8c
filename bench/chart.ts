// The charts, drawn by vega-lite into SVG without a browser: wall time per phase for each
// contender, and for the scaling run time per identity against N.
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { CONTENDERS } from "./contenders.js";
import { PHASES, type PhaseResult } from "./measure.js";

async function svg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const label = (id: string) => CONTENDERS.find((c) => c.id === id)?.label ?? id;

/** Grouped bars: one group per phase, one bar per contender, at one size N. */
export function phaseChart(results: readonly PhaseResult[], n: number, latencyMs: number): Promise<string> {
  const values = results.filter((r) => r.n === n && r.ok).map((r) => ({ phase: r.phase, contender: label(r.contender), seconds: r.ms / 1000 }));
  return svg({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: `pulumi wall time per phase, ${n} identities, ${latencyMs} ms vendor latency`,
    width: 520,
    height: 260,
    data: { values },
    mark: "bar",
    encoding: {
      x: { field: "phase", type: "nominal", sort: [...PHASES], title: null, axis: { labelAngle: 0 } },
      xOffset: { field: "contender", type: "nominal", sort: CONTENDERS.map((c) => c.label) },
      y: { field: "seconds", type: "quantitative", title: "wall time (s)" },
      color: { field: "contender", type: "nominal", sort: CONTENDERS.map((c) => c.label), legend: { orient: "bottom", columns: 3, title: null, labelLimit: 400 } },
    },
  });
}

/** Lines: milliseconds per identity against N, one line per phase, for apiidentity and the floor. */
export function scaleChart(results: readonly PhaseResult[], sizes: readonly number[]): Promise<string> {
  const values = results
    .filter((r) => r.ok && sizes.includes(r.n) && (r.contender === "apiidentity" || r.contender === "floor"))
    .map((r) => ({ n: r.n, phase: r.phase, contender: label(r.contender), msPerIdentity: r.ms / r.n }));
  return svg({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "time per identity against N",
    width: 520,
    height: 260,
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "n", type: "quantitative", scale: { type: "log" }, title: "identities (N)" },
      y: { field: "msPerIdentity", type: "quantitative", title: "ms per identity" },
      color: { field: "phase", type: "nominal", sort: [...PHASES] },
      strokeDash: { field: "contender", type: "nominal", legend: { orient: "bottom", title: null, labelLimit: 400 } },
    },
  });
}
