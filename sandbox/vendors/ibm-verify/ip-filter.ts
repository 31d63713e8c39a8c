// `ipFilterOp` / `ipFilters` of an API client, applied when it asks for a token.
import { isIP } from "node:net";

/** An IPv4/IPv6 address or an IPv4 CIDR block, the forms `ipFilters` accepts (INFERRED). */
export function isIpFilterEntry(entry: string): boolean {
  const [addr, bits, extra] = entry.split("/");
  if (extra !== undefined || !addr) return false;
  const family = isIP(addr);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

function ipv4ToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

function matches(entry: string, ip: string): boolean {
  const [addr = "", bits] = entry.split("/");
  if (bits === undefined || isIP(addr) !== 4 || isIP(ip) !== 4) return addr.toLowerCase() === ip.toLowerCase();
  const n = Number(bits);
  const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
  return (ipv4ToInt(addr) & mask) === (ipv4ToInt(ip) & mask);
}

/** Whether a client with this filter may get a token from `ip`; no operation = filter disabled ([OAS]). */
export function ipAllowed(op: "allow" | "deny" | undefined, filters: string[] | undefined, ip: string): boolean {
  if (!op) return true;
  const hit = (filters ?? []).some((f) => matches(f, ip));
  return op === "allow" ? hit : !hit;
}
