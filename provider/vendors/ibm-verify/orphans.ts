// Which IBM Verify clients carry this provider's create marker, for `apiidentity orphans`.
import type { Marked } from "../../vendor-module.js";
import { markerOf } from "./mappers.js";

/** The clients whose description ends with the create marker, with the mark as the tenant holds it. */
export function markedClients(clients: readonly { id: string; clientName: string; description?: string | null }[]): Marked[] {
  return clients.flatMap((c) => {
    const mark = markerOf(c.description);
    return mark === undefined ? [] : [{ id: c.id, name: c.clientName, mark: `[apiidentity:${mark}]` }];
  });
}
