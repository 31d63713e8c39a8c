// After a killed `pulumi up`: the API client a pending create of VerifyApiClient made, found by the
// marker its create key gives every send (names are not unique, so nothing else is proof).
import type { Settings } from "../../settings.js";
import type { PendingCreateFacts, PendingCreateOutcome } from "../../vendor-module.js";
import { verifyClient, type VerifyClient } from "./client.js";
import { keyedNonces } from "./handler.js";
import { markerOf } from "./mappers.js";

/** What the look-up found for one pending create. */
export type PendingCreate =
  /** The client it made (the latest send's); `earlier`: clients earlier sends made late. */
  | { found: "one"; id: string; earlier: string[] }
  /** Nothing: the create never reached IBM Verify, or it was undone. */
  | { found: "none" }
  /** More than one client carries the same send's marker: left alone and named. */
  | { found: "several"; ids: string[] };

/**
 * The client named `name` that carries the marker of a send of the create with `key`, less the
 * clients some state already holds (`managed`: a replacement's old client carries the same key).
 */
export async function findPendingCreate(client: VerifyClient, name: string, key: string, managed: ReadonlySet<string>): Promise<PendingCreate> {
  const sends = keyedNonces(key);
  const found = (await client.findByName(name))
    .filter((c) => !managed.has(c.id))
    .map((c) => ({ id: c.id, send: sends.indexOf(markerOf(c.description) ?? "") }))
    .filter((x) => x.send >= 0)
    .sort((a, b) => b.send - a.send);
  const [latest, ...rest] = found;
  if (!latest) return { found: "none" };
  const same = found.filter((x) => x.send === latest.send);
  if (same.length > 1) return { found: "several", ids: same.map((x) => x.id) };
  return { found: "one", id: latest.id, earlier: rest.map((x) => x.id) };
}

/** `apiidentity recover`'s settlement of one pending create of VerifyApiClient, by its marker. */
export async function settleByMarker(settings: Settings, pending: PendingCreateFacts): Promise<PendingCreateOutcome> {
  const name = pending.inputs.clientName;
  if (pending.key === undefined || typeof name !== "string") {
    return {
      action: "unresolved",
      note: "VerifyApiClient keeps no mark of its create at the vendor without a create key (made by an older SDK): look for it by name; if it exists, adopt it with importId, else nothing is left",
    };
  }
  const found = await findPendingCreate(verifyClient(settings), name, pending.key, pending.held);
  if (found.found === "one") {
    const late = found.earlier.length ? `; earlier sends also made ${found.earlier.join(", ")}: delete ${found.earlier.length > 1 ? "them" : "it"} in IBM Verify (Security > API access)` : "";
    return { action: "import", id: found.id, note: `API client '${name}' ${found.id} carries this create's marker: imported${late}` };
  }
  if (found.found === "none") return { action: "clear", note: `no API client named '${name}' carries this create's marker: none was made` };
  return { action: "unresolved", note: `API clients ${found.ids.join(", ")} all carry this create's marker: keep one (importId) and delete the others` };
}
