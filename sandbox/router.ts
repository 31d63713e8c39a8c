// Matches `{param}` route templates; one instance per vendor.
import type { Route, VendorState } from "./types.js";

interface Compiled<S extends VendorState> {
  route: Route<S>;
  regex: RegExp;
  names: string[];
}

export interface Match<S extends VendorState> {
  route: Route<S>;
  params: Record<string, string>;
}

export class Router<S extends VendorState> {
  private readonly compiled: Compiled<S>[];

  constructor(routes: Route<S>[]) {
    // Literal segments win over parameters: sort templates with fewer params first.
    this.compiled = routes
      .map((route) => {
        const names: string[] = [];
        const pattern = route.template
          .split("/")
          .map((seg) => {
            const m = /^\{(\w+)\}$/.exec(seg);
            if (m) {
              names.push(m[1]!);
              return "([^/]+)";
            }
            return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          })
          .join("/");
        return { route, regex: new RegExp(`^${pattern}/?$`, "i"), names };
      })
      .sort((a, b) => a.names.length - b.names.length);
  }

  /**
   * The route for method + path; `methodMismatch` when the path exists under another method. With a
   * profile, routes of other generations (`Route.profiles`) do not exist.
   */
  match(method: string, path: string, profile?: string): Match<S> | { methodMismatch: true } | undefined {
    let pathKnown = false;
    for (const c of this.compiled) {
      if (profile !== undefined && c.route.profiles && !c.route.profiles.includes(profile)) continue;
      const m = c.regex.exec(path);
      if (!m) continue;
      pathKnown = true;
      if (c.route.method !== method) continue;
      const params: Record<string, string> = {};
      c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
      return { route: c.route, params };
    }
    return pathKnown ? { methodMismatch: true } : undefined;
  }
}
